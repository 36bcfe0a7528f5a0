// Each exercise as a visitor without a session sees it, rendered once at build time. proxy.ts
// rewrites `/exercises/<slug>` here for such visitors only, and only for the slugs built here;
// see lib/static-pages.ts.
import { listExercises } from "@/lib/data/exercises";

export { default, generateMetadata } from "@/app/(public)/exercises/[slug]/page";

export const dynamic = "force-static";
// Only the catalog's own slugs: any other address is answered by the dynamic page (its 404).
export const dynamicParams = false;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return (await listExercises()).map((exercise) => ({ slug: exercise.slug }));
}
