import { randomUUID } from "node:crypto";
import { SessionThread } from "@/components/care/session-thread";
import type { SessionCommentView } from "@/lib/data/clinical-notes";
import type { SessionView } from "@/lib/data/sessions";
import { formatDateTime } from "@/lib/format";
import { HistoryRecord } from "./history-record";
import { formatDuration, formatEntry, formatPainChange, sessionSourceLabels } from "./labels";
import { RecordActions } from "./record-actions";

export function SessionHistoryList({
  sessions,
  timeZone,
  comments = {},
  physioFor,
}: {
  sessions: SessionView[];
  timeZone: string;
  comments?: Record<string, SessionCommentView[]>;
  /** Set when a physiotherapist reads a patient's sessions: no edit or delete, a comment form instead. */
  physioFor?: { patientId: string };
}) {
  return (
    <ul className="space-y-3">
      {sessions.map((session) => {
        const when = formatDateTime(session.startedAt, timeZone);
        const deleted = session.deletedAt !== null;
        const pain = formatPainChange(session.painBefore, session.painAfter);
        const headingId = `session-${session.id}`;
        return (
          <li key={session.id}>
            <HistoryRecord
              headingId={headingId}
              heading={when}
              kindLabel={sessionSourceLabels[session.source]}
              deleted={deleted}
              edited={session.edited}
            >
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">Duration</dt>
                <dd>{formatDuration(session.durationSeconds)}</dd>
                {pain ? (
                  <>
                    <dt className="text-slate-600">Pain before → after</dt>
                    <dd>{pain}</dd>
                  </>
                ) : null}
              </dl>
              <ul className="list-disc space-y-0.5 pl-5 text-sm" aria-label="Exercises">
                {session.entries.map((entry, index) => (
                  // Entries have no id of their own; their order is stable within a version.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <li key={index}>{formatEntry(entry)}</li>
                ))}
              </ul>
              {session.notes ? (
                <p className="whitespace-pre-line break-words text-sm">
                  <span className="font-medium">Notes: </span>
                  {session.notes}
                </p>
              ) : null}
              <SessionThread
                messages={comments[session.id] ?? []}
                patientId={physioFor?.patientId ?? comments[session.id]?.[0]?.patientId ?? null}
                sessionId={session.id}
                timeZone={timeZone}
                audience={physioFor ? "physio" : "patient"}
                description={`session of ${when}`}
              />
              {physioFor ? null : (
                <RecordActions
                  kind="session"
                  id={session.id}
                  deleted={deleted}
                  editHref={`/history/sessions/${session.id}/edit`}
                  versionsHref={session.edited ? `/history/sessions/${session.id}/versions` : undefined}
                  description={`session of ${when}`}
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
