import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/account-email-forms";
import { isLinkToken } from "@/lib/data/account-links";
import { resetLinkUsable } from "@/lib/data/password-reset";

// The token in this address never leaves in a Referer header to another site ("same-origin"); not
// "no-referrer", with which browsers send `Origin: null` on the form's own POST without JavaScript and
// the server action is refused as cross-site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "same-origin" };

export default async function ResetPasswordPage(props: PageProps<"/reset-password">) {
  const { token } = await props.searchParams;
  const usable = isLinkToken(token) && (await resetLinkUsable(token));
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      {usable ? (
        <>
          <p>
            After you save it, you are signed out everywhere, and you sign in again with the new password. If
            you use two-factor sign-in, you will still be asked for your code.
          </p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p role="status">
          This link does not work any more. It may have been used already, replaced by a newer one, or expired
          after 30 minutes. <Link href="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
    </div>
  );
}
