import type { Metadata } from "next";
import Link from "next/link";
import { CalendarFeedControls } from "@/components/reminders/calendar-feed";
import { PushDevice } from "@/components/reminders/push-device";
import { ReminderForm } from "@/components/reminders/reminder-form";
import { ActionButton } from "@/components/ui/action-button";
import { sendTestReminderAction } from "@/lib/actions/reminders";
import { config } from "@/lib/config";
import { getReminderSettings } from "@/lib/data/reminders";
import { defaultQuietHours, minuteLabel } from "@/lib/domain/reminders";
import { describeDays } from "@/lib/domain/schedule";
import { formatDateTime } from "@/lib/format";
import { appOrigin } from "@/lib/mail/settings";

export const metadata: Metadata = { title: "Reminders" };

const statusWords: Record<string, string> = {
  SENT: "sent",
  SKIPPED: "not sent",
  FAILED: "could not be sent",
  CLAIMED: "being sent",
};

const reasonWords: Record<string, string> = {
  done: "you had already logged a session",
  "quiet hours": "it would have arrived in your quiet hours",
  "too late": "it was more than two hours late",
  "no device": "no device had notifications turned on",
  "reminders off": "reminders were off",
  "push is not set up on this server": "this server cannot send notifications",
};

export default async function RemindersPage() {
  const settings = await getReminderSettings();
  const quiet = settings.quiet ?? defaultQuietHours;
  const days = settings.routineDays & 0b1111111;
  return (
    <div className="max-w-xl space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Reminders</h1>
        <p className="text-slate-700">
          A short reminder when it is time for your exercises. It only ever says that: nothing about your
          health. Times are in your time zone, {settings.timeZone} (change it in{" "}
          <Link href="/settings">Settings</Link>).
        </p>
        <p className="text-slate-700">
          {days === 0 ? (
            <>
              Your routine has no days yet, so no reminder is due.{" "}
              <Link href="/routine">Set up your routine</Link>.
            </>
          ) : (
            <>Your routine's days: {describeDays(days)}.</>
          )}{" "}
          {settings.nextAt ? (
            <>Next reminder: {formatDateTime(settings.nextAt, settings.timeZone)}.</>
          ) : settings.channel === "NONE" ? (
            <>Reminders are off.</>
          ) : null}
        </p>
      </div>

      <section aria-labelledby="when-heading" className="space-y-4">
        <h2 id="when-heading" className="text-lg font-semibold">
          When and how
        </h2>
        <ReminderForm
          channel={settings.channel}
          time={minuteLabel(settings.minuteOfDay)}
          quietOn={settings.quiet !== null}
          quietStart={minuteLabel(quiet.start)}
          quietEnd={minuteLabel(quiet.end)}
          emailConfigured={settings.emailConfigured}
          pushAvailable={settings.vapidPublicKey !== null}
        />
      </section>

      <section aria-labelledby="device-heading" className="space-y-3">
        <h2 id="device-heading" className="text-lg font-semibold">
          Notifications on this device
        </h2>
        {/* This device's own state is told below; the count only adds the other devices. */}
        {settings.deviceCount > 0 ? (
          <p className="text-sm text-slate-700">
            {settings.deviceCount === 1
              ? "Notifications are on for one of your devices."
              : `Notifications are on for ${settings.deviceCount} of your devices.`}
          </p>
        ) : null}
        <PushDevice publicKey={settings.vapidPublicKey} />
      </section>

      <section aria-labelledby="test-heading" className="space-y-3">
        <h2 id="test-heading" className="text-lg font-semibold">
          Check that reminders reach you
        </h2>
        {settings.channel === "NONE" ? (
          <p className="text-sm text-slate-700">
            Reminders are off. Choose an e-mail or a notification above and save, then you can send a test.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              Sends one reminder now, the way you chose above, whatever the time.
            </p>
            <ActionButton
              action={sendTestReminderAction}
              label="Send a test reminder"
              pendingLabel="Sending…"
            />
          </>
        )}
        {settings.recent.length > 0 ? (
          <>
            <h3 className="pt-2 font-semibold">Latest reminders</h3>
            <ul className="space-y-1 text-sm text-slate-700">
              {settings.recent.map((delivery) => (
                <li key={`${delivery.localDate}-${delivery.kind}`}>
                  {delivery.kind === "TEST" ? "Test" : "Reminder"} on {delivery.localDate}, by{" "}
                  {delivery.channel === "EMAIL" ? "e-mail" : "notification"}:{" "}
                  {statusWords[delivery.status] ?? "unknown"}
                  {delivery.status === "SKIPPED" && delivery.outcome && reasonWords[delivery.outcome]
                    ? ` (${reasonWords[delivery.outcome]})`
                    : ""}
                  .
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="calendar-heading" className="space-y-3">
        <h2 id="calendar-heading" className="text-lg font-semibold">
          In your calendar
        </h2>
        <p className="text-sm text-slate-700">
          A private address your calendar app can subscribe to. It shows “Exercise time” on your routine's
          days at your reminder time, and nothing else. Calendar services fetch it from their own servers, so
          it only works when this app has a public address on the internet, and they update it only every few
          hours.
        </p>
        <p className="text-sm text-slate-700">
          {settings.calendarFeedSince
            ? `You have a calendar address, made ${formatDateTime(settings.calendarFeedSince, settings.timeZone)}. Anyone who has it can see your exercise times: make a new one if you shared it by mistake.`
            : "You have no calendar address."}
        </p>
        <CalendarFeedControls appUrl={appOrigin(config())} active={settings.calendarFeedSince !== null} />
      </section>
    </div>
  );
}
