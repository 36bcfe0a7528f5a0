import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "@/components/auth/account-email-forms";
import { isLinkToken } from "@/lib/data/account-links";
import { safeCallbackPath } from "@/lib/validation/auth";

// The token in this address never leaves in a Referer header to another site ("same-origin"); not
// "no-referrer", with which browsers send `Origin: null` on the form's own POST without JavaScript and
// the server action is refused as cross-site.
export const metadata: Metadata = { title: "Confirm your e-mail address", referrer: "same-origin" };

export default async function VerifyEmailPage(props: PageProps<"/verify-email">) {
  const params = await props.searchParams;
  const token = params.token;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeCallbackPath(params.callbackUrl, "") : "";
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Confirm your e-mail address</h1>
      {isLinkToken(token) ? (
        <>
          <p>Press the button to confirm that this address is yours.</p>
          <ConfirmEmailForm token={token} callbackUrl={callbackUrl || undefined} />
        </>
      ) : (
        <p role="status">
          This link is not complete. Open it again from the e-mail, or copy the whole address into your
          browser.
        </p>
      )}
      <p className="text-sm text-slate-700">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
