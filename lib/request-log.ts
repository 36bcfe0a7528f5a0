// What the server's one line per request says: a request id that can be trusted, and the route
// pattern the path matched (never the path itself: paths carry ids and invitation tokens).
import type { IncomingHttpHeaders } from "node:http";
import { config, type Environment, readConfig } from "./config.ts";

/** The request id header: read from a trusted proxy, always set on the request and the response. */
export const requestIdHeader = "x-request-id";

const saneRequestId = /^[A-Za-z0-9._-]{1,128}$/;

/** A request id that is safe to write into a log line and a response header. */
export function isSaneRequestId(value: unknown): value is string {
  return typeof value === "string" && saneRequestId.test(value);
}

/** Reverse proxies in front that append to X-Forwarded-For (TRUSTED_PROXY_HOPS, as lib/forwarded.ts reads it; 0: none). */
export function trustedProxyHops(env?: Environment): number {
  return (env ? readConfig(env) : config()).trustedProxyHops;
}

/**
 * The id of this request. One sent with the request is kept only when the request passed through
 * the trusted proxies (X-Forwarded-For has an entry from each, the same trust the client address
 * gets) and is a plain token; otherwise the server makes one, so a client cannot forge or flood it.
 */
export function requestIdFor(headers: IncomingHttpHeaders, hops: number, makeId: () => string): string {
  const forwardedFor = headers["x-forwarded-for"];
  const proxies = (typeof forwardedFor === "string" ? forwardedFor : "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean).length;
  const sent = headers[requestIdHeader];
  // With no trusted proxy the client talks to us directly: nothing it sends is kept.
  return hops > 0 && proxies >= hops && isSaneRequestId(sent) ? sent : makeId();
}

type ManifestRoute = { page: string; regex: string };
/** The parts of Next's routes-manifest.json (in the build folder) that name the app's routes. */
export type RoutesManifest = { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] };

/** What a path that matches no route of the app is logged as. */
export const unmatchedRoute = "unmatched";

function pathnameOf(url: string): string | null {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  if (path.startsWith("/")) return path;
  // The absolute form a proxy may send ("GET http://host/path HTTP/1.1").
  try {
    return /^https?:\/\//i.test(path) ? new URL(path).pathname : null;
  } catch {
    return null;
  }
}

/**
 * Maps a request URL to the route it reached: a page or route handler as the build names it
 * (`/patients/[patientId]`, `/invite/[token]`), one of the files in public/ by its name, the build's
 * static assets as one route, or "unmatched". Query strings are never part of it.
 */
export function createRouteMatcher(
  manifest: RoutesManifest,
  publicFiles: Iterable<string> = [],
): (url: string) => string {
  const routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({
    page: route.page,
    pattern: new RegExp(route.regex),
  }));
  const files = new Set(publicFiles);
  return (url) => {
    let pathname = pathnameOf(url);
    if (pathname === null) return unmatchedRoute;
    if (pathname.startsWith("/_next/static/")) return "/_next/static/[...path]";
    if (pathname === "/_next/image") return pathname;
    if (files.has(pathname)) return pathname;
    // React Server Component payloads of a page may be asked for at a suffixed path.
    pathname = pathname.replace(/\.segments\/.*$/, "").replace(/\.rsc$/, "");
    return routes.find((route) => route.pattern.test(pathname))?.page ?? unmatchedRoute;
  };
}
