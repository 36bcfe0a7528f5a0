import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ActionButton } from "@/components/ui/action-button";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { requireUser } from "@/lib/data/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage(props: PageProps<"/account">) {
  const user = await requireUser();
  const { passwordChanged } = await props.searchParams;
  return (
    <div className="max-w-lg space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Account</h1>
        <p className="text-slate-700">
          Signed in as {user.name} ({user.email}), {user.role === "PHYSIO" ? "physiotherapist" : "patient"}.
          Time zone: {user.timezone}.
        </p>
      </div>
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
          pendingLabel="Signing out…"
          variant="danger"
        />
      </section>
    </div>
  );
}
