import type { AreaPainView, CaseloadRow } from "@/lib/data/caseload";
import type { CaseloadFlag } from "@/lib/domain/caseload";

let nextId = 0;

/** One area's latest pain as the route handler sends it: a check-in within the window, no flags. */
export function areaPain(rating: number, at: string, overrides: Partial<AreaPainView> = {}): AreaPainView {
  return {
    area: "LOWER_BACK",
    rating,
    at,
    date: at.slice(0, 10),
    context: "CHECK_IN",
    recent: true,
    judged: { rating, at, date: at.slice(0, 10), context: "CHECK_IN" },
    baseline: { status: "ok", mean: rating, days: 14 },
    severe: false,
    flare: false,
    riseAfterSession: null,
    trend: null,
    ...overrides,
  };
}

/** A caseload row as the route handler sends it: active yesterday, lower back 3, 80% adherence. */
export function caseloadRow(
  overrides: Partial<CaseloadRow> & { name: string },
  flags: CaseloadFlag[] = [],
): CaseloadRow {
  nextId += 1;
  return {
    patientId: `p${nextId}`,
    timeZone: "Europe/London",
    linkedSince: "2026-01-01T09:00:00.000Z",
    lastActivityAt: "2026-03-01T09:00:00.000Z",
    daysSinceActivity: 1,
    pain: [areaPain(3, "2026-03-01T09:00:00.000Z")],
    adherence7: { done: 4, due: 5, percent: 80 },
    adherence30: { done: 16, due: 20, percent: 80 },
    flags: flags.map((flag) => ({ flag, reason: `${flag} reason.` })),
    attention: flags.length * 100_000,
    outcomes: [],
    ...overrides,
  };
}
