import type { RoutineChangeView } from "@/lib/data/routine";
import { formatDateTime } from "@/lib/format";
import { describeChanges, type RoutineAudience } from "./describe-changes";

export function RoutineChanges({
  changes,
  timeZone,
  audience = "patient",
}: {
  changes: RoutineChangeView[];
  timeZone: string;
  audience?: RoutineAudience;
}) {
  const lines = describeChanges(changes, audience);
  if (lines.length === 0) return <p className="text-slate-700">No changes yet.</p>;
  return (
    <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt from the server on each change and never reordered in place
        <li key={index} className="px-4 py-3">
          <p className="font-medium">{line.text}</p>
          {line.detail ? <p className="text-sm text-slate-700">{line.detail}</p> : null}
          <p className="text-sm text-slate-600">
            <time dateTime={line.at.toISOString()}>{formatDateTime(line.at, timeZone)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
