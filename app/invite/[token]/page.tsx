import type { Metadata } from "next";
import Link from "next/link";
import { AnswerInvite } from "@/components/care/answer-invite";
import { WhatSharingMeans } from "@/components/care/what-sharing-means";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/data/current-user";
import { previewInvite } from "@/lib/data/invitations";
import { formatDate } from "@/lib/format";
import { inviteTokenField } from "@/lib/validation/care";

// The token in this address never leaves in a Referer header to another site ("same-origin"); not
// "no-referrer", with which browsers send `Origin: null` on the form's own POST without JavaScript and
// the server action is refused as cross-site.
export const metadata: Metadata = { title: "Invitation from a physiotherapist", referrer: "same-origin" };

export default async function InvitePage(props: PageProps<"/invite/[token]">) {
  const { token } = await props.params;
  const valid = inviteTokenField.safeParse(token);
  const [preview, user] = await Promise.all([valid.success ? previewInvite(token) : null, getCurrentUser()]);
  if (!preview) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1 className="text-2xl font-bold">This invitation cannot be used</h1>
        <p className="text-slate-800">
          It may have expired (invitations last 7 days), been answered already, or been cancelled. Ask your
          physiotherapist for a new one.
        </p>
        <p>
          <Link href={user ? "/home" : "/"}>Go to the start page</Link>
        </p>
      </div>
    );
  }
  const here = `/invite/${token}`;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{preview.physioName} invited you to share your records</h1>
        <p className="text-slate-700">
          The invitation was sent to {preview.sentTo} and is valid until{" "}
          {formatDate(preview.expiresAt, user?.timezone ?? "UTC")}.
        </p>
      </div>
      <WhatSharingMeans physioName={preview.physioName} />
      {preview.viewer === "invited-patient" ? (
        <AnswerInvite reference={{ token }} />
      ) : preview.viewer === "signed-out" ? (
        <div className="space-y-3">
          <p>Sign in with the account for {preview.sentTo}, or create one, to answer.</p>
          <div className="flex flex-wrap gap-3">
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}
              className={buttonClasses("primary")}
            >
              Sign in to answer
            </Link>
            <Link
              href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}
              className={buttonClasses("secondary")}
            >
              Create an account
            </Link>
          </div>
        </div>
      ) : (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-slate-900">
          You are signed in as {user?.email}, but this invitation was sent to {preview.sentTo}. Sign out and
          sign in with that patient account to answer it.
        </p>
      )}
    </div>
  );
}
