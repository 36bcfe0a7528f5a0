import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayBuckets, localDate, localDayOf } from "@/lib/domain/calendar";
import {
  currentZone,
  dateShifts,
  localDateAt,
  skippedDates,
  withChange,
  zoneHistoryOf,
  zoneInForce,
} from "@/lib/domain/zone-history";

const at = (iso: string) => new Date(iso).getTime();
const history = (...changes: [string, string][]) =>
  zoneHistoryOf(
    changes.map(([timeZone, from]) => ({ timeZone, validFrom: new Date(from) })),
    "UTC",
  );

describe("zoneHistoryOf", () => {
  it("uses the user's one zone for all time when no change is stored", () => {
    const only = zoneHistoryOf([], "Europe/London");
    expect(zoneInForce(only, at("1970-01-01T00:00:00Z"))).toBe("Europe/London");
    expect(zoneInForce(only, at("2026-12-02T00:00:00Z"))).toBe("Europe/London");
    expect(currentZone(only)).toBe("Europe/London");
  });

  it("sorts the rows and reads an instant before the first change in the first zone", () => {
    const moved = history(
      ["America/New_York", "2026-11-15T14:00:00Z"],
      ["Europe/London", "2026-01-01T00:00:00Z"],
    );
    expect(zoneInForce(moved, at("2025-06-01T00:00:00Z"))).toBe("Europe/London");
    expect(zoneInForce(moved, at("2026-11-15T13:59:59.999Z"))).toBe("Europe/London");
    expect(zoneInForce(moved, at("2026-11-15T14:00:00Z"))).toBe("America/New_York");
    expect(currentZone(moved)).toBe("America/New_York");
  });
});

describe("localDateAt", () => {
  const moved = history(
    ["Europe/London", "1970-01-01T00:00:00Z"],
    ["America/New_York", "2026-11-15T14:00:00Z"],
  );

  it("keeps every instant before the change on the date the old zone gave it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: at("2026-11-15T14:00:00Z") - 1 }), (instant) => {
        expect(localDateAt(moved, instant)).toBe(localDate(instant, "Europe/London"));
      }),
      { numRuns: 300 },
    );
  });

  it("dates every instant from the change on in the new zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at("2026-11-15T14:00:00Z"), max: at("2030-01-01T00:00:00Z") }),
        (instant) => {
          expect(localDateAt(moved, instant)).toBe(localDate(instant, "America/New_York"));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("dates 02:00 UTC on 16 Nov as 16 Nov before moving and as 15 Nov after", () => {
    expect(localDate(at("2026-11-16T02:00:00Z"), "Europe/London")).toBe("2026-11-16");
    expect(localDateAt(moved, at("2026-11-16T02:00:00Z"))).toBe("2026-11-15");
  });
});

describe("summer time inside a history", () => {
  // Europe/London changes to Europe/Berlin on 24 Oct 2026, the day before the clocks go back.
  const moved = history(["Europe/London", "1970-01-01T00:00:00Z"], ["Europe/Berlin", "2026-10-24T12:00:00Z"]);

  it("gives 25 Oct its 25 hours in Berlin (clocks back at 03:00 CEST)", () => {
    const day = localDayOf(new Date("2026-10-25T12:00:00Z"), moved);
    expect(day.date).toBe("2026-10-25");
    expect([day.start.toISOString(), day.end.toISOString()]).toEqual([
      "2026-10-24T22:00:00.000Z",
      "2026-10-25T23:00:00.000Z",
    ]);
  });

  it("keeps London's 29 March 2026 at 23 hours: the change came later", () => {
    const day = localDayOf(new Date("2026-03-29T12:00:00Z"), moved);
    expect((day.end.getTime() - day.start.getTime()) / 3_600_000).toBe(23);
  });

  it("lays out consecutive day buckets across the change without gaps", () => {
    const buckets = dayBuckets("2026-10-23", "2026-10-26", moved);
    expect(buckets.map((bucket) => [bucket.label, bucket.start.toISOString()])).toEqual([
      ["2026-10-23", "2026-10-22T23:00:00.000Z"],
      ["2026-10-24", "2026-10-23T23:00:00.000Z"],
      ["2026-10-25", "2026-10-24T22:00:00.000Z"],
      ["2026-10-26", "2026-10-25T23:00:00.000Z"],
    ]);
    for (let index = 1; index < buckets.length; index++) {
      expect(buckets[index]?.start).toEqual(buckets[index - 1]?.end);
    }
  });
});

