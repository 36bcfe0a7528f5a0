import { describe, expect, it } from "vitest";
import { compareByAttention, summarisePatient } from "@/lib/domain/caseload";
import { nextOccurrence, openOccurrence, outcomeTrend, type ScoredResponse } from "@/lib/domain/outcomes";

const at = (date: string) => new Date(`${date}T09:00:00Z`);
const psfs = (date: string, ...ratings: number[]): ScoredResponse => ({
  instrument: "PSFS",
  score: ratings.reduce((a, b) => a + b, 0) / ratings.length,
  completedAt: at(date),
  activities: ratings.map((rating, index) => ({ name: `Activity ${index + 1}`, rating })),
});
const groc = (date: string, score: number): ScoredResponse => ({
  instrument: "GROC",
  score,
  completedAt: at(date),
});

describe("when a scheduled measure is due (local calendar dates)", () => {
  const every4 = { firstDueDate: "2026-11-02", everyWeeks: 4, untilDate: "2026-12-31" };

  it("opens on the first date and stays open until the next occurrence", () => {
    expect(openOccurrence(every4, "2026-11-01")).toBeNull();
    expect(openOccurrence(every4, "2026-11-02")).toBe("2026-11-02");
    expect(openOccurrence(every4, "2026-11-29")).toBe("2026-11-02");
    expect(openOccurrence(every4, "2026-11-30")).toBe("2026-11-30");
    expect(nextOccurrence(every4, "2026-11-01")).toBe("2026-11-02");
    expect(nextOccurrence(every4, "2026-11-02")).toBe("2026-11-30");
  });

  it("has no occurrence after the end date, the last one stays open", () => {
    expect(nextOccurrence(every4, "2026-11-30")).toBe("2026-12-28");
    expect(nextOccurrence(every4, "2026-12-28")).toBeNull();
    expect(openOccurrence(every4, "2027-02-01")).toBe("2026-12-28");
    const endsBeforeSecond = { firstDueDate: "2026-11-02", everyWeeks: 4, untilDate: "2026-11-29" };
    expect(nextOccurrence(endsBeforeSecond, "2026-11-02")).toBeNull();
    expect(openOccurrence(endsBeforeSecond, "2026-12-01")).toBe("2026-11-02");
  });

  it("keeps a one-off open from its date on", () => {
    const once = { firstDueDate: "2026-11-02", everyWeeks: null, untilDate: null };
    expect(openOccurrence(once, "2026-11-01")).toBeNull();
    expect(openOccurrence(once, "2027-01-01")).toBe("2026-11-02");
    expect(nextOccurrence(once, "2026-11-02")).toBeNull();
  });
});

describe("change since the first score", () => {
  it("calls PSFS improved or worse only at 2 points or more over activities rated both times", () => {
    expect(outcomeTrend([psfs("2026-11-02", 3, 4)])).toMatchObject({ change: null, direction: "NOT_JUDGED" });
    expect(outcomeTrend([psfs("2026-11-30", 5, 6), psfs("2026-11-02", 3, 4)])).toMatchObject({
      change: 2,
      important: true,
      direction: "IMPROVED",
      first: { score: 3.5 },
      latest: { score: 5.5 },
    });
    expect(outcomeTrend([psfs("2026-11-02", 3, 4), psfs("2026-11-30", 4, 5)])).toMatchObject({
      change: 1,
      direction: "NO_IMPORTANT_CHANGE",
    });
    expect(outcomeTrend([psfs("2026-11-02", 6, 6), psfs("2026-11-30", 4, 4)])).toMatchObject({
      change: -2,
      direction: "WORSE",
    });
  });

  it("judges the global rating of change on its latest answer: ±3 is important", () => {
    expect(outcomeTrend([groc("2026-11-30", 3)])).toMatchObject({ important: true, direction: "IMPROVED" });
    expect(outcomeTrend([groc("2026-11-30", 2)])).toMatchObject({ direction: "NO_IMPORTANT_CHANGE" });
    expect(outcomeTrend([groc("2026-11-30", -2)])).toMatchObject({ direction: "NO_IMPORTANT_CHANGE" });
    expect(outcomeTrend([groc("2026-11-30", -3)])).toMatchObject({ important: true, direction: "WORSE" });
  });
});

describe("the caseload's Worse outcome score flag", () => {
  const base = {
    timeZone: "Europe/London",
    now: at("2026-12-01"),
    pain: [],
    sessionTimes: [at("2026-11-30")],
    lastActivityAt: at("2026-11-30"),
    routine: [],
    watchedSince: at("2026-10-01"),
  };

  it("states the fact and its rule, and ranks after pain flags and before low adherence", () => {
    const worse = summarisePatient({
      ...base,
      outcomes: [psfs("2026-11-02", 6, 6), psfs("2026-11-30", 4, 3)],
    });
    expect(worse.flags).toEqual([
      {
        flag: "WORSE_OUTCOME",
        reason: "PSFS -2.5 points since 2 Nov (6 to 3.5 on 30 Nov; rule: a fall of 2 or more).",
      },
    ]);
    const notImportant = summarisePatient({
      ...base,
      outcomes: [psfs("2026-11-02", 6, 6), psfs("2026-11-30", 5, 6)],
    });
    expect(notImportant.flags).toEqual([]);
    const globalWorse = summarisePatient({ ...base, outcomes: [groc("2026-11-30", -3)] });
    expect(globalWorse.flags[0]?.reason).toBe("Global change -3 on 30 Nov (rule: -3 or less).");
    expect(worse.attention).toBeGreaterThan(notImportant.attention);
    // Low adherence is worth less than a worse outcome score in the triage order.
    expect(worse.attention).toBeGreaterThanOrEqual(1_000_000);
    expect(worse.attention).toBeLessThan(10_000_000);
    expect(
      [
        { name: "Adherence", attention: 100_000 },
        { name: "Outcome", attention: worse.attention },
      ].sort(compareByAttention)[0]?.name,
    ).toBe("Outcome");
  });
});
