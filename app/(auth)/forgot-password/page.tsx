import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/account-email-forms";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      <p>
        Enter the e-mail address of your account. We will send it a link to choose a new password. Your
        exercises and history stay as they are.
      </p>
      <ForgotPasswordForm />
      <p className="text-sm text-slate-700">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
