import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReminderContext, ScanSummary } from "@/lib/reminders/delivery";
import { startReminderScheduler } from "@/lib/reminders/scheduler";

const none: ScanSummary = { sent: 0, skipped: 0, failed: 0, heldElsewhere: 0 };
const context = {} as ReminderContext;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-06-10T17:29:30Z"));
});
afterEach(() => vi.useRealTimers());

describe("the reminder scheduler", () => {
  it("scans at start-up, then a second past each minute", async () => {
    const scans: string[] = [];
    const scheduler = startReminderScheduler(context, {
      scan: async (at) => {
        scans.push(at.toISOString());
        return none;
      },
    });
    await vi.advanceTimersByTimeAsync(152_000);
    expect(scans).toEqual([
      "2026-06-10T17:29:30.000Z",
      "2026-06-10T17:30:01.000Z",
      "2026-06-10T17:31:01.000Z",
      "2026-06-10T17:32:01.000Z",
    ]);
    await scheduler.stop();
  });

  it("stops after the scan in flight has finished, and starts no other", async () => {
    let finish: () => void = () => undefined;
    let scans = 0;
    const scheduler = startReminderScheduler(context, {
      scan: () => {
        scans++;
        return new Promise((resolve) => {
          finish = () => resolve(none);
        });
      },
    });
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(scans).toBe(1);
  });

  it("keeps going after a failed scan, and reports it", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = startReminderScheduler(context, {
      scan: async () => {
        calls++;
        if (calls === 1) throw new Error("database away");
        return none;
      },
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
    await scheduler.stop();
  });
});
