import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/data/current-user";
import { recoveryCodesLeft } from "@/lib/data/two-factor";

export const metadata: Metadata = { title: "Recovery code used" };

/** After signing in with a recovery code: how many are left, and what to do when they run out. */
export default async function RecoveryUsedPage() {
  const user = await requireUser();
  const left = await recoveryCodesLeft(user.id);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">You signed in with a recovery code</h1>
      <p role="status">
        That code is now used up. You have {left} recovery {left === 1 ? "code" : "codes"} left.
      </p>
      <p className="text-sm text-slate-700">
        If you lost your phone, ask your clinic&apos;s administrator to reset two-factor sign-in, then set it
        up again on your new phone.
      </p>
      <p>
        <Link href="/home">Continue</Link>
      </p>
    </div>
  );
}
