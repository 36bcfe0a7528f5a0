import type { Metadata } from "next";
import Link from "next/link";
import { InviteForm } from "@/components/care/invite-form";
import { SentInvites } from "@/components/care/sent-invites";
import { requireRole } from "@/lib/data/current-user";
import { listSentInvites } from "@/lib/data/invitations";

export const metadata: Metadata = { title: "Invite a patient" };

export default async function InvitePatientPage() {
  const physio = await requireRole("PHYSIO");
  const invites = await listSentInvites();
  return (
    <div className="max-w-2xl space-y-8">
      <div className="space-y-1">
        <p>
          <Link href="/caseload">← Your patients</Link>
        </p>
        <h1 className="text-2xl font-bold">Invite a patient</h1>
        <p className="text-slate-700">
          Your patient sees who is asking and what you will see, and decides. Nothing is shared until they
          accept, and they can end the link whenever they choose.
        </p>
      </div>
      <InviteForm />
      <section aria-labelledby="sent-heading" className="space-y-3">
        <h2 id="sent-heading" className="text-lg font-semibold">
          Invitations you sent
        </h2>
        <SentInvites invites={invites} timeZone={physio.timezone} />
      </section>
    </div>
  );
}
