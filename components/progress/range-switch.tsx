"use client";

import { type ProgressRange, progressRangeLabels, progressRanges } from "@/lib/domain/progress";

/** Toggle buttons for the period the charts cover; exactly one is pressed. */
export function RangeSwitch({
  value,
  onChange,
}: {
  value: ProgressRange;
  onChange: (range: ProgressRange) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-slate-800">Period</legend>
      <div className="flex max-w-md gap-1 rounded-xl border border-slate-300 bg-white p-1">
        {progressRanges.map((range) => {
          const pressed = range === value;
          return (
            <button
              key={range}
              type="button"
              aria-pressed={pressed}
              onClick={() => onChange(range)}
              className={`min-h-11 flex-auto whitespace-nowrap rounded-lg px-3 text-sm font-semibold transition-colors ${pressed ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-100"}`}
            >
              {progressRangeLabels[range]}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
