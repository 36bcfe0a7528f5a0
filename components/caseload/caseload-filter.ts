// Searching, filtering, sorting and paging the caseload in the browser. Pure: rows in, rows out,
// so the table and its unit tests agree on every rule.
import type { CaseloadRow } from "@/lib/data/caseload";
import { type CaseloadFlag, compareByAttention } from "@/lib/domain/caseload";

export const caseloadPageSize = 25;

export const caseloadFlagFilters = [
  "all",
  "SEVERE_PAIN",
  "PAIN_FLARE",
  "WORSE_OUTCOME",
  "LOW_ADHERENCE",
  "INACTIVE",
  "any",
  "none",
] as const;
export type CaseloadFlagFilter = (typeof caseloadFlagFilters)[number];

export const caseloadFlagFilterLabels: Record<CaseloadFlagFilter, string> = {
  all: "All patients",
  SEVERE_PAIN: "Severe pain",
  PAIN_FLARE: "Pain flare",
  WORSE_OUTCOME: "Worse outcome score",
  LOW_ADHERENCE: "Low adherence",
  INACTIVE: "Inactive",
  any: "Any flag",
  none: "No flags",
};

export const caseloadSorts = ["attention", "name", "last-activity", "pain"] as const;
export type CaseloadSort = (typeof caseloadSorts)[number];

export const caseloadSortLabels: Record<CaseloadSort, string> = {
  attention: "By the triage rules",
  name: "Name (A to Z)",
  "last-activity": "Most recent activity",
  pain: "Highest recent pain",
};

export type CaseloadFilter = { search: string; flag: CaseloadFlagFilter; sort: CaseloadSort };

export const defaultCaseloadFilter: CaseloadFilter = { search: "", flag: "all", sort: "attention" };

/** Lower case without accents, so "jose" finds "José" and "ZOE" finds "Zoë". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function matchesSearch(name: string, search: string): boolean {
  const terms = foldForSearch(search).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const folded = foldForSearch(name);
  return terms.every((term) => folded.includes(term));
}

function matchesFlag(flags: readonly { flag: CaseloadFlag }[], filter: CaseloadFlagFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "any":
      return flags.length > 0;
    case "none":
      return flags.length === 0;
    default:
      return flags.some(({ flag }) => flag === filter);
  }
}

type SortableRow = Pick<CaseloadRow, "name" | "attention" | "lastActivityAt" | "pain">;

const byName = (a: SortableRow, b: SortableRow) =>
  a.name.localeCompare(b.name, "en", { sensitivity: "base" });

const activityTime = (row: SortableRow) =>
  row.lastActivityAt === null ? Number.NEGATIVE_INFINITY : Date.parse(row.lastActivityAt);

// The worst area rated in the 14-day window; older ratings are shown, not ranked.
const painRating = (row: SortableRow) =>
  Math.max(Number.NEGATIVE_INFINITY, ...row.pain.filter((area) => area.recent).map((area) => area.rating));

// Ties fall back to the attention order, so the patient who needs attention stays higher.
const comparators: Record<CaseloadSort, (a: SortableRow, b: SortableRow) => number> = {
  attention: compareByAttention,
  name: (a, b) => byName(a, b) || compareByAttention(a, b),
  "last-activity": (a, b) => {
    const [timeA, timeB] = [activityTime(a), activityTime(b)];
    return timeA === timeB ? compareByAttention(a, b) : timeB > timeA ? 1 : -1;
  },
  pain: (a, b) => {
    const [painA, painB] = [painRating(a), painRating(b)];
    return painA === painB ? compareByAttention(a, b) : painB > painA ? 1 : -1;
  },
};

/** The rows that match the search and the flag filter, in the chosen order (a new array). */
export function filterCaseload<Row extends SortableRow & { flags: readonly { flag: CaseloadFlag }[] }>(
  rows: readonly Row[],
  { search, flag, sort }: CaseloadFilter,
): Row[] {
  return rows
    .filter((row) => matchesSearch(row.name, search) && matchesFlag(row.flags, flag))
    .sort(comparators[sort]);
}

export type CaseloadPage<Row> = { items: Row[]; page: number; pages: number; total: number };

/** One page of rows. A page past either end shows the nearest page; an empty list has one page. */
export function paginate<Row>(
  rows: readonly Row[],
  page: number,
  pageSize: number = caseloadPageSize,
): CaseloadPage<Row> {
  const size = Math.max(1, Math.floor(pageSize));
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Number.isFinite(page) ? Math.min(Math.max(1, Math.floor(page)), pages) : 1;
  return {
    items: rows.slice((current - 1) * size, current * size),
    page: current,
    pages,
    total: rows.length,
  };
}
