import { randomUUID } from "node:crypto";
import type { PainEntryView } from "@/lib/data/pain";
import { formatDateTime } from "@/lib/format";
import { painAreaLabels } from "@/lib/validation/fields";
import { HistoryRecord } from "./history-record";
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
        const region = painAreaLabels[entry.region];
        const deleted = entry.deletedAt !== null;
        const headingId = `pain-${entry.id}`;
        return (
          <li key={entry.id}>
            <HistoryRecord
              headingId={headingId}
              heading={`${region}: ${entry.rating}/10`}
              kindLabel={painContextLabels[entry.context]}
              deleted={deleted}
              edited={entry.edited}
            >
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
                  versionsHref={entry.edited ? `/history/pain/${entry.id}/versions` : undefined}
                  description={`${region} pain entry of ${when}`}
                  deleteRequestId={randomUUID()}
                  restoreRequestId={randomUUID()}
                />
              )}
            </HistoryRecord>
          </li>
        );
      })}
    </ul>
  );
}
