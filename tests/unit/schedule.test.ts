import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeDays, isScheduledOn, weekdayIn, weekdayNames } from "@/lib/domain/schedule";

const [MON, TUE, WED, THU, FRI, SAT, SUN] = [0, 1, 2, 3, 4, 5, 6];
const named = (weekday: number) => weekdayNames[weekday];

// Every expectation below was checked against the system tz database (`TZ=... date`) as well.
describe("weekdayIn", () => {
  it.each([
    // 2026-03-29 is a Sunday. Just after midnight in London it is still Saturday evening in New York.
    ["2026-03-29T00:30:00Z", "UTC", SUN],
    ["2026-03-29T00:30:00Z", "Europe/London", SUN],
    ["2026-03-29T00:30:00Z", "America/New_York", SAT],
    ["2026-03-29T00:30:00Z", "Pacific/Auckland", SUN],
  ])("names %s as the right day in %s", (iso, zone, weekday) => {
    expect(named(weekdayIn(new Date(iso), zone))).toBe(named(weekday));
  });

  describe("around the Europe/London change to summer time (2026-03-29 01:00 UTC)", () => {
    it("calls 23:30 UTC on Saturday 28 March Saturday, while London is still on GMT", () => {
      expect(named(weekdayIn(new Date("2026-03-28T23:30:00Z"), "Europe/London"))).toBe("Saturday");
    });

    it("calls the last minute before the change Sunday", () => {
      expect(named(weekdayIn(new Date("2026-03-29T00:59:59Z"), "Europe/London"))).toBe("Sunday");
    });

    it("calls the first instant after the change (02:00 BST) Sunday", () => {
      expect(named(weekdayIn(new Date("2026-03-29T01:00:00Z"), "Europe/London"))).toBe("Sunday");
    });

    it("calls 23:30 UTC on Sunday 29 March Monday, because London is now an hour ahead", () => {
      expect(named(weekdayIn(new Date("2026-03-29T23:30:00Z"), "Europe/London"))).toBe("Monday");
      expect(named(weekdayIn(new Date("2026-03-29T23:30:00Z"), "UTC"))).toBe("Sunday");
    });

    it("calls 23:30 UTC on Saturday 24 October Sunday, the last night of summer time", () => {
      expect(named(weekdayIn(new Date("2026-10-24T23:30:00Z"), "Europe/London"))).toBe("Sunday");
    });

    it("calls 23:30 UTC on Sunday 25 October Sunday again, once London is back on GMT", () => {
      expect(named(weekdayIn(new Date("2026-10-25T23:30:00Z"), "Europe/London"))).toBe("Sunday");
    });
  });

  describe("around the America/New_York change to daylight time (2026-03-08 07:00 UTC)", () => {
    it("calls 04:30 UTC on Sunday 8 March Saturday, at 23:30 EST", () => {
      expect(named(weekdayIn(new Date("2026-03-08T04:30:00Z"), "America/New_York"))).toBe("Saturday");
    });

    it("calls 06:59 UTC on 8 March Sunday (01:59 EST, just before the clocks jump)", () => {
      expect(named(weekdayIn(new Date("2026-03-08T06:59:00Z"), "America/New_York"))).toBe("Sunday");
    });

    it("calls 04:30 UTC on Monday 9 March Monday, at 00:30 EDT (on EST it would still be Sunday)", () => {
      expect(named(weekdayIn(new Date("2026-03-09T04:30:00Z"), "America/New_York"))).toBe("Monday");
    });
  });

  describe("across the date line", () => {
    it("calls 11:30 UTC on Saturday 28 March Sunday in Auckland (00:30 NZDT) but Saturday in London", () => {
      const instant = new Date("2026-03-28T11:30:00Z");
      expect(named(weekdayIn(instant, "Pacific/Auckland"))).toBe("Sunday");
      expect(named(weekdayIn(instant, "Europe/London"))).toBe("Saturday");
    });

    it("follows Auckland off daylight time on 5 April 2026: 11:30 UTC the day before is Sunday, the day after it is Sunday 23:30", () => {
      expect(named(weekdayIn(new Date("2026-04-04T11:30:00Z"), "Pacific/Auckland"))).toBe("Sunday");
      expect(named(weekdayIn(new Date("2026-04-05T11:30:00Z"), "Pacific/Auckland"))).toBe("Sunday");
    });

    it("can put one instant on Monday in Kiritimati and Saturday in Pago Pago, 25 hours apart", () => {
      const instant = new Date("2026-03-29T10:30:00Z");
      expect(named(weekdayIn(instant, "Pacific/Kiritimati"))).toBe("Monday");
      expect(named(weekdayIn(instant, "Pacific/Pago_Pago"))).toBe("Saturday");
    });
  });

  it("throws for a time zone that does not exist", () => {
    expect(() => weekdayIn(new Date("2026-03-29T00:30:00Z"), "Mars/Olympus_Mons")).toThrow();
  });

  it("agrees with the UTC calendar for any instant when the zone is UTC", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1970-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (instant) => {
          expect(weekdayIn(instant, "UTC")).toBe((instant.getUTCDay() + 6) % 7);
        },
      ),
    );
  });

  it("agrees with a fixed-offset calendar for any instant in a zone that never changes its clocks", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (instant) => {
          // Etc/GMT-14 is UTC+14 (the sign is inverted in the Etc names).
          const shifted = new Date(instant.getTime() + 14 * 3600 * 1000);
          expect(weekdayIn(instant, "Etc/GMT-14")).toBe((shifted.getUTCDay() + 6) % 7);
        },
      ),
    );
  });
});

