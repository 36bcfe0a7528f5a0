// The reminder scheduler each server process runs (scripts/server.ts): a scan at the start of every
// minute. Reminder times are whole minutes, so a minute tick is exactly as fine-grained as a cron
// library's "* * * * *", with no dependency; several instances scanning at once is safe (claims,
// lib/reminders/delivery.ts). stop() waits for a scan in flight, so shutdown never cuts a send.
import { type ReminderContext, runDueReminders, type ScanSummary } from "./delivery.ts";

export type ReminderScheduler = { stop: () => Promise<void> };

export function startReminderScheduler(
  context: ReminderContext,
  hooks: {
    onScan?: (summary: ScanSummary) => void;
    onError?: (error: unknown) => void;
    now?: () => Date;
    /** The scan itself; tests replace it. */
    scan?: (now: Date) => Promise<ScanSummary>;
  } = {},
): ReminderScheduler {
  const now = hooks.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const scan = () => {
    running = (hooks.scan ?? ((at: Date) => runDueReminders(context, at)))(now())
      .then((summary) => hooks.onScan?.(summary))
      .catch((error: unknown) => hooks.onError?.(error))
      .finally(() => {
        running = undefined;
        schedule();
      });
  };
  const schedule = () => {
    if (stopped) return;
    // A second past the minute, so a reminder set for 18:30 goes out at 18:30:01.
    const wait = 60_000 - (now().getTime() % 60_000) + 1_000;
    timer = setTimeout(scan, wait);
    timer.unref();
  };
  // Straight away too: a reminder that fell due while the server was down (within the late limit).
  scan();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
