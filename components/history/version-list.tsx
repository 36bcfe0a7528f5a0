import { formatDateTime } from "@/lib/format";
import type { VersionLine } from "./describe-versions";

/** The kept changes of one record, newest first: when, by whom, and what each edit changed. */
export function VersionList({ lines, timeZone }: { lines: VersionLine[]; timeZone: string }) {
  if (lines.length === 0) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
        No earlier versions: this entry has not been changed since it was saved.
      </p>
    );
  }
  return (
    <ol className="space-y-3" aria-label="Changes, newest first">
      {lines.map((line) => (
        <li key={line.version} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
          <p>
            <span className="font-semibold">{line.change}</span> by {line.by},{" "}
            <time dateTime={line.at.toISOString()}>{formatDateTime(line.at, timeZone)}</time>
          </p>
          {line.fields.length ? (
            <dl className="space-y-1 text-sm">
              {line.fields.map((field) => (
                <div key={field.field} className="break-words">
                  <dt className="font-medium">{field.field}</dt>
                  <dd className="pl-3">
                    was <span className="text-slate-700">{field.before}</span>, now{" "}
                    <span className="font-medium">{field.after}</span>
                  </dd>
                </div>
              ))}
            </dl>
          ) : line.change === "Edited" ? (
            <p className="text-sm text-slate-700">Saved again without a change.</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
