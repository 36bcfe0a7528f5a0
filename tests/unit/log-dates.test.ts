import { describe, expect, it } from "vitest";
import { backfillDays, earliestLogDate } from "@/lib/domain/log-dates";

describe("how far back a log may be dated", () => {
  it("is a year before the account was created, to the millisecond", () => {
    const created = new Date("2026-03-01T10:30:00.000Z");
    expect(backfillDays).toBe(365);
    expect(earliestLogDate(created).toISOString()).toBe("2025-03-01T10:30:00.000Z");
  });
});