describe("isScheduledOn", () => {
  it("reads Monday from bit 0 and Sunday from bit 6", () => {
    expect(isScheduledOn(0b0000001, MON)).toBe(true);
    expect(isScheduledOn(0b0000001, TUE)).toBe(false);
    expect(isScheduledOn(0b1000000, SUN)).toBe(true);
    expect(isScheduledOn(0b1000000, SAT)).toBe(false);
  });

  it("schedules Monday, Wednesday and Friday for the mask 0b0010101 and nothing else", () => {
    const mask = 0b0010101;
    const scheduled = [MON, TUE, WED, THU, FRI, SAT, SUN].filter((day) => isScheduledOn(mask, day));
    expect(scheduled).toEqual([MON, WED, FRI]);
  });

  it("schedules every day for 0b1111111 and no day for 0", () => {
    for (const day of [MON, TUE, WED, THU, FRI, SAT, SUN]) {
      expect(isScheduledOn(0b1111111, day)).toBe(true);
      expect(isScheduledOn(0, day)).toBe(false);
    }
  });

  it("matches the bit for any mask and weekday", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 6 }), (mask, day) => {
        expect(isScheduledOn(mask, day)).toBe(Math.floor(mask / 2 ** day) % 2 === 1);
      }),
    );
  });
});

describe("describeDays", () => {
  it.each([
    [0b1111111, "Every day"],
    [0b0011111, "Weekdays"],
    [0b0010101, "Mon, Wed, Fri"],
    [0b1100000, "Sat, Sun"],
    [0b1000000, "Sun"],
    [0b0000001, "Mon"],
    [0b0111111, "Mon, Tue, Wed, Thu, Fri, Sat"],
    [0b1011111, "Mon, Tue, Wed, Thu, Fri, Sun"],
    [0b10011111, "Weekdays"],
  ])("describes the mask %i as %j", (mask, text) => {
    expect(describeDays(mask)).toBe(text);
  });

  it("lists the scheduled days in calendar order, Monday first, for any mask that is not a named set", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 126 }).filter((mask) => mask !== 0b0011111),
        (mask) => {
          const shortNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
          const listed = describeDays(mask)
            .split(", ")
            .map((name) => shortNames.indexOf(name));
          const scheduled = [MON, TUE, WED, THU, FRI, SAT, SUN].filter((day) => (mask >> day) & 1);
          expect(listed).toEqual(scheduled);
        },
      ),
    );
  });
});
