import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { getCurrentUser, getHalfSignedIn } from "@/lib/data/current-user";
import { isEnrolled } from "@/lib/data/two-factor";
import { safeCallbackPath } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/** The second sign-in step: only a half-signed-in session gets here (proxy.ts sends it). */
export default async function TwoFactorPage(props: PageProps<"/two-factor">) {
  const params = await props.searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeCallbackPath(params.callbackUrl, "") : "";
  const caller = await getHalfSignedIn();
  if (!caller) redirect((await getCurrentUser()) ? callbackUrl || "/home" : "/sign-in");
  if (!(await isEnrolled(caller.id))) redirect("/two-factor/setup");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Two-factor sign-in</h1>
      <p className="text-slate-700">
        Open your authenticator app and enter the code it shows for Hip &amp; Back Coach.
      </p>
      <TwoFactorForm callbackUrl={callbackUrl || undefined} />
      <p className="text-sm text-slate-700">
        Lost your phone and your recovery codes? Ask your clinic&apos;s administrator to reset two-factor
        sign-in for your account.
      </p>
      <SignOutButton />
    </div>
  );
}
