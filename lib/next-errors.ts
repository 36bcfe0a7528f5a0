import { notFound, redirect } from "next/navigation";

/*
 * The one place that knows how Next.js tells its own control-flow errors apart.
 *
 * "Not found" has one signal in this project: data functions throw `NotFoundError`
 * (lib/data/errors.ts), which carries Next's not-found digest from here. So
 * - a page needs no translation: Next recognises the error by its digest alone and renders
 *   app/not-found.tsx with status 404, exactly as if the page had called notFound();
 * - a server action (lib/actions/action.ts) answers it with the error's "... not found" message;
 * - a route handler (lib/route-answers.ts) answers 404 JSON.
 * Nothing else reads digests or imports from `next/dist` (tests/unit/next-imports.test.ts checks).
 *
 * Next exports no recognisers outside `next/dist`, and its digest formats are internal. Rather than
 * copy its strings, they are read off what its public notFound() and redirect() throw, so they
 * follow Next if the format ever changes.
 */

function digestOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
    ? error.digest
    : undefined;
}

function digestThrownBy(signal: () => never): string {
  try {
    signal();
  } catch (error) {
    const digest = digestOf(error);
    if (digest) return digest;
  }
  throw new Error("Next.js no longer marks its navigation errors with a digest; update lib/next-errors.ts.");
}

/** The digest Next's notFound() throws: it makes Next render the not-found page with status 404. */
export const notFoundDigest = digestThrownBy(notFound);

// A redirect's digest is "<code>;<type>;<url>;<status>;"; only the code is the same for every one.
const redirectCode = digestThrownBy(() => redirect("/")).split(";")[0];

/** "Not found" from the data layer (NotFoundError) or from Next's own notFound(). */
export function isNotFound(error: unknown): boolean {
  return digestOf(error) === notFoundDigest;
}

/** A redirect() on its way to Next: it must be rethrown, never answered as a failure. */
export function isRedirect(error: unknown): boolean {
  return digestOf(error)?.split(";")[0] === redirectCode;
}
