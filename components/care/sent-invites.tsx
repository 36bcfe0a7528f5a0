import { ActionButton } from "@/components/ui/action-button";
import { cancelInviteAction } from "@/lib/actions/care";
import type { SentInvite } from "@/lib/data/invitations";
import { formatDate } from "@/lib/format";

const statusLabels: Record<SentInvite["status"], string> = {
  PENDING: "Waiting for an answer",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
  ENDED: "Ended",
};

/** "Ended 3 Dec 2026 by the patient", or without date and name when a later link replaced the record. */
function endedText(invite: SentInvite, timeZone: string): string {
  if (!invite.ended) return "Ended (the link it made has ended since)";
  return `Ended ${formatDate(invite.ended.at, timeZone)} by ${invite.ended.by === "you" ? "you" : "the patient"}`;
}

export function SentInvites({ invites, timeZone }: { invites: SentInvite[]; timeZone: string }) {
  if (invites.length === 0) return <p className="text-slate-700">You have not sent any invitations yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {invites.map((invite) => (
        <li key={invite.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <div className="mr-auto min-w-0">
            <p className="break-all font-medium">{invite.patientEmail}</p>
            <p className="text-sm text-slate-700">
              {invite.status === "ENDED" ? endedText(invite, timeZone) : statusLabels[invite.status]} · sent{" "}
              {formatDate(invite.createdAt, timeZone)}
              {invite.status === "PENDING" ? ` · valid until ${formatDate(invite.expiresAt, timeZone)}` : ""}
              {invite.respondedAt && invite.status !== "PENDING"
                ? ` · ${invite.status === "ENDED" ? "accepted " : ""}${formatDate(invite.respondedAt, timeZone)}`
                : ""}
            </p>
          </div>
          {invite.status === "PENDING" ? (
            <ActionButton
              action={cancelInviteAction}
              fields={{ inviteId: invite.id }}
              label="Cancel"
              accessibleLabel={`the invitation for ${invite.patientEmail}`}
              pendingLabel="Cancelling…"
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
