import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDate as localDateOf, localDayOf } from "@/lib/domain/calendar";

const hours = (day: { start: Date; end: Date }) => (day.end.getTime() - day.start.getTime()) / 3_600_000;
const iso = (day: { start: Date; end: Date }) => [day.start.toISOString(), day.end.toISOString()];

// Every boundary below was checked against the system tz database (`TZ=... date -d ...`) as well.
describe("localDayOf", () => {
  it("gives an ordinary London winter day 24 hours from midnight GMT", () => {
    const day = localDayOf(new Date("2026-11-27T20:17:00Z"), "Europe/London");
    expect(day.date).toBe("2026-11-27");
    expect(iso(day)).toEqual(["2026-11-27T00:00:00.000Z", "2026-11-28T00:00:00.000Z"]);
  });

  describe("Europe/London", () => {
    it("makes Sunday 29 March 2026 23 hours long: clocks go forward at 01:00 GMT", () => {
      const day = localDayOf(new Date("2026-03-29T12:00:00Z"), "Europe/London");
      expect(day.date).toBe("2026-03-29");
      expect(iso(day)).toEqual(["2026-03-29T00:00:00.000Z", "2026-03-29T23:00:00.000Z"]);
      expect(hours(day)).toBe(23);
    });

    it("puts 23:30 UTC on 29 March on Monday 30 March, which starts at 23:00 UTC", () => {
      const day = localDayOf(new Date("2026-03-29T23:30:00Z"), "Europe/London");
      expect(day.date).toBe("2026-03-30");
      expect(day.start.toISOString()).toBe("2026-03-29T23:00:00.000Z");
    });

    it("makes Sunday 25 October 2026 25 hours long: clocks go back at 02:00 BST", () => {
      const day = localDayOf(new Date("2026-10-25T01:30:00Z"), "Europe/London");
      expect(day.date).toBe("2026-10-25");
      expect(iso(day)).toEqual(["2026-10-24T23:00:00.000Z", "2026-10-26T00:00:00.000Z"]);
      expect(hours(day)).toBe(25);
    });

    it("finds the same day from its first and its last millisecond", () => {
      const first = localDayOf(new Date("2026-10-24T23:00:00.000Z"), "Europe/London");
      const last = localDayOf(new Date("2026-10-25T23:59:59.999Z"), "Europe/London");
      expect(first).toEqual(last);
      expect(localDayOf(new Date("2026-10-24T22:59:59.999Z"), "Europe/London").date).toBe("2026-10-24");
    });
  });

  describe("America/New_York", () => {
    it("makes Sunday 8 March 2026 23 hours long, from 05:00 UTC (EST) to 04:00 UTC (EDT)", () => {
      const day = localDayOf(new Date("2026-03-08T06:59:00Z"), "America/New_York");
      expect(day.date).toBe("2026-03-08");
      expect(iso(day)).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
    });

    it("makes Sunday 1 November 2026 25 hours long, from 04:00 UTC (EDT) to 05:00 UTC (EST)", () => {
      const day = localDayOf(new Date("2026-11-02T04:30:00Z"), "America/New_York");
      expect(day.date).toBe("2026-11-01");
      expect(iso(day)).toEqual(["2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
      expect(hours(day)).toBe(25);
    });

    it("puts an instant that is already Saturday in London on Friday evening in New York", () => {
      const instant = new Date("2026-11-28T02:00:00Z");
      expect(localDayOf(instant, "Europe/London").date).toBe("2026-11-28");
      expect(localDayOf(instant, "America/New_York").date).toBe("2026-11-27");
    });
  });

  describe("across the date line", () => {
    it("makes Sunday 5 April 2026 in Auckland 25 hours long, starting the UTC day before", () => {
      const day = localDayOf(new Date("2026-04-05T02:00:00Z"), "Pacific/Auckland");
      expect(day.date).toBe("2026-04-05");
      expect(iso(day)).toEqual(["2026-04-04T11:00:00.000Z", "2026-04-05T12:00:00.000Z"]);
    });

    it("starts a Kiritimati day (UTC+14) at 10:00 UTC the day before", () => {
      const day = localDayOf(new Date("2026-03-29T10:30:00Z"), "Pacific/Kiritimati");
      expect(day.date).toBe("2026-03-30");
      expect(iso(day)).toEqual(["2026-03-29T10:00:00.000Z", "2026-03-30T10:00:00.000Z"]);
    });

    it("goes straight from Thursday 29 to Saturday 31 December 2011 in Samoa, which skipped a day", () => {
      const thursday = localDayOf(new Date("2011-12-29T20:00:00Z"), "Pacific/Apia");
      expect(thursday.date).toBe("2011-12-29");
      expect(iso(thursday)).toEqual(["2011-12-29T10:00:00.000Z", "2011-12-30T10:00:00.000Z"]);
      const saturday = localDayOf(thursday.end, "Pacific/Apia");
      expect(saturday.date).toBe("2011-12-31");
      expect(saturday.start).toEqual(thursday.end);
    });
  });

  it("starts a day at 01:00 when the clocks skip midnight (Santiago, 6 September 2026)", () => {
    const day = localDayOf(new Date("2026-09-06T12:00:00Z"), "America/Santiago");
    expect(day.date).toBe("2026-09-06");
    expect(iso(day)).toEqual(["2026-09-06T04:00:00.000Z", "2026-09-07T03:00:00.000Z"]);
  });

  it("throws for a time zone that does not exist", () => {
    expect(() => localDayOf(new Date("2026-03-29T00:30:00Z"), "Mars/Olympus_Mons")).toThrow();
  });

  it("always contains the instant, and its edges are exactly where the local date changes", () => {
    const zones = [
      "UTC",
      "Europe/London",
      "America/New_York",
      "Pacific/Auckland",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
      "America/Santiago",
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1990-01-01T00:00:00Z"),
          max: new Date("2060-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const day = localDayOf(instant, zone);
          expect(day.start.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(day.end.getTime()).toBeGreaterThan(instant.getTime());
          expect(localDateOf(day.start, zone)).toBe(day.date);
          expect(localDateOf(day.end.getTime() - 1, zone)).toBe(day.date);
          expect(localDateOf(day.start.getTime() - 1, zone) < day.date).toBe(true);
          expect(localDateOf(day.end, zone) > day.date).toBe(true);
          expect(hours(day)).toBeGreaterThanOrEqual(23);
          expect(hours(day)).toBeLessThanOrEqual(25);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("agrees with the UTC calendar when the zone is UTC", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1970-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (instant) => {
          const day = localDayOf(instant, "UTC");
          const midnight = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
          expect(day.start.getTime()).toBe(midnight);
          expect(day.end.getTime()).toBe(midnight + 86_400_000);
          expect(day.date).toBe(instant.toISOString().slice(0, 10));
        },
      ),
      { numRuns: 200 },
    );
  });
});