describe("travel across the date line", () => {
  it("moving west from Auckland to Honolulu reopens the day before", () => {
    // 21:00 UTC on 1 Dec is 10:00 on 2 Dec in Auckland (UTC+13) and 11:00 on 1 Dec in Honolulu.
    const moved = history(
      ["Pacific/Auckland", "1970-01-01T00:00:00Z"],
      ["Pacific/Honolulu", "2026-12-01T21:00:00Z"],
    );
    expect(localDateAt(moved, at("2026-12-01T20:59:00Z"))).toBe("2026-12-02");
    expect(localDateAt(moved, at("2026-12-01T21:00:00Z"))).toBe("2026-12-01");
    // A session on Auckland's 1 Dec keeps its date.
    expect(localDateAt(moved, at("2026-11-30T20:00:00Z"))).toBe("2026-12-01");
    expect(dateShifts(moved)).toEqual([
      {
        at: at("2026-12-01T21:00:00Z"),
        before: "2026-12-02",
        after: "2026-12-01",
        reopened: ["2026-12-01"],
        skipped: [],
      },
    ]);
    expect(skippedDates(moved).size).toBe(0);
  });

  it("moving east from Pago Pago to Kiritimati skips a whole date", () => {
    // 10:30 UTC on 2 Dec is 23:30 on 1 Dec in Pago Pago (UTC-11) and 00:30 on 3 Dec in Kiritimati (UTC+14).
    const moved = history(
      ["Pacific/Pago_Pago", "1970-01-01T00:00:00Z"],
      ["Pacific/Kiritimati", "2026-12-02T10:30:00Z"],
    );
    const [shift] = dateShifts(moved);
    expect(shift).toMatchObject({
      before: "2026-12-01",
      after: "2026-12-03",
      reopened: [],
      skipped: ["2026-12-02"],
    });
    expect([...skippedDates(moved)]).toEqual(["2026-12-02"]);
  });

  it("a change within the same date neither reopens nor skips anything", () => {
    const moved = history(
      ["Europe/London", "1970-01-01T00:00:00Z"],
      ["America/New_York", "2026-11-15T14:00:00Z"],
    );
    expect(dateShifts(moved)).toEqual([
      {
        at: at("2026-11-15T14:00:00Z"),
        before: "2026-11-15",
        after: "2026-11-15",
        reopened: [],
        skipped: [],
      },
    ]);
  });
});

describe("withChange", () => {
  it("adds the new zone from the given instant and leaves earlier changes alone", () => {
    const start = zoneHistoryOf([{ timeZone: "Europe/London", validFrom: 0 }], "Europe/London");
    const moved = withChange(start, "Asia/Tokyo", at("2026-12-02T03:00:00Z"));
    expect(moved.changes).toEqual([
      { timeZone: "Europe/London", from: 0 },
      { timeZone: "Asia/Tokyo", from: at("2026-12-02T03:00:00Z") },
    ]);
  });

  it("drops a change dated after the new one", () => {
    const start = history(["Europe/London", "1970-01-01T00:00:00Z"], ["Asia/Tokyo", "2026-12-05T00:00:00Z"]);
    expect(
      withChange(start, "Europe/Paris", at("2026-12-02T00:00:00Z")).changes.map((c) => c.timeZone),
    ).toEqual(["Europe/London", "Europe/Paris"]);
  });
});
