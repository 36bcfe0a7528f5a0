import type { Metadata } from "next";
import Link from "next/link";
import { ChangeEmailForm, SendVerificationForm } from "@/components/auth/account-email-forms";
import { SettingsForm } from "@/components/settings/settings-form";
import { myEmailStatus } from "@/lib/data/email-address";
import { getSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Settings" };

/** Every IANA zone this server knows, plus UTC (which some runtimes leave out of the list). */
function zoneNames(): string[] {
  const names = new Set(Intl.supportedValuesOf("timeZone"));
  names.add("UTC");
  return [...names].sort();
}

const confirmedNotices: Record<string, string> = {
  verified: "Thank you: your e-mail address is confirmed.",
  changed: "Your account now uses the new e-mail address.",
};

export default async function SettingsPage(props: PageProps<"/settings">) {
  const [settings, email, params] = await Promise.all([getSettings(), myEmailStatus(), props.searchParams]);
  const confirmed = typeof params.confirmed === "string" ? confirmedNotices[params.confirmed] : undefined;
  const changes = settings.zoneChanges;
  return (
    <div className="max-w-lg space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Settings</h1>
        <p className="text-slate-700">
          Signed in as {settings.email}. Your password and where you are signed in are on the{" "}
          <Link href="/account">Account</Link> page.
          {settings.role === "PATIENT" ? (
            <>
              {" "}
              When and how you are reminded to exercise, and your calendar address, are on the{" "}
              <Link href="/reminders">Reminders</Link> page.
            </>
          ) : null}
        </p>
      </div>
      {confirmed ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {confirmed}
        </p>
      ) : null}
      <SettingsForm
        name={settings.name}
        timeZone={settings.timeZone}
        mainPainArea={settings.role === "PATIENT" ? settings.mainPainArea : undefined}
        zones={zoneNames()}
      />
      <section id="email" aria-labelledby="email-heading" className="space-y-3">
        <h2 id="email-heading" className="text-lg font-semibold">
          E-mail address
        </h2>
        <p className="text-sm text-slate-700">
          {email.email}{" "}
          {email.verified ? (
            <span className="font-medium text-emerald-800">(confirmed)</span>
          ) : (
            <span className="font-medium text-amber-900">(not confirmed yet)</span>
          )}
        </p>
        {email.verified ? null : (
          <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
            <p>
              Please confirm this address: we will send it a link. Until you do, you cannot accept an
              invitation from a physiotherapist.
            </p>
            <SendVerificationForm />
          </div>
        )}
        {email.pendingEmail ? (
          <p className="text-sm text-slate-700">
            Waiting for confirmation: {email.pendingEmail}. Follow the link we sent there; until then this
            account keeps its current address.
          </p>
        ) : null}
        <details className="rounded-lg border border-slate-300 bg-white p-3">
          <summary className="cursor-pointer font-medium">Use a different e-mail address</summary>
          <div className="mt-3 space-y-3">
            <p className="text-sm text-slate-700">
              We send a link to the new address; the change happens when you follow it. We also tell your
              current address.
            </p>
            <ChangeEmailForm />
          </div>
        </details>
      </section>
      <section aria-labelledby="zone-rule-heading" className="space-y-2 text-sm text-slate-700">
        <h2 id="zone-rule-heading" className="text-lg font-semibold text-slate-900">
          How a change of time zone counts
        </h2>
        {settings.role === "PATIENT" ? (
          <>
            <p>
              A new time zone counts from the moment you save it. Every rating and session keeps the date it
              had when you made it, so past days, weeks, streaks and how often you kept to your routine stay
              exactly as they were.
            </p>
            <p>
              Moving west turns the clock back, and can show a date again that had already ended: anything you
              do then counts on that date, together with what you did on it before. Moving east across the
              date line can skip a date: nothing can be logged on it, and it is not counted as a day an
              exercise was due.
            </p>
          </>
        ) : (
          <p>
            Your time zone sets how times are shown to you, such as when you wrote a note or sent an
            invitation. Your patients' days, weeks and routines always follow each patient's own time zone,
            whatever yours is.
          </p>
        )}
      </section>
      {changes.length > 1 ? (
        <section aria-labelledby="zone-history-heading" className="space-y-2">
          <h2 id="zone-history-heading" className="text-lg font-semibold">
            Your time zones
          </h2>
          <ol className="space-y-1 text-sm text-slate-700">
            {changes.map((change, index) => (
              <li key={change.from}>
                <span className="font-medium text-slate-900">{change.timeZone}</span>{" "}
                {index === 0
                  ? "until your first change"
                  : `from ${formatDateTime(new Date(change.from), change.timeZone)}`}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
