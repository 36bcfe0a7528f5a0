import { stringify } from "csv-stringify/sync";

// How a CSV export is written, kept free of the data layer so it can be tested on its own.

export type Cell = string | number | null;

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula gets a leading apostrophe, so it is shown
 * as the text it is. Only text: numbers are written as numbers, so a score of -3 stays -3.
 */
export function neutraliseCell(value: Cell): Cell {
  if (typeof value === "string" && formulaStart.test(value)) return `'${value}`;
  return value;
}

/** A CSV document from a header and rows of cells, every text cell neutralised. */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    { header: true, columns: [...columns], bom: true, record_delimiter: "windows" },
  );
}
