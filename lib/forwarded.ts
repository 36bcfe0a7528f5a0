// Who is on the other end of a request. The production server (scripts/server.ts) knows the socket
// address; X-Forwarded-For is believed only as far as TRUSTED_PROXY_HOPS reverse proxies wrote it,
// because anything before those entries was written by the client. The result travels to the app in
// an internal header the server always overwrites, so the sign-in throttle and the audit trail read
// one derivation and a client cannot supply it.
import { isIP } from "node:net";

/** Set by scripts/server.ts on every request (a client's own value is replaced); read by lib/request-context.ts. */
export const clientAddressHeader = "x-client-address";

/** What a request whose address cannot be told is counted and recorded as. */
export const unknownAddress = "unknown";

/** An address as a throttle key and audit value: no port, no IPv4-mapped IPv6 prefix, or "unknown". */
export function normaliseAddress(raw: string | undefined): string {
  let value = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : unknownAddress;
}

/**
 * The client's address. The chain is X-Forwarded-For's entries followed by the socket address; the
 * last `trustedHops` of them are our own proxies, so the client is the one just before them. With no
 * trusted hops (the default, the server facing the network directly) that is the socket address and
 * the header is ignored. A chain shorter than the hops (a request that bypassed the proxies) gives
 * its first entry.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  if (trustedHops <= 0) return normaliseAddress(socketAddress);
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...entries, socketAddress ?? ""];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}
