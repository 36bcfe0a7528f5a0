import "server-only";
import { headers } from "next/headers";

/**
 * The client address as the nearest proxy saw it. Next's own server appends the socket address to
 * X-Forwarded-For, so the last entry is the one no client can forge.
 */
export function clientAddressFrom(source: Headers): string {
  const forwarded = source.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || source.get("x-real-ip") || "unknown";
}

export async function currentClientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}
