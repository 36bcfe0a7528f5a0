import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/data/current-user";
import { isEnrolled } from "@/lib/data/two-factor";
import { detachedNoteRetentionYears } from "@/lib/erasure/retention";

export const metadata: Metadata = { title: "Your data" };

export default async function AccountDataPage() {
  const user = await requireUser();
  const needsCode = await isEnrolled(user.id);
  const patient = user.role === "PATIENT";
  return (
    <div className="max-w-2xl space-y-8">
      <div className="space-y-1">
        <p>
          <Link href="/account">← Account</Link>
        </p>
        <h1 className="text-2xl font-bold">Your data</h1>
        <p className="text-slate-700">
          You can take a copy of what this app holds about you, or delete your account and your data.
        </p>
      </div>

      <section aria-labelledby="download-heading" className="space-y-3">
        <h2 id="download-heading" className="text-lg font-semibold">
          Download your data
        </h2>
        {patient ? (
          <>
            <p className="text-sm text-slate-700">
              One zip file with everything the app holds about you: your sessions, pain ratings and
              questionnaire answers (as spreadsheets and in the FHIR health-record format), your routine and
              every change made to it, the comments and replies on your sessions, and the list of who looked
              at your data. A README file inside explains each part in plain words.
            </p>
            <p className="text-sm text-slate-700">
              Clinical notes are not in it: they are your physiotherapist&apos;s own records about your care.
              The file says how many there are and who wrote them, so you can ask them for a copy.
            </p>
          </>
        ) : (
          <p className="text-sm text-slate-700">
            One zip file with your profile, your care links and invitations, and what you wrote: your clinical
            notes, your comments and replies, the exercises you prescribed and the questionnaires you asked
            for. A README file inside explains each part.
          </p>
        )}
        <p className="text-sm text-slate-700">
          Keep the file somewhere safe: it holds health information. Downloading it is recorded
          {patient ? ", and shows in the list of who has seen your data" : ""}.
        </p>
        <p>
          <a href="/account/data/download" download className={buttonClasses("primary")}>
            Download my data (zip)
          </a>
        </p>
      </section>

      <section
        aria-labelledby="delete-heading"
        className="space-y-4 rounded-xl border-2 border-red-300 bg-red-50 p-4 sm:p-6"
      >
        <h2 id="delete-heading" className="text-lg font-semibold text-red-900">
          Delete my account
        </h2>
        <p className="text-sm text-slate-800">
          This cannot be undone. Download your data first if you want to keep a copy.
        </p>
        {patient ? (
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
            <li>
              Deleted: your account, sessions, pain ratings, questionnaire answers, routine and its history,
              the messages on your sessions, your invitations and your two-factor sign-in.
            </li>
            <li>Every care link ends: your physiotherapists can no longer see anything of yours.</li>
            <li>
              Kept: the clinical notes your physiotherapists wrote about you stay with them, as their own
              records, under the name you have now, for {detachedNoteRetentionYears} years; then they are
              deleted. Ask them if you want a copy.
            </li>
            <li>The record of who did what in the app stays, but it no longer says who you were.</li>
          </ul>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
            <li>Deleted: your account, your clinical notes, your invitations and your two-factor sign-in.</li>
            <li>
              Every care link ends. Your patients are told on their next visit. What you prescribed and the
              comments you wrote stay on their records as &ldquo;Former physiotherapist&rdquo;, so what they
              saw keeps its meaning; questionnaires you asked for stop.
            </li>
            <li>The record of who did what in the app stays, but it no longer says who you were.</li>
          </ul>
        )}
        <p className="text-sm text-slate-800">
          To confirm, enter your password{needsCode ? " and a code from your authenticator app" : ""}. You
          will be signed out on every device.
        </p>
        <DeleteAccountForm needsCode={needsCode} />
      </section>
    </div>
  );
}
