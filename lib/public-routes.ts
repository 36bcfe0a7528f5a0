// What proxy.ts does with a path. Only the routes listed here are open to visitors without a
// session: any other path, including a page added later, counts as signed-in, so forgetting to list
// a new page makes it private, never public. The proxy only redirects optimistically; every page,
// action and route handler still checks the session and the data's owner itself (lib/data).

/** `/x` is that path only; `/x/*` is everything below it. */
const publicRoutes = [
  "/",
  "/exercises",
  "/exercises/*",
  "/help",
  "/offline",
  "/sw.js",
  "/icons/*",
  "/sign-in",
  "/sign-up",
  "/api/auth/*",
  "/api/health",
];

// An invitation's address carries its token, so its page is never cached. The page itself answers
// visitors without a session (it offers sign-in and sign-up).
// The e-mailed links of account recovery carry their token in the query: never cached either; nor
// the secret calendar feed and the unsubscribe link of reminder e-mails, which calendar services
// and mail programs open without a session.
const invitationRoutes = [
  "/invite/*",
  "/verify-email",
  "/forgot-password",
  "/reset-password",
  "/calendar/*",
  "/unsubscribe/*",
];

export type RouteAccess =
  /** Anyone may open it. */
  | "public"
  /** Anyone may open it; never cached. */
  | "public-no-store"
  /** A page that needs a session: a visitor without one is sent to sign-in. Never cached. */
  | "signed-in-page"
  /** A route handler that needs a session: it answers 401 JSON itself, so no redirect. Never cached. */
  | "signed-in-api";

function matches(pattern: string, pathname: string): boolean {
  if (!pattern.endsWith("/*")) return pathname === pattern;
  const parent = pattern.slice(0, -1);
  return pathname.startsWith(parent) && pathname.length > parent.length;
}

export function routeAccess(pathname: string): RouteAccess {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  // The framework's own requests (development tooling, build assets the proxy matcher lets through).
  if (path.startsWith("/_next/") || path.startsWith("/__nextjs")) return "public";
  if (publicRoutes.some((pattern) => matches(pattern, path))) return "public";
  if (invitationRoutes.some((pattern) => matches(pattern, path))) return "public-no-store";
  return path === "/api" || path.startsWith("/api/") ? "signed-in-api" : "signed-in-page";
}
