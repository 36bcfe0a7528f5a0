import type { Metadata } from "next";
import { EndLinkConfirm } from "@/components/care/end-link-confirm";
import { endLinkAsPhysioAction } from "@/lib/actions/care";
import { getLinkedPatient } from "@/lib/data/care-links";

export const metadata: Metadata = { title: "End the care link" };

export default async function EndLinkPage(props: PageProps<"/patients/[patientId]/end-link">) {
  const { patientId } = await props.params;
  const patient = await getLinkedPatient(patientId);
  return (
    <EndLinkConfirm
      title={`End the care link with ${patient.name}?`}
      consequences={[
        `${patient.name} leaves your caseload, and you can no longer see their sessions, pain entries, progress or routine.`,
        "You keep read-only access to the clinical notes you wrote up to today (your own records), and nothing else of theirs.",
        `${patient.name} keeps all their records and their routine, including what you prescribed.`,
        "You cannot undo this yourself.",
      ]}
      restart={`To care for ${patient.name} again, invite them again; they answer with the code or link you give them.`}
      action={endLinkAsPhysioAction}
      fields={{ patientId: patient.id }}
      keepHref={`/patients/${patient.id}`}
      keepLabel="Keep the link"
    />
  );
}
