import Link from "next/link";
import { getCurrentUser } from "@/lib/data/current-user";
import { takeCareTeamNotices } from "@/lib/data/notices";

/**
 * A patient's one-time notices, at the top of their next page: a physiotherapist they shared their
 * data with closed their account. Shown once (reading them deletes them).
 */
export async function CareTeamNotices() {
  const user = await getCurrentUser();
  if (user?.role !== "PATIENT") return null;
  const notices = await takeCareTeamNotices();
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      className="mb-6 space-y-1 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <p className="font-semibold">
        {notices.length === 1
          ? "A physiotherapist you shared your data with has closed their account."
          : `${notices.length} physiotherapists you shared your data with have closed their accounts.`}
      </p>
      <p>
        They can no longer see your data, and your link with them has ended. Everything you recorded is still
        here. What they prescribed or wrote to you stays as it was, shown as &ldquo;Former
        physiotherapist&rdquo;. If you are still having treatment, ask your clinic who will look after you,
        and see <Link href="/account">Account</Link> to join a new physiotherapist with a code. This notice
        shows only once.
      </p>
    </div>
  );
}
