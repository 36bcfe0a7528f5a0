import { generalSafetyAdvice } from "@/lib/catalog/exercises";

/** The general safety advice; `printUnit` keeps it whole on one printed page (print stylesheet). */
export function SafetyNotice({ printUnit = false }: { printUnit?: boolean }) {
  return (
    <aside
      data-print-unit={printUnit ? "" : undefined}
      aria-labelledby="safety-heading"
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="safety-heading" className="mb-2 font-semibold">
        Before you start
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {generalSafetyAdvice.map((advice) => (
          <li key={advice}>{advice}</li>
        ))}
      </ul>
    </aside>
  );
}
