import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";
import { authConfig, backgroundRefreshAuthConfig } from "@/lib/auth.config";
import { idleSignOutBody, isBackgroundRefresh } from "@/lib/background-refresh";
import { config as settings } from "@/lib/config";
import { routeAccess } from "@/lib/public-routes";

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

/** Set by Next's router on the requests it makes to prefetch a page. */
const prefetchHeader = "next-router-prefetch";

function contentSecurityPolicy(nonce: string): string {
  const dev = settings().nodeEnv !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
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
  const csp = contentSecurityPolicy(nonce);
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

const pageProxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const access = routeAccess(pathname);
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

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  // The session cookie slides on every other request. Server actions check the session
  // themselves, and some (sign-in, sign-out, password change) set or clear the cookie: refreshing
  // the old one here as well would race with theirs. (A page request in flight during a sign-out
  // can still bring the old cookie back; the session's revocation makes it worthless.)
  if (request.method === "POST" && request.headers.has("next-action")) {
    return withSecurityHeaders(request, true);
  }
  // A prefetch is the router guessing where the person may go next, not something they did: it
  // neither renews the idle time nor sets the cookie. (One answered after a sign-out and someone
  // else's sign-in brought the old, revoked cookie back over the new one, signing the new person
  // out.) The page it renders checks the session itself, as every page does.
  if (request.headers.has(prefetchHeader)) {
    return withSecurityHeaders(request, routeAccess(request.nextUrl.pathname) !== "public");
  }
  // Auth.js types its wrapper as a union of call forms; this is the middleware one (request, event).
  if (isBackgroundRefresh(request)) return backgroundProxy(request, event as never);
  return pageProxy(request, event as never);
}

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|exercises/.*\\.svg|manifest.webmanifest).*)",
  ],
};
