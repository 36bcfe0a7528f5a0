"use client";

import { type ReactNode, useId, useState } from "react";
import { buttonClasses } from "@/components/ui/button";

export type LegendItem = {
  label: string;
  colour: string;
  /** A line (optionally dashed, or bold), or a bar (filled, or outlined when `outline`). */
  shape: "line" | "bold-line" | "bar";
  dash?: string;
  outline?: boolean;
};

export type ChartTable = {
  caption: string;
  /** Column headings; the first heads the row headings. */
  columns: string[];
  rows: { key: string; heading: string; cells: (string | number | null)[] }[];
};

type ChartCardProps = {
  title: string;
  summary: string;
  /** Shown instead of the summary and the chart when there is nothing to draw. */
  empty?: ReactNode;
  /** Shown instead of the chart (the summary stays) when there is too little to draw a trend. */
  notice?: ReactNode;
  legend?: LegendItem[];
  /** Text that belongs with the chart, such as the streak or how to read the bars. */
  details?: ReactNode;
  table?: ChartTable;
  /** 2 by default; 3 for charts grouped under their own section heading. */
  headingLevel?: 2 | 3;
  children: ReactNode;
};

/**
 * The frame every progress chart shares: a heading, the summary in words, the chart with an HTML
 * legend, and a table with the same numbers behind a "Show table" button. The chart itself is an
 * image to assistive technology; the summary and the table carry its content.
 */
export function ChartCard({
  title,
  summary,
  empty,
  notice,
  legend,
  details,
  table,
  headingLevel = 2,
  children,
}: ChartCardProps) {
  const headingId = useId();
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <Heading id={headingId} className="text-lg font-semibold">
        {title}
      </Heading>
      {empty ? (
        <p className="rounded-lg bg-slate-50 px-3 py-4 text-slate-800">{empty}</p>
      ) : (
        <>
          <p className="text-slate-800">{summary}</p>
          {details}
          {notice ? (
            <p className="rounded-lg bg-slate-50 px-3 py-4 text-slate-800">{notice}</p>
          ) : (
            <>
              <div>{children}</div>
              {legend ? <ChartLegend items={legend} /> : null}
            </>
          )}
          {table && table.rows.length > 0 ? <TableToggle title={title} table={table} /> : null}
        </>
      )}
    </section>
  );
}

function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-2">
          <svg aria-hidden="true" width="28" height="14" viewBox="0 0 28 14" className="shrink-0">
            {item.shape === "bar" ? (
              <rect
                x="4"
                y="1"
                width="20"
                height="12"
                rx="2"
                fill={item.outline ? "#ffffff" : item.colour}
                stroke={item.outline ? item.colour : "none"}
                strokeWidth="2"
              />
            ) : (
              <line
                x1="1"
                y1="7"
                x2="27"
                y2="7"
                stroke={item.colour}
                strokeWidth={item.shape === "bold-line" ? 4 : 2}
                strokeDasharray={item.dash}
              />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

function TableToggle({ title, table }: { title: string; table: ChartTable }) {
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const captionId = `${tableId}-caption`;
  return (
    <div className="space-y-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={tableId}
        onClick={() => setOpen((value) => !value)}
        className={buttonClasses("secondary")}
      >
        {open ? "Hide table" : "Show table"}
        <span className="sr-only"> for {title}</span>
      </button>
      <div id={tableId} hidden={!open} className="min-w-0 space-y-2">
        {open ? (
          <>
            {/* Shown outside the scrolling box so it stays readable on a phone; the caption is for
                assistive technology. */}
            <p id={captionId} aria-hidden="true" className="text-sm font-medium text-slate-800">
              {table.caption}
            </p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls in this named region, and keyboard users must focus it to scroll (WCAG 2.1.1, axe scrollable-region-focusable). */}
            <section className="max-w-full overflow-x-auto" tabIndex={0} aria-labelledby={captionId}>
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{table.caption}</caption>
                <thead>
                  <tr>
                    {table.columns.map((column, index) => (
                      <th
                        key={column}
                        scope="col"
                        className={`border-b border-slate-300 px-2 py-1 align-bottom font-semibold ${index === 0 ? "text-left" : "text-right"}`}
                      >
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.key} className="border-b border-slate-100">
                      <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                        {row.heading}
                      </th>
                      {row.cells.map((cell, index) => (
                        <td
                          key={table.columns[index + 1] ?? index}
                          className="px-2 py-1 text-right tabular-nums"
                        >
                          {cell === null ? (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="sr-only">none</span>
                            </>
                          ) : (
                            cell
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        ) : null}
      </div>
    </div>
  );
}
