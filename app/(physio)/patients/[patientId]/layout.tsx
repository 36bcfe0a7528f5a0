import Link from "next/link";
import type { ReactNode } from "react";
import { PatientTabs } from "@/components/care/patient-tabs";
import { PatientSummary } from "@/components/caseload/caseload-patients";
import { getEndedCareLink } from "@/lib/data/care-links";
import { getPatientSummary } from "@/lib/data/caseload";
import { requireRole } from "@/lib/data/current-user";
import { formatDate } from "@/lib/format";

/** A linked patient's record. Each page checks access itself too: layouts do not re-run on every navigation. */
export default async function PatientRecordLayout(props: LayoutProps<"/patients/[patientId]">) {
  const physio = await requireRole("PHYSIO");
  const { patientId } = await props.params;
  const ended = await getEndedCareLink(patientId);
  if (ended) {
    // Only the notes page answers for an ended link; every other page of the record is "not found".
    return (
      <div className="space-y-6">
        <div className="space-y-1">
          <p>
            <Link href="/caseload/invite#ended-heading">← Ended care links</Link>
          </p>
          <h1 className="text-2xl font-bold">{ended.patientName}</h1>
          <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-slate-900">
            Ended link: ended {formatDate(ended.endedAt, physio.timezone)} by{" "}
            {ended.endedBy === "you" ? "you" : "the patient"}. You can read the clinical notes you wrote up to
            then (your own records), and nothing else of theirs.
          </p>
        </div>
        {props.children as ReactNode}
      </div>
    );
  }
  // The summary carries the name, zone and link date too; it checks the link and records the read.
  const patient = await getPatientSummary(patientId);
  return (
    <div className="space-y-6">
      {/* The record's heading and tabs are for the screen; a print view prints only itself. */}
      <div data-print-hide="" className="space-y-6">
        <div className="space-y-1">
          <p>
            <Link href="/caseload">← Your patients</Link>
          </p>
          <h1 className="text-2xl font-bold">{patient.name}</h1>
          <p className="text-sm text-slate-700">
            Sharing with you since {formatDate(new Date(patient.linkedSince), physio.timezone)} · their time
            zone is {patient.timeZone}
          </p>
        </div>
        <PatientSummary row={patient} />
        <PatientTabs patientId={patient.patientId} />
      </div>
      {props.children as ReactNode}
    </div>
  );
}
