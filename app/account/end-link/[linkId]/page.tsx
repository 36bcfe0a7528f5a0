import type { Metadata } from "next";
import Link from "next/link";
import { EndLinkConfirm } from "@/components/care/end-link-confirm";
import { endLinkAsPatientAction } from "@/lib/actions/care";
import { getActiveCareLink } from "@/lib/data/care-links";
import { requireRole } from "@/lib/data/current-user";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Stop sharing with your physiotherapist" };

export default async function EndLinkPage(props: PageProps<"/account/end-link/[linkId]">) {
  const patient = await requireRole("PATIENT");
  const { linkId } = await props.params;
  const link = await getActiveCareLink(linkId);
  return (
    <div className="max-w-xl space-y-4">
      <p>
        <Link href="/account">← Account</Link>
      </p>
      <h1 className="text-2xl font-bold">Stop sharing with {link.physioName}?</h1>
      <p className="text-slate-700">
        {link.physioName} has been able to see your data since {formatDate(link.since, patient.timezone)}.
      </p>
      <EndLinkConfirm
        title="Before you decide"
        consequences={[
          `${link.physioName} can no longer see your sessions, pain entries, progress or routine, from their next click.`,
          `They keep the clinical notes they wrote about you up to today, as their own records; they cannot add to them or see anything new.`,
          "Your own records, routine and comments stay as they are.",
          `You cannot undo this yourself.`,
        ]}
        restart={`To share again later, ask ${link.physioName} for a new invitation: they can give you a code to enter on your Account page, or a link to open.`}
        action={endLinkAsPatientAction}
        fields={{ linkId: link.id }}
        keepHref="/account"
        keepLabel="Keep sharing"
      />
    </div>
  );
}
