import { describe, expect, it } from "vitest";
import { dateTicks, formatDay } from "@/components/progress/chart-format";

// The charts format calendar dates themselves instead of with Intl (whose first date format costs
// a phone 100-300 ms of locale loading). They must still read exactly as British English does.
const intlDay = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const intlDayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const intlMonthYear = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** Every calendar date from 2023-12-25 over three years, leap day included. */
const dates = Array.from({ length: 3 * 366 }, (_, index) =>
  new Date(Date.UTC(2023, 11, 25 + index)).toISOString().slice(0, 10),
);

describe("chart dates", () => {
  it("writes every day as Intl's en-GB does, whatever the machine's time zone", () => {
    for (const date of dates) {
      expect(formatDay(date)).toBe(intlDay.format(new Date(`${date}T00:00:00Z`)));
    }
    expect(formatDay("2024-02-29")).toBe("29 Feb 2024");
    expect(formatDay("2026-09-03")).toBe("3 Sept 2026");
  });

  it("labels a date axis with day and month over a few months, month and year over longer spans", () => {
    const months = dateTicks(dates.slice(0, 120));
    const years = dateTicks(dates);
    for (const date of dates) {
      const instant = new Date(`${date}T00:00:00Z`);
      expect(months(date)).toBe(intlDayMonth.format(instant));
      expect(years(date)).toBe(intlMonthYear.format(instant));
    }
  });

  it("shows anything that is not a calendar date as it is, and an empty label as empty", () => {
    expect(formatDay("2026-13-01")).toBe("2026-13-01");
    expect(formatDay("soon")).toBe("soon");
    expect(dateTicks(dates)("")).toBe("");
  });
});
