import type { ReactNode } from "react";
import { HistoryBadge } from "./history-badge";

/** One logged record in a history list: its heading and badges, greyed and dashed once deleted. */
export function HistoryRecord({
  headingId,
  heading,
  kindLabel,
  deleted,
  edited,
  children,
}: {
  headingId: string;
  heading: ReactNode;
  /** How it was logged: "Guided", "Quick log", "Check-in"… */
  kindLabel: string;
  deleted: boolean;
  edited: boolean;
  children: ReactNode;
}) {
  return (
    <article
      aria-labelledby={headingId}
      className={`space-y-3 rounded-xl border p-4 ${deleted ? "border-dashed border-slate-400 bg-slate-100 text-slate-600" : "border-slate-200 bg-white"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="mr-auto font-semibold">
          {heading}
        </h3>
        {deleted ? <HistoryBadge tone="deleted">Deleted</HistoryBadge> : null}
        <HistoryBadge tone="brand">{kindLabel}</HistoryBadge>
        {edited ? <HistoryBadge>Edited</HistoryBadge> : null}
      </div>
      {children}
    </article>
  );
}
