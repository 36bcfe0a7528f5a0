import Link from "next/link";
import type { AssignmentView } from "@/lib/data/outcomes";
import { instrumentFor, instrumentSlug } from "@/lib/instruments/index";

/** Today's questionnaires from the physiotherapist; nothing when none is due. */
export function DueOutcomes({ due: schedules }: { due: AssignmentView[] }) {
  // Two schedules of one instrument due together are answered once: one link per instrument.
  const due = schedules.filter(
    (item, index) => schedules.findIndex((other) => other.instrument === item.instrument) === index,
  );
  if (due.length === 0) return null;
  return (
    <section
      aria-labelledby="due-outcomes-heading"
      className="space-y-2 rounded-xl border border-brand-100 bg-brand-50 p-4"
    >
      <h2 id="due-outcomes-heading" className="text-lg font-semibold">
        Questionnaire{due.length === 1 ? "" : "s"} due
      </h2>
      <ul className="space-y-1">
        {due.map((item) => {
          const instrument = instrumentFor(item.instrument);
          return instrument ? (
            <li key={item.id}>
              <Link href={`/outcomes/${instrumentSlug(instrument)}`} className="font-semibold">
                {instrument.name}
              </Link>{" "}
              <span className="text-sm text-slate-700">(asked by your physiotherapist; one screen)</span>
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
