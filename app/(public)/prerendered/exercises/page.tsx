// The unfiltered catalog as a visitor without a session sees it, rendered once at build time.
// proxy.ts rewrites `/exercises` (with no query: a filtered list is rendered per request) here for
// such visitors only; see lib/static-pages.ts.
export { default, metadata } from "@/app/(public)/exercises/page";

export const dynamic = "force-static";
