"use client";

import { useActionState } from "react";
import { SignOutOfflineNotice } from "@/components/offline/sign-out-offline-notice";
import { useForgetBeforeSignOut } from "@/components/offline/use-forget-before-sign-out";
import { initialActionState } from "@/lib/actions/action-state";
import { signOutAction } from "@/lib/actions/auth";

/**
 * A plain form, so signing out works before JavaScript loads. With JavaScript, what the offline
 * queue kept on this device is deleted first; offline, nothing is deleted and it says why.
 */
export function SignOutButton() {
  const [, formAction, pending] = useActionState(signOutAction, initialActionState);
  const forgetFirst = useForgetBeforeSignOut();
  return (
    <form action={formAction} onSubmit={forgetFirst.onSubmit}>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        Sign out
      </button>
      <SignOutOfflineNotice shown={forgetFirst.refusedOffline} />
    </form>
  );
}
