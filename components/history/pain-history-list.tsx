import { randomUUID } from "node:crypto";
import type { PainEntryView } from "@/lib/data/pain";
import { formatDateTime } from "@/lib/format";
import { painRegionLabels } from "@/lib/validation/logs";
import { HistoryBadge } from "./history-badge";
import { painContextLabels } from "./labels";
import { RecordActions } from "./record-actions";

export function PainHistoryList({
  entries,
  timeZone,
  readOnly = false,
}: {
  entries: PainEntryView[];
  timeZone: string;
  /** A physiotherapist reads the entries; only the patient edits or deletes them. */
  readOnly?: boolean;
}) {
  return (
    <ul className="space-y-3">
      {entries.map((entry) => {
        const when = formatDateTime(entry.recordedAt, timeZone);
        const region = painRegionLabels[entry.region];
        const deleted = entry.deletedAt !== null;
        const headingId = `pain-${entry.id}`;
        return (
          <li key={entry.id}>
            <article
              aria-labelledby={headingId}
              className={`space-y-2 rounded-xl border p-4 ${deleted ? "border-dashed border-slate-400 bg-slate-100 text-slate-600" : "border-slate-200 bg-white"}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={headingId} className="mr-auto font-semibold">
                  {region}: {entry.rating}/10
                </h3>
                {deleted ? <HistoryBadge tone="deleted">Deleted</HistoryBadge> : null}
                <HistoryBadge tone="brand">{painContextLabels[entry.context]}</HistoryBadge>
                {entry.edited ? <HistoryBadge>Edited</HistoryBadge> : null}
              </div>
              <p className="text-sm">{when}</p>
              {entry.note ? (
                <p className="whitespace-pre-line break-words text-sm">
                  <span className="font-medium">Note: </span>
                  {entry.note}
                </p>
              ) : null}
              {readOnly ? null : (
                <RecordActions
                  kind="pain"
                  id={entry.id}
                  deleted={deleted}
                  editHref={`/history/pain/${entry.id}/edit`}
                  description={`${region} pain entry of ${when}`}
                  deleteRequestId={randomUUID()}
                  restoreRequestId={randomUUID()}
                />
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
