import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth.config";

// Optimistic only: redirects visitors without a session away from signed-in pages. Every page,
// action and route handler checks the session and the data's owner itself (lib/data).
const { auth } = NextAuth(authConfig);

const signedInPrefixes = [
  "/today",
  "/caseload",
  "/account",
  "/home",
  "/patients",
  "/session",
  "/log",
  "/progress",
  "/history",
  "/routine",
];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  const needsSession = signedInPrefixes.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
  if (needsSession && !request.auth?.user) {
    const target = new URL("/sign-in", request.nextUrl.origin);
    target.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(target);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (needsSession) response.headers.set("Cache-Control", "no-store");
  return response;
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|exercises/.*\\.svg|manifest.webmanifest).*)"],
};
