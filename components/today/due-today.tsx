import Link from "next/link";
import { yourPhysio } from "@/components/care/physio-name";
import { formatDose } from "@/components/exercises/format-dose";
import { StartSessionLink } from "@/components/offline/offline-session";
import { buttonClasses } from "@/components/ui/button";
import type { RoutineItemSummary } from "@/lib/data/patient-home";

/** What the routine asks for today, what of it is done, and the one-tap start. */
export function DueToday({ routine }: { routine: RoutineItemSummary[] }) {
  const due = routine.filter((item) => item.dueToday);
  const done = due.filter((item) => item.doneToday).length;
  const allDone = due.length > 0 && done === due.length;
  return (
    <section aria-labelledby="due-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id="due-heading" className="text-lg font-semibold">
          Due today
        </h2>
        {due.length > 0 ? (
          <p className="text-sm font-medium text-slate-700">
            {done} of {due.length} done
          </p>
        ) : null}
      </div>
      {due.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
          Nothing is scheduled today. Rest well, or do a session anyway if you feel like it.
        </p>
      ) : (
        <>
          {allDone ? (
            <p className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
              Everything due today is done. Well done.
            </p>
          ) : null}
          <ul className="space-y-2">
            {due.map((item) => (
              <li
                key={item.id}
                className="flex items-start justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4"
              >
                <div className="min-w-0">
                  <Link href={`/exercises/${item.exerciseSlug}`} className="font-semibold">
                    {item.exerciseName}
                  </Link>
                  <p className="text-sm text-slate-700">{formatDose(item)}</p>
                  {item.setByRole === "PHYSIO" ? (
                    <p className="text-xs text-slate-600">Set by {yourPhysio(item.setByName, false)}</p>
                  ) : null}
                </div>
                {item.doneToday ? (
                  <span className="shrink-0 rounded-full bg-emerald-100 px-2 py-0.5 text-sm font-medium text-emerald-900">
                    <span aria-hidden="true">✓ </span>Done
                  </span>
                ) : (
                  <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-sm text-slate-700">
                    To do
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <StartSessionLink className={`${buttonClasses("primary")} min-h-14 w-full text-lg sm:w-auto sm:px-8`}>
        Start today’s session
      </StartSessionLink>
    </section>
  );
}
