import type { DetachedNotes } from "@/lib/data/detached-notes";
import { formatDate, formatDateTime } from "@/lib/format";

/** The physiotherapist's own notes about patients who erased their account, read only. */
export function DetachedNotesList({ groups, timeZone }: { groups: DetachedNotes[]; timeZone: string }) {
  return (
    <ul className="space-y-4">
      {groups.map((group) => (
        <li
          key={`${group.erasedAt.toISOString()}-${group.patientLabel}`}
          className="space-y-2 rounded-xl border border-slate-200 bg-white p-4"
        >
          <div>
            <p className="font-medium">{group.patientLabel}</p>
            <p className="text-sm text-slate-700">
              Closed their account on {formatDate(group.erasedAt, timeZone)}. Kept until{" "}
              {formatDate(group.keptUntil, timeZone)}, then deleted.
            </p>
          </div>
          <ul className="space-y-2">
            {group.notes.map((note) => (
              <li key={note.id} className="border-l-4 border-slate-200 pl-3">
                <p className="text-xs text-slate-600">
                  <time dateTime={note.createdAt.toISOString()}>
                    {formatDateTime(note.createdAt, timeZone)}
                  </time>
                </p>
                <p className="whitespace-pre-line break-words">{note.body}</p>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
