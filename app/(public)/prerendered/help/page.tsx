// "When to get help" as a visitor without a session sees it, rendered once at build time.
// proxy.ts rewrites `/help` here for such visitors only; see lib/static-pages.ts.
export { default, metadata } from "@/app/(public)/help/page";

export const dynamic = "force-static";
