import type { CaseloadRow } from "@/lib/data/caseload";
import type { CaseloadFlag } from "@/lib/domain/caseload";

let nextId = 0;

/** A caseload row as the route handler sends it: active yesterday, pain 3, steady, 80% adherence. */
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
    latestPain: { rating: 3, at: "2026-03-01T09:00:00.000Z" },
    baseline: 3,
    trend: "STEADY",
    adherence7: { done: 4, due: 5, percent: 80 },
    adherence30: { done: 16, due: 20, percent: 80 },
    flags: flags.map((flag) => ({ flag, reason: `${flag} reason.` })),
    attention: flags.length * 100_000,
    ...overrides,
  };
}
