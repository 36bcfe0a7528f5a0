import "server-only";
import { headers } from "next/headers";
import { config } from "@/lib/config";

/**
 * The client address, for sign-in throttling and the audit trail. `next start` fills in
 * X-Forwarded-For with the socket address only when the request has none, so a client talking to
 * Next directly can put anything there: deploy behind a reverse proxy that appends the address it
 * sees, and set TRUSTED_PROXY_HOPS to the number of such proxies (default 1: the last entry).
 * Throttling per account does not depend on this.
 */
export function clientAddressFrom(source: Headers): string {
  const entries = (source.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = config().trustedProxyHops;
  return entries.at(-hops) || source.get("x-real-ip") || "unknown";
}

export async function currentClientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}
