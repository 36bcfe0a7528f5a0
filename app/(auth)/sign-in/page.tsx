import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { sessionPolicy } from "@/lib/config";
import { getCurrentUser } from "@/lib/data/current-user";
import { plural } from "@/lib/format";
import { safeCallbackPath } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage(props: PageProps<"/sign-in">) {
  const params = await props.searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeCallbackPath(params.callbackUrl, "") : "";
  if (await getCurrentUser()) redirect(callbackUrl || "/home");
  const signedOut = params.signedOut;
  const notice =
    params.confirmed === "account"
      ? "Your e-mail address is confirmed and your account is ready. Sign in with the password you chose."
      : params.confirmed === "verified"
        ? "Your e-mail address is confirmed. Sign in to continue."
        : params.confirmed === "changed"
          ? "Your account now uses the new e-mail address. Sign in with it."
          : params.passwordReset
            ? "Your new password is saved and you were signed out everywhere. Sign in with the new password."
            : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Sign in</h1>
      {params.accountDeleted ? (
        <p role="status" className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
          Your account and your data have been deleted, and you were signed out on every device. Thank you for
          using the app; we wish you well.
        </p>
      ) : null}
      {signedOut ? (
        <p role="status" className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
          {signedOut === "everywhere"
            ? "You were signed out on every device."
            : signedOut === "idle"
              ? `You were signed out after ${plural(sessionPolicy.idleSeconds / 60, "minute")} without activity. Sign in again to continue.`
              : "You are signed out."}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {notice}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl || undefined} />
      <p className="text-sm text-slate-700">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="text-sm text-slate-700">
        New here?{" "}
        <Link href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
