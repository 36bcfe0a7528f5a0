import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/data/current-user";
import { invitedEmailForSignUp } from "@/lib/data/invitations";
import { safeCallbackPath } from "@/lib/validation/auth";
import { inviteTokenField } from "@/lib/validation/care";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage(props: PageProps<"/sign-up">) {
  const params = await props.searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeCallbackPath(params.callbackUrl, "") : "";
  if (await getCurrentUser()) redirect(callbackUrl || "/home");
  // Reached from an invitation link: the form starts with the address it was sent to.
  const token = inviteTokenField.safeParse(/^\/invite\/([^/?#]+)$/.exec(callbackUrl)?.[1]);
  const invitedEmail = token.success ? await invitedEmailForSignUp(token.data) : null;
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <SignUpForm callbackUrl={callbackUrl || undefined} invitedEmail={invitedEmail ?? undefined} />
      <p className="text-sm text-slate-700">
        Already have an account?{" "}
        <Link href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
