import { buttonClasses } from "@/components/ui/button";

// Greyed but still readable (WCAG contrast), and still focusable (aria-disabled, not disabled), so
// keyboard focus stays on the button when the last page is reached.
const disabledClasses =
  "inline-flex min-h-11 cursor-not-allowed items-center justify-center rounded-lg border border-slate-200 bg-slate-100 px-4 py-2 text-sm font-semibold text-slate-600";

type CaseloadPaginationProps = { page: number; pages: number; onPageChange: (page: number) => void };

/** Previous / "Page X of Y" / Next for pages kept in the browser. */
export function CaseloadPagination({ page, pages, onPageChange }: CaseloadPaginationProps) {
  if (pages <= 1) return null;
  const step = (label: "Previous" | "Next", target: number, enabled: boolean) => (
    <button
      type="button"
      aria-disabled={!enabled}
      className={enabled ? buttonClasses("secondary") : disabledClasses}
      onClick={() => {
        if (enabled) onPageChange(target);
      }}
    >
      {label}
      <span className="sr-only"> page</span>
    </button>
  );
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      {step("Previous", page - 1, page > 1)}
      <p aria-live="polite" className="text-sm text-slate-700">
        Page {page} of {pages}
      </p>
      {step("Next", page + 1, page < pages)}
    </nav>
  );
}
