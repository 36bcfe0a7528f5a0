import { describe, expect, it } from "vitest";
import {
  defaultQuietHours,
  inQuietHours,
  localMinuteOf,
  nextReminderAt,
  parseMinute,
  type ReminderPlan,
  reminderDecision,
  reminderDueAt,
} from "@/lib/domain/reminders";
import { reminderPreferenceSchema } from "@/lib/validation/reminders";

const everyDay = 0b1111111;
const plan = (overrides: Partial<ReminderPlan> = {}): ReminderPlan => ({
  channel: "EMAIL",
  minuteOfDay: 18 * 60 + 30,
  quiet: defaultQuietHours,
  timeZone: "Europe/London",
  routineDays: everyDay,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

// Summer time in 2026 (checked with `TZ=... date`): London moves forward on 29 March at 01:00 UTC and
// back on 25 October at 01:00 UTC; New York on 8 March at 07:00 UTC and 1 November at 06:00 UTC.
describe("reminderDueAt keeps the chosen local time across a clock change", () => {
  it.each([
    ["Europe/London", "2026-03-28", 8 * 60, "2026-03-28T08:00:00.000Z"],
    ["Europe/London", "2026-03-29", 8 * 60, "2026-03-29T07:00:00.000Z"],
    ["Europe/London", "2026-10-24", 8 * 60, "2026-10-24T07:00:00.000Z"],
    ["Europe/London", "2026-10-25", 8 * 60, "2026-10-25T08:00:00.000Z"],
    ["America/New_York", "2026-03-07", 18 * 60 + 30, "2026-03-07T23:30:00.000Z"],
    ["America/New_York", "2026-03-08", 18 * 60 + 30, "2026-03-08T22:30:00.000Z"],
    ["America/New_York", "2026-10-31", 18 * 60 + 30, "2026-10-31T22:30:00.000Z"],
    ["America/New_York", "2026-11-01", 18 * 60 + 30, "2026-11-01T23:30:00.000Z"],
  ])("in %s on %s at minute %i: %s", (zone, date, minute, expected) => {
    expect(reminderDueAt(date, minute, zone).toISOString()).toBe(expected);
  });

  it("reads a time the clocks skip as the same clock time after the jump (01:30 on 29 March is 02:30 BST)", () => {
    expect(reminderDueAt("2026-03-29", 90, "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("takes the first of a time that happens twice (01:30 on 25 October, still summer time)", () => {
    expect(reminderDueAt("2026-10-25", 90, "Europe/London").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("reminderDecision", () => {
  it("is not due a minute before the local time, and due from that minute on, on both sides of a change", () => {
    const london = plan({ minuteOfDay: 8 * 60, quiet: null });
    // The day after the spring change: 08:00 local is 07:00 UTC.
    expect(reminderDecision(london, at("2026-03-30T06:59:00Z"), false)).toEqual({
      action: "none",
      reason: "not yet",
    });
    expect(reminderDecision(london, at("2026-03-30T07:00:00Z"), false)).toMatchObject({
      action: "send",
      localDate: "2026-03-30",
    });
    // The day after the autumn change: 08:00 local is 08:00 UTC, so 07:00 UTC is an hour early.
    expect(reminderDecision(london, at("2026-10-26T07:00:00Z"), false)).toEqual({
      action: "none",
      reason: "not yet",
    });
    expect(reminderDecision(london, at("2026-10-26T08:00:00Z"), false)).toMatchObject({
      action: "send",
      localDate: "2026-10-26",
    });
  });

  it("is skipped when the day's session is already logged", () => {
    expect(reminderDecision(plan(), at("2026-06-10T17:31:00Z"), true)).toMatchObject({
      action: "skip",
      reason: "done",
      localDate: "2026-06-10",
    });
  });

  it("is nothing on a day the routine is not due, and nothing when reminders are off", () => {
    // 10 June 2026 is a Wednesday; the routine is Mondays and Fridays.
    expect(reminderDecision(plan({ routineDays: 0b0010001 }), at("2026-06-10T17:31:00Z"), false)).toEqual({
      action: "none",
      reason: "not a routine day",
    });
    expect(reminderDecision(plan({ channel: "NONE" }), at("2026-06-10T17:31:00Z"), false)).toEqual({
      action: "none",
      reason: "off",
    });
  });

  it("drops a late reminder that would arrive in quiet hours, and one more than two hours late", () => {
    const evening = plan({ minuteOfDay: 20 * 60 + 30 });
    // 20:30 BST is 19:30 UTC: sent at 20:59 local, dropped at 21:05 local (quiet from 21:00).
    expect(reminderDecision(evening, at("2026-06-10T19:59:00Z"), false)).toMatchObject({ action: "send" });
    expect(reminderDecision(evening, at("2026-06-10T20:05:00Z"), false)).toMatchObject({
      action: "skip",
      reason: "quiet hours",
    });
    const noQuiet = plan({ quiet: null });
    expect(reminderDecision(noQuiet, at("2026-06-10T19:30:00Z"), false)).toMatchObject({ action: "send" });
    expect(reminderDecision(noQuiet, at("2026-06-10T19:31:00Z"), false)).toMatchObject({
      action: "skip",
      reason: "too late",
    });
  });

  it("counts the day in the patient's zone: 00:30 UTC is still the evening before in New York", () => {
    const newYork = plan({ timeZone: "America/New_York", minuteOfDay: 20 * 60, quiet: null });
    expect(reminderDecision(newYork, at("2026-06-11T00:30:00Z"), false)).toMatchObject({
      action: "send",
      localDate: "2026-06-10",
    });
  });
});

describe("quiet hours", () => {
  it("run across midnight when they start later than they end", () => {
    expect(inQuietHours(20 * 60 + 59, defaultQuietHours)).toBe(false);
    expect(inQuietHours(21 * 60, defaultQuietHours)).toBe(true);
    expect(inQuietHours(3 * 60, defaultQuietHours)).toBe(true);
    expect(inQuietHours(7 * 60 + 59, defaultQuietHours)).toBe(true);
    expect(inQuietHours(8 * 60, defaultQuietHours)).toBe(false);
  });

  it("can sit inside one day, and are off when unset", () => {
    expect(inQuietHours(13 * 60, { start: 12 * 60, end: 14 * 60 })).toBe(true);
    expect(inQuietHours(14 * 60, { start: 12 * 60, end: 14 * 60 })).toBe(false);
    expect(inQuietHours(3 * 60, null)).toBe(false);
  });

  it("use the wall clock of the zone", () => {
    expect(localMinuteOf(at("2026-06-10T20:05:00Z"), "Europe/London")).toBe(21 * 60 + 5);
    expect(localMinuteOf(at("2026-12-10T20:05:00Z"), "Europe/London")).toBe(20 * 60 + 5);
  });
});

describe("nextReminderAt", () => {
  it("is the next routine day at the local time, after a clock change", () => {
    // Saturday 24 October 2026 at 12:00 UTC; routine on Mondays only; 08:00 local after the change.
    const next = nextReminderAt(
      plan({ minuteOfDay: 8 * 60, routineDays: 0b0000001 }),
      at("2026-10-24T12:00:00Z"),
    );
    expect(next?.toISOString()).toBe("2026-10-26T08:00:00.000Z");
    expect(nextReminderAt(plan({ routineDays: 0 }), at("2026-10-24T12:00:00Z"))).toBeNull();
  });
});

describe("the reminder form", () => {
  const form = { channel: "EMAIL", time: "18:30", quietHours: "on", quietStart: "21:00", quietEnd: "08:00" };

  it("accepts a time outside quiet hours", () => {
    expect(reminderPreferenceSchema.parse(form)).toEqual({
      channel: "EMAIL",
      time: 1110,
      quietHours: "on",
      quietStart: 1260,
      quietEnd: 480,
    });
    expect(parseMinute("7:30")).toBeNull();
  });

  it("refuses a reminder time inside quiet hours, with the message on the time field", () => {
    const result = reminderPreferenceSchema.safeParse({ ...form, time: "22:15" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      [
        "time",
        "That time is inside your quiet hours (21:00 to 08:00). Choose another time, or change the quiet hours.",
      ],
    ]);
    // Without quiet hours the same time is fine.
    const { quietHours: _off, ...withoutQuiet } = form;
    expect(reminderPreferenceSchema.safeParse({ ...withoutQuiet, time: "22:15" }).success).toBe(true);
  });

  it("names each bad field once", () => {
    const result = reminderPreferenceSchema.safeParse({
      channel: "SMS",
      time: "",
      quietStart: "25:00",
      quietEnd: "x",
    });
    expect(
      Object.fromEntries(result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? []),
    ).toEqual({
      channel: "Choose how you would like to be reminded.",
      time: "Choose a time for your reminder.",
      quietStart: "Enter a time as hours and minutes, like 18:30.",
      quietEnd: "Enter a time as hours and minutes, like 18:30.",
    });
  });
});
