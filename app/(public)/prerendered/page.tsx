// The landing page as a visitor without a session sees it, rendered once at build time. proxy.ts
// rewrites `/` here for such visitors only; see lib/static-pages.ts.
export { default } from "@/app/page";

// Rendered at build time with no request: the layout's header reads no cookie, so it is the
// signed-out header, and Next's inline scripts carry no nonce (their hashes go in the CSP).
export const dynamic = "force-static";
