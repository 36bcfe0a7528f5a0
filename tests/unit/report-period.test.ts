import { describe, expect, it } from "vitest";
import {
  defaultReportDays,
  isCalendarDate,
  maximumReportDays,
  minimumReportDays,
  parseReportPeriod,
} from "@/lib/domain/report-period";

const today = "2026-12-02";

describe("the period of a progress report", () => {
  it("is the 3 months ending today when none is given", () => {
    expect(parseReportPeriod({}, today)).toEqual({ ok: true, period: { from: "2026-09-03", to: today } });
    expect(defaultReportDays).toBe(91);
  });

  it("ends today when only the first day is given, and starts 3 months before the last day when only that is", () => {
    expect(parseReportPeriod({ from: "2026-11-01" }, today)).toEqual({
      ok: true,
      period: { from: "2026-11-01", to: today },
    });
    expect(parseReportPeriod({ to: "2026-10-31" }, today)).toEqual({
      ok: true,
      period: { from: "2026-08-02", to: "2026-10-31" },
    });
  });

  it("takes the first of repeated parameters and ignores spaces around them", () => {
    expect(parseReportPeriod({ from: [" 2026-11-01 ", "1999-01-01"], to: [today] }, today)).toEqual({
      ok: true,
      period: { from: "2026-11-01", to: today },
    });
  });

  it("accepts 14 days and two years (731 days), and refuses one day fewer or one more", () => {
    expect(minimumReportDays).toBe(14);
    expect(parseReportPeriod({ from: "2026-11-19", to: today }, today).ok).toBe(true);
    expect(parseReportPeriod({ from: "2026-11-20", to: today }, today)).toMatchObject({
      ok: false,
      errors: { from: "Choose at least 14 days, so the pain trend can compare two different weeks." },
    });
    expect(maximumReportDays).toBe(731);
    expect(parseReportPeriod({ from: "2024-12-02", to: today }, today).ok).toBe(true);
    expect(parseReportPeriod({ from: "2024-12-01", to: today }, today)).toMatchObject({
      ok: false,
      errors: { from: "Choose a period of two years or less." },
    });
  });

  it("refuses a last day after today, a first day after the last, and dates that are not dates", () => {
    expect(parseReportPeriod({ from: "2026-11-01", to: "2026-12-03" }, today)).toMatchObject({
      ok: false,
      errors: { to: "The last day cannot be after today." },
    });
    expect(parseReportPeriod({ from: "2026-12-01", to: "2026-11-01" }, today)).toMatchObject({
      ok: false,
      errors: { from: "The first day must come before the last day." },
    });
    expect(parseReportPeriod({ from: "2026-02-29", to: "2026-13-01" }, today)).toEqual({
      ok: false,
      errors: {
        from: "Enter the first day as a date, for example 2026-09-01.",
        to: "Enter the last day as a date, for example 2026-11-30.",
      },
      values: { from: "2026-02-29", to: "2026-13-01" },
    });
  });

  it("keeps at most 40 characters of what was typed, to show it back in the form", () => {
    const answer = parseReportPeriod({ from: "x".repeat(5000) }, today);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.values.from).toHaveLength(40);
  });

  it("knows calendar dates: leap days only in leap years, no month 13, the written form only", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate("2026-01-01T00:00")).toBe(false);
  });
});
