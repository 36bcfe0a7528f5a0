import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";
import { authConfig, backgroundRefreshAuthConfig } from "@/lib/auth.config";
import { idleSignOutBody, isBackgroundRefresh } from "@/lib/background-refresh";
import { buildDir, config as settings } from "@/lib/config";
import { hasStaticCopy, routeAccess } from "@/lib/public-routes";
import {
  prerenderedPathOf,
  prerenderedPrefix,
  staticCopyCacheControl,
  staticPageHashes,
} from "@/lib/static-pages";

// Optimistic only: redirects visitors without a session away from every page not listed as public
// (lib/public-routes.ts). Every page, action and route handler checks the session and the data's
// owner itself (lib/data).
const { auth } = NextAuth(authConfig);
// Background refreshes (the caseload's timer, a chart refetched on focus) are checked by an instance
// whose token callback never renews the idle time: only what the person does keeps them signed in.
const { auth: backgroundAuth } = NextAuth(backgroundRefreshAuthConfig);

/**
 * What the app sets on everything private. Exactly this value reaches the browser: Next adds its own
 * `private, no-cache, no-store, ...` to dynamic pages only when no Cache-Control is set yet, so a
 * test can tell the app's header from Next's.
 */
const privateCacheControl = "no-store";

/**
 * The policy of every page. `scripts` is what may run besides the site's own files: a page rendered
 * per request names its nonce (and 'strict-dynamic', so the scripts it loads may load theirs); a
 * page rendered at build time names the hash of each of its inline scripts, and nothing else
 * (without 'strict-dynamic', which would make browsers ignore 'self' and block Next's script files).
 */
function contentSecurityPolicy(scripts: { nonce: string } | { hashes: string[] }): string {
  const dev = settings().nodeEnv !== "production";
  const scriptSrc =
    "nonce" in scripts
      ? `script-src 'self' 'nonce-${scripts.nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`
      : ["script-src 'self'", ...scripts.hashes].join(" ");
  return [
    "default-src 'self'",
    scriptSrc,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (/sw.js) and nothing else: without it, workers would fall back to
    // script-src, whose 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(request: NextRequest, noStore: boolean): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy({ nonce });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Where the visitor was going, so a page that finds the session ended can send them back after
  // signing in (always set here, so a client cannot supply it).
  requestHeaders.set("x-return-to", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (noStore) response.headers.set("Cache-Control", privateCacheControl);
  return response;
}

/**
 * The copy of a public page rendered at build time (lib/static-pages.ts), for a visitor without a
 * session asking for the plain page, when this build has one; otherwise null.
 */
function staticCopy(request: NextRequest, signedIn: boolean): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (signedIn || search !== "" || (request.method !== "GET" && request.method !== "HEAD")) return null;
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const hashes = staticPageHashes(buildDir()).get(path);
  if (!hashes) return null;
  // The request's own URL with another path: a rewrite to any other origin would be fetched by Next
  // as an external request (scripts/server.ts says which origin Next compares with).
  const target = request.nextUrl.clone();
  target.pathname = prerenderedPathOf(path);
  const response = NextResponse.rewrite(target);
  response.headers.set("Content-Security-Policy", contentSecurityPolicy({ hashes }));
  response.headers.set("Cache-Control", staticCopyCacheControl);
  return response;
}

const pageProxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  // The build-time copies are reached through the rewrite below only: an address of one of them
  // is sent to the page it copies, which each visitor then gets as they should.
  if (pathname === prerenderedPrefix || pathname.startsWith(`${prerenderedPrefix}/`)) {
    const target = new URL(pathname.slice(prerenderedPrefix.length) || "/", request.nextUrl.origin);
    target.search = search;
    return NextResponse.redirect(target, 308);
  }
  const access = routeAccess(pathname);
  const signedIn = Boolean(request.auth?.user);
  if (hasStaticCopy(pathname)) {
    const copy = staticCopy(request, signedIn);
    if (copy) return copy;
    // Rendered for this visitor: a signed-in header names them. Never kept by any cache.
    if (signedIn) return withSecurityHeaders(request, true);
  }
  if (access === "signed-in-page" && !request.auth?.user) {
    const target = new URL("/sign-in", request.nextUrl.origin);
    target.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(target);
    redirect.headers.set("Cache-Control", privateCacheControl);
    return redirect;
  }
  return withSecurityHeaders(request, access !== "public");
});

const backgroundProxy = backgroundAuth((request) => {
  if (!request.auth?.user) {
    return NextResponse.json(idleSignOutBody, {
      status: 401,
      headers: { "Cache-Control": privateCacheControl },
    });
  }
  return withSecurityHeaders(request, true);
});

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  // The session cookie slides on every other request. Server actions check the session
  // themselves, and some (sign-in, sign-out, password change) set or clear the cookie: refreshing
  // the old one here as well would race with theirs. (Prefetches in flight during a sign-out can
  // still bring the old cookie back; the session's revocation makes it worthless.)
  if (request.method === "POST" && request.headers.has("next-action")) {
    return withSecurityHeaders(request, true);
  }
  // Auth.js types its wrapper as a union of call forms; this is the middleware one (request, event).
  if (isBackgroundRefresh(request)) return backgroundProxy(request, event as never);
  // No session cookie, so no session: Auth.js is not asked (it would only set its CSRF and callback
  // cookies on the copy).
  if (!hasSessionCookie(request)) {
    const copy = staticCopy(request, false);
    if (copy) return copy;
  }
  return pageProxy(request, event as never);
}

/** Auth.js's session cookie, under its plain or `__Secure-` name, whole or in chunks. */
function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some(({ name }) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));
}

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|exercises/.*\\.svg|manifest.webmanifest).*)",
  ],
};
