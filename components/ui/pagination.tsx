import Link from "next/link";
import { buttonClasses } from "./button";

/** Previous / "Page X of Y" / Next as real links, so paging works without JavaScript. */
export function Pagination({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  // Greyed but still readable (WCAG contrast): a faded button would be lost on low-vision screens.
  const disabled =
    "inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-200 bg-slate-100 px-4 py-2 text-sm font-semibold text-slate-600";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClasses("secondary")}>
          Previous<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span aria-hidden="true" className={disabled}>
          Previous
        </span>
      )}
      <p className="text-sm text-slate-700">
        Page {page} of {pages}
      </p>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={buttonClasses("secondary")}>
          Next<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span aria-hidden="true" className={disabled}>
          Next
        </span>
      )}
    </nav>
  );
}
