import Link from "next/link";
import { formatDose } from "@/components/exercises/format-dose";
import { SafetyNotice } from "@/components/exercises/safety-notice";
import { doseSetAt } from "@/components/routine/provenance";
import { categoryLabels } from "@/lib/catalog/exercises";
import type { PrintableRoutine } from "@/lib/data/printouts";
import type { RoutineItemView } from "@/lib/data/routine";
import { describeDays } from "@/lib/domain/schedule";
import { formatDate } from "@/lib/format";
import { PrintButton } from "./print-button";

/**
 * Who set an exercise and when, in words that read the same whoever prints the sheet: it is the
 * patient's own programme, on their fridge.
 */
function setByLine(item: RoutineItemView, setAt: Date, patientName: string, timeZone: string): string {
  const on = formatDate(setAt, timeZone);
  return item.setBy.role === "PHYSIO"
    ? `Prescribed by ${item.setBy.name}, physiotherapist, on ${on}`
    : `Added by ${patientName} on ${on}`;
}

/** The home programme as a sheet of paper: every exercise with its drawing, steps and cautions. */
export function PrintableRoutineView({ routine, backHref }: { routine: PrintableRoutine; backHref: string }) {
  const { patient, items } = routine;
  const printed = formatDate(routine.printedAt, patient.timeZone);
  return (
    <article data-print-view="" className="max-w-3xl space-y-6">
      <div data-print-hide="" className="flex flex-wrap items-center gap-3">
        <PrintButton />
        <Link href={backHref}>Back to the routine</Link>
      </div>
      <header className="space-y-1 border-b border-slate-300 pb-3">
        <h1 className="text-2xl font-bold">Home exercise programme</h1>
        <p className="text-slate-800">
          For {patient.name} · printed {printed} ·{" "}
          {items.length === 1 ? "1 exercise" : `${items.length} exercises`}, in the order a session takes them
        </p>
      </header>

      <SafetyNotice printUnit />

      {items.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4">
          There are no exercises in this routine yet, so there is nothing to print.
        </p>
      ) : (
        <ol className="space-y-4">
          {items.map((item, index) => (
            <li
              key={item.id}
              data-print-unit=""
              className="space-y-3 rounded-xl border border-slate-300 bg-white p-4"
            >
              <div className="flex flex-wrap items-start gap-4">
                {/* A plain img: the drawing must be loaded before the browser prints. */}
                {/* biome-ignore lint/performance/noImgElement: printed pages need the file as it is, not a lazy optimised image */}
                <img
                  src={item.exercise.illustration}
                  alt={`Drawing of ${item.exercise.name}`}
                  width={180}
                  height={120}
                  className="h-30 w-45 shrink-0 rounded border border-slate-200 bg-white"
                />
                <div className="min-w-0 flex-1 basis-56 space-y-1">
                  <h2 className="text-lg font-semibold">
                    {index + 1}. {item.exercise.name}
                  </h2>
                  <p className="font-medium">
                    {formatDose(item)} · {describeDays(item.daysOfWeek)}
                  </p>
                  <p className="text-sm text-slate-700">{categoryLabels[item.exercise.category]}</p>
                  <p className="text-sm text-slate-700">
                    {setByLine(item, doseSetAt(item, routine.history), patient.name, patient.timeZone)}
                  </p>
                </div>
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <div>
                  <h3 className="font-semibold">Steps</h3>
                  <ol className="list-decimal space-y-1 pl-5 text-sm">
                    {item.exercise.steps.map((step) => (
                      <li key={step}>{step}</li>
                    ))}
                  </ol>
                </div>
                <div>
                  <h3 className="font-semibold">Take care</h3>
                  <ul className="list-disc space-y-1 pl-5 text-sm">
                    {item.exercise.cautions.map((caution) => (
                      <li key={caution}>{caution}</li>
                    ))}
                  </ul>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      <p data-print-unit="" className="border-t border-slate-300 pt-3 text-sm text-slate-700">
        Stop an exercise that causes sharp or increasing pain, and ask your physiotherapist before changing
        the dose. This sheet does not replace their advice. For warning signs that need a doctor, see “When to
        get help” in the app.
      </p>
    </article>
  );
}
