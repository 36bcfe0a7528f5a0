import Link from "next/link";
import type { ReactNode } from "react";
import type { AreaPainView, CaseloadRow } from "@/lib/data/caseload";
import { type CaseloadFlag, type FlagReason, flagLabels } from "@/lib/domain/caseload";
import { adherenceText, areaPainFacts, lastActivityText, outcomeChangeText } from "./caseload-format";

const flagTones: Record<CaseloadFlag, string> = {
  SEVERE_PAIN: "border-red-300 bg-red-50 text-red-800",
  PAIN_FLARE: "border-red-300 bg-red-50 text-red-800",
  WORSE_OUTCOME: "border-amber-300 bg-amber-50 text-amber-900",
  LOW_ADHERENCE: "border-amber-300 bg-amber-50 text-amber-900",
  INACTIVE: "border-slate-300 bg-slate-100 text-slate-800",
};

// The accent repeats what the flag badges say in words; severe pain and flares outrank the rest.
function accentClass(flags: FlagReason[]): string {
  if (flags.some(({ flag }) => flag === "PAIN_FLARE" || flag === "SEVERE_PAIN")) return "border-l-red-600";
  return flags.length > 0 ? "border-l-amber-500" : "border-l-transparent";
}

/** A dash on screen, words for a screen reader. */
function Missing({ meaning }: { meaning: string }) {
  return (
    <>
      <span aria-hidden="true" className="text-slate-600">
        —
      </span>
      <span className="sr-only">{meaning}</span>
    </>
  );
}

function AdherenceValue({ adherence }: { adherence: CaseloadRow["adherence7"] }) {
  const text = adherenceText(adherence);
  return text ? <span className="whitespace-nowrap">{text}</span> : <Missing meaning="nothing due" />;
}

/** Every area, worst first: "Left hip 6/10 on 2 Dec; 14-day average 4.1". */
function LatestPain({ row }: { row: CaseloadRow }) {
  if (row.pain.length === 0) return <Missing meaning="no pain logged" />;
  return (
    <ul className="space-y-1">
      {row.pain.map((area: AreaPainView) => (
        <li key={area.area} className={area.recent ? "" : "text-slate-600"}>
          {areaPainFacts(area)}
        </li>
      ))}
    </ul>
  );
}

/** Per instrument, the change since its first score and whether it reaches the published threshold. */
function OutcomeChanges({ row }: { row: CaseloadRow }) {
  if (row.outcomes.length === 0) return <Missing meaning="no questionnaires answered" />;
  return (
    <ul className="space-y-1">
      {row.outcomes.map((outcome) => (
        <li key={outcome.instrument}>{outcomeChangeText(outcome)}</li>
      ))}
    </ul>
  );
}

/** Each flag as a labelled badge with its reason written out, never only as a colour or a tooltip. */
function FlagList({ flags }: { flags: FlagReason[] }) {
  if (flags.length === 0) return <p className="text-sm text-slate-600">No flags</p>;
  return (
    <ul className="space-y-1.5">
      {flags.map(({ flag, reason }) => (
        <li key={flag} className="text-sm text-slate-800">
          <span
            className={`mr-1.5 inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${flagTones[flag]}`}
          >
            {flagLabels[flag]}
          </span>
          <span className="sr-only">: </span>
          {reason}
        </li>
      ))}
    </ul>
  );
}

function PatientLink({ row }: { row: CaseloadRow }) {
  return (
    <Link href={`/patients/${encodeURIComponent(row.patientId)}`} className="font-semibold">
      {row.name}
    </Link>
  );
}

/** `cellClass` keeps a wordy column wide enough to read; the table scrolls sideways instead. */
type Column = { key: string; heading: string; value: (row: CaseloadRow) => ReactNode; cellClass?: string };

const columns: Column[] = [
  { key: "activity", heading: "Last activity", value: (row) => lastActivityText(row.daysSinceActivity) },
  {
    key: "adherence7",
    heading: "Adherence, 7 days",
    value: (row) => <AdherenceValue adherence={row.adherence7} />,
  },
  {
    key: "adherence30",
    heading: "Adherence, 30 days",
    value: (row) => <AdherenceValue adherence={row.adherence30} />,
  },
  {
    key: "pain",
    heading: "Latest pain by area",
    value: (row) => <LatestPain row={row} />,
    cellClass: "min-w-48",
  },
  {
    key: "outcomes",
    heading: "Outcome change",
    value: (row) => <OutcomeChanges row={row} />,
    cellClass: "min-w-32",
  },
];

/** Wide screens (lg and up): one table row per patient. */
export function CaseloadTable({ rows, caption }: { rows: CaseloadRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 align-bottom text-slate-700">
          <tr>
            <th scope="col" className="border-l-4 border-l-transparent px-3 py-2 font-semibold">
              Patient
            </th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="px-3 py-2 font-semibold">
                {column.heading}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-semibold">
              Flags
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.patientId} className="border-t border-slate-200 align-top">
              <th
                scope="row"
                className={`min-w-36 border-l-4 px-3 py-3 font-normal ${accentClass(row.flags)}`}
              >
                <PatientLink row={row} />
              </th>
              {columns.map((column) => (
                <td key={column.key} className={`px-3 py-3 ${column.cellClass ?? ""}`}>
                  {column.value(row)}
                </td>
              ))}
              <td className="min-w-48 px-3 py-3">
                <FlagList flags={row.flags} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Narrower screens: one card per patient, every value next to its label, nothing to scroll sideways. */
export function CaseloadCards({ rows, label }: { rows: CaseloadRow[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-3">
      {rows.map((row) => (
        <li
          key={row.patientId}
          className={`rounded-xl border border-l-4 border-slate-200 bg-white p-4 ${accentClass(row.flags)}`}
        >
          <h2 className="text-base">
            <PatientLink row={row} />
          </h2>
          <PatientFigures row={row} />
        </li>
      ))}
    </ul>
  );
}

/** One patient's flags and figures, each value under its label. */
function PatientFigures({ row }: { row: CaseloadRow }) {
  return (
    <>
      <div className="mt-2">
        <FlagList flags={row.flags} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        {columns.map((column) => (
          <div key={column.key}>
            <dt className="text-slate-600">{column.heading}</dt>
            <dd className="text-slate-900">{column.value(row)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The caseload's summary of one patient, at the top of their record. */
export function PatientSummary({ row }: { row: CaseloadRow }) {
  return (
    <section
      aria-label="Summary"
      className={`rounded-xl border border-l-4 border-slate-200 bg-white p-4 ${accentClass(row.flags)}`}
    >
      <PatientFigures row={row} />
    </section>
  );
}
