import type { Metadata } from "next";
import Link from "next/link";
import { DetachedNotesList } from "@/components/care/detached-notes";
import { EndedLinks } from "@/components/care/ended-links";
import { InviteForm } from "@/components/care/invite-form";
import { SentInvites } from "@/components/care/sent-invites";
import { listEndedCareLinks } from "@/lib/data/care-links";
import { requireRole } from "@/lib/data/current-user";
import { listDetachedNotes } from "@/lib/data/detached-notes";
import { listSentInvites } from "@/lib/data/invitations";
import { detachedNoteRetentionYears } from "@/lib/erasure/retention";

export const metadata: Metadata = { title: "Invite a patient" };

export default async function InvitePatientPage() {
  const physio = await requireRole("PHYSIO");
  const [invites, ended, detached] = await Promise.all([
    listSentInvites(),
    listEndedCareLinks(),
    listDetachedNotes(),
  ]);
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
      <section aria-labelledby="ended-heading" className="space-y-3">
        <h2 id="ended-heading" className="text-lg font-semibold">
          Ended care links
        </h2>
        <p className="text-sm text-slate-700">
          You keep read access to the clinical notes you wrote up to the day a link ended, and nothing else.
          To care for someone again, invite them again; they answer with the code or link you give them.
        </p>
        <EndedLinks links={ended} timeZone={physio.timezone} />
      </section>
      {detached.length > 0 ? (
        <section aria-labelledby="detached-heading" className="space-y-3">
          <h2 id="detached-heading" className="text-lg font-semibold">
            Notes about patients who closed their account
          </h2>
          <p className="text-sm text-slate-700">
            When a patient deletes their account, the clinical notes you wrote about them stay with you as
            your own records, under the name they had, for {detachedNoteRetentionYears} years. Everything else
            of theirs is gone.
          </p>
          <DetachedNotesList groups={detached} timeZone={physio.timezone} />
        </section>
      ) : null}
    </div>
  );
}
