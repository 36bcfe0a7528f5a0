import type { Metadata } from "next";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { TwoFactorEnrolment } from "@/components/auth/two-factor-enrolment";
import { getCurrentUser, getHalfSignedIn } from "@/lib/data/current-user";
import { startEnrolment } from "@/lib/data/two-factor";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

/**
 * Enrolment: a physiotherapist's first sign-in (half signed in, required) or a patient from their
 * account page (optional). Shows the secret as a QR code and as text for typing in.
 */
export default async function TwoFactorSetupPage() {
  const half = await getHalfSignedIn();
  const user = half ?? (await getCurrentUser());
  if (!user) redirect("/sign-in");
  const enrolment = await startEnrolment(user);
  const view = enrolment
    ? {
        secret: enrolment.secret,
        qrDataUrl: await QRCode.toDataURL(enrolment.uri, { margin: 1, width: 240 }),
      }
    : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{view ? "Set up two-factor sign-in" : "Two-factor sign-in"}</h1>
      <p className="text-slate-700">
        {user.role === "PHYSIO"
          ? "Physiotherapists sign in with a code from an authenticator app as well as their password, because they can see other people's health data."
          : "After your password, you also enter a code from an authenticator app. Someone who learns your password cannot sign in without your phone."}
      </p>
      <TwoFactorEnrolment enrolment={view} continueTo={user.role === "PHYSIO" ? "/home" : "/account"} />
      {half ? <SignOutButton /> : null}
    </div>
  );
}
