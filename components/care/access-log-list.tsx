import type { AccessLogEntry } from "@/lib/data/access-log";
import { formatDate, formatDateTime } from "@/lib/format";

const outcomeNotes: Record<string, string> = {
  DENIED: " (refused: they had no access)",
  FAILED: " (did not go through)",
};

export function AccessLogList({ entries, timeZone }: { entries: AccessLogEntry[]; timeZone: string }) {
  if (entries.length === 0) {
    return <p className="text-slate-700">Nobody else has looked at or changed your data.</p>;
  }
  return (
    <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {entries.map((entry) => (
        <li key={entry.id} className="px-4 py-3">
          <p>
            <span className="font-medium">{entry.who}</span>
            {entry.role === "PHYSIO" ? " (physiotherapist)" : ""}: {entry.what}
            {outcomeNotes[entry.outcome] ?? ""}
          </p>
          <p className="text-sm text-slate-700">
            {entry.count > 1 ? (
              <>
                {entry.count} times on{" "}
                <time dateTime={entry.at.toISOString()}>{formatDate(entry.at, timeZone)}</time>
              </>
            ) : (
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, timeZone)}</time>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
