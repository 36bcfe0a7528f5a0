import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromLocalDateTime } from "@/lib/domain/calendar";
import { toDateTimeLocalValue } from "@/lib/format";

describe("reading a date-time field in the patient's time zone", () => {
  it("reads the same wall-clock time as different instants in different zones", () => {
    expect(fromLocalDateTime("2026-07-01T08:30", "Europe/London")?.toISOString()).toBe(
      "2026-07-01T07:30:00.000Z",
    );
    expect(fromLocalDateTime("2026-07-01T08:30", "America/New_York")?.toISOString()).toBe(
      "2026-07-01T12:30:00.000Z",
    );
    expect(fromLocalDateTime("2026-07-01T08:30", "UTC")?.toISOString()).toBe("2026-07-01T08:30:00.000Z");
  });

  it("reads a time skipped by the spring change as the clock time after the jump, and a repeated one as the first", () => {
    // London skips 01:00-02:00 on 29 March 2026 and repeats 01:00-02:00 on 25 October 2026.
    expect(fromLocalDateTime("2026-03-29T01:30", "Europe/London")?.toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(fromLocalDateTime("2026-10-25T01:30", "Europe/London")?.toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("refuses what is not a date-time field value", () => {
    expect(fromLocalDateTime("yesterday", "UTC")).toBeNull();
    expect(fromLocalDateTime("2026-07-01 08:30", "UTC")).toBeNull();
  });

  it("turns the value shown for an instant back into that instant (to the minute), whatever the zone", () => {
    const zones = [
      "Europe/London",
      "America/New_York",
      "Asia/Kolkata",
      "Pacific/Auckland",
      "Australia/Lord_Howe",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, ms) => {
          const minute = Math.floor(ms / 60_000) * 60_000;
          const shown = toDateTimeLocalValue(new Date(minute), zone);
          const read = fromLocalDateTime(shown, zone);
          // A repeated autumn hour reads as its first occurrence; otherwise the instant comes back.
          expect(toDateTimeLocalValue(read ?? new Date(Number.NaN), zone)).toBe(shown);
          expect(read?.getTime()).toBeLessThanOrEqual(minute);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
