import "server-only";
import { headers } from "next/headers";
import { clientAddressHeader, normaliseAddress } from "@/lib/forwarded";

/**
 * The client address, for the per-address throttle and the audit trail: the one scripts/server.ts
 * derived (lib/forwarded.ts) and put in an internal header, overwriting whatever the client sent.
 * Served any other way (`next dev`), the header is missing and every request counts as "unknown".
 */
export function clientAddressFrom(source: Headers): string {
  return normaliseAddress(source.get(clientAddressHeader) ?? undefined);
}

export async function currentClientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}
