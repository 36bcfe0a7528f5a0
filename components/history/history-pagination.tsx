import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { HistoryTab } from "./history-tabs";

export function HistoryPagination({ tab, page, pages }: { tab: HistoryTab; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (target: number) => `/history?tab=${tab}&page=${target}`;
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
