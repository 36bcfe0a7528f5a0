import type { ReportPeriod } from "@/lib/domain/report-period";

/**
 * The report's period (and, for a physiotherapist, whether their notes are in it): a plain GET form,
 * so it works before any script loads and the address can be bookmarked.
 */
export function ReportPeriodForm({
  action,
  values,
  errors = {},
  notesChoice,
}: {
  action: string;
  values: ReportPeriod;
  errors?: Partial<Record<keyof ReportPeriod, string>>;
  /** Set for a physiotherapist: whether their clinical notes are included. */
  notesChoice?: boolean;
}) {
  const field = (name: keyof ReportPeriod, label: string) => (
    <div className="space-y-1">
      <label htmlFor={`report-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`report-${name}`}
        name={name}
        type="date"
        defaultValue={values[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `report-${name}-error` : undefined}
        className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
      />
      {errors[name] ? (
        <p id={`report-${name}-error`} className="text-sm font-medium text-red-800">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form
      data-print-hide=""
      method="get"
      action={action}
      aria-label="Report period"
      className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4"
    >
      {field("from", "First day")}
      {field("to", "Last day")}
      {notesChoice !== undefined ? (
        <div className="flex min-h-11 items-center gap-2">
          <input
            id="report-notes"
            name="notes"
            type="checkbox"
            value="1"
            defaultChecked={notesChoice}
            className="size-5"
          />
          <label htmlFor="report-notes" className="text-sm font-medium">
            Include my clinical notes from this period
          </label>
        </div>
      ) : null}
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-100"
      >
        Show report
      </button>
    </form>
  );
}
