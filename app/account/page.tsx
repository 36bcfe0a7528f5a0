import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { CareTeamList } from "@/components/care/care-team-list";
import { InviteCodeForm } from "@/components/care/invite-code-form";
import { ActionButton } from "@/components/ui/action-button";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { listCareTeam } from "@/lib/data/care-links";
import { requireUser } from "@/lib/data/current-user";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage(props: PageProps<"/account">) {
  const user = await requireUser();
  const { passwordChanged, answered, ended } = await props.searchParams;
  const careTeam = user.role === "PATIENT" ? await listCareTeam() : null;
  return (
    <div className="max-w-lg space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Account</h1>
        <p className="text-slate-700">
          Signed in as {user.name} ({user.email}), {user.role === "PHYSIO" ? "physiotherapist" : "patient"}.
          Time zone: {user.timezone}.{" "}
          <Link href="/settings">Change your name, time zone or main pain area in Settings</Link>.
        </p>
      </div>
      {careTeam ? (
        <>
          <section aria-labelledby="care-team-heading" className="space-y-3">
            <h2 id="care-team-heading" className="text-lg font-semibold">
              Who can see your data
            </h2>
            {answered ? (
              <p
                role="status"
                className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
              >
                {answered === "accept"
                  ? "You accepted the invitation. Your physiotherapist can now see your data."
                  : "You declined the invitation. Nothing was shared."}
              </p>
            ) : null}
            {ended !== undefined ? (
              <p
                role="status"
                className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
              >
                The care link has ended. That physiotherapist can no longer see your data.
              </p>
            ) : null}
            <CareTeamList links={careTeam} timeZone={user.timezone} />
            <p className="text-sm">
              <Link href="/account/access">See who has looked at your data, and when</Link>
            </p>
          </section>
          <section aria-labelledby="code-heading" className="space-y-3">
            <h2 id="code-heading" className="text-lg font-semibold">
              Join with a code
            </h2>
            <p className="text-sm text-slate-700">
              Did your physiotherapist give you a code? Enter it to see who is asking before you decide. This
              is also how you start sharing again after a link ended: ask them for a new code or link.
            </p>
            <InviteCodeForm />
          </section>
        </>
      ) : null}
      <section aria-labelledby="two-factor-heading" className="space-y-3">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        <p className="text-sm text-slate-700">
          {user.role === "PHYSIO"
            ? "Required for physiotherapists: after your password you enter a code from your authenticator app."
            : "Optional: after your password you also enter a code from an authenticator app on your phone, so a stolen password alone is not enough."}
        </p>
        <p className="text-sm">
          <Link href="/two-factor/setup">Two-factor sign-in</Link>
        </p>
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        {passwordChanged ? (
          <p
            role="status"
            className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          >
            Your password was changed. You were signed out on every other device.
          </p>
        ) : null}
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="data-heading" className="space-y-3">
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="text-sm text-slate-700">
          Download a copy of everything the app holds about you, or delete your account.
        </p>
        <p className="text-sm">
          <Link href="/account/data">Download your data or delete your account</Link>
        </p>
      </section>
      <section aria-labelledby="everywhere-heading" className="space-y-3">
        <h2 id="everywhere-heading" className="text-lg font-semibold">
          Sign out everywhere
        </h2>
        <p className="text-sm text-slate-700">
          Ends every session of this account, on this and every other device.
        </p>
        <ActionButton
          action={signOutEverywhereAction}
          label="Sign out everywhere"
          signsOut
          pendingLabel="Signing out…"
          variant="danger"
        />
      </section>
    </div>
  );
}
