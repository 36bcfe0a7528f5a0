import Link from "next/link";
import type { ReactNode } from "react";
import { PatientTabs } from "@/components/care/patient-tabs";
import { PatientSummary } from "@/components/caseload/caseload-patients";
import { getLinkedPatient } from "@/lib/data/care-links";
import { getPatientSummary } from "@/lib/data/caseload";
import { requireRole } from "@/lib/data/session";
import { formatDate } from "@/lib/format";

/** A linked patient's record. Each page checks access itself too: layouts do not re-run on every navigation. */
export default async function PatientRecordLayout(props: LayoutProps<"/patients/[patientId]">) {
  const physio = await requireRole("PHYSIO");
  const { patientId } = await props.params;
  const [patient, summary] = await Promise.all([getLinkedPatient(patientId), getPatientSummary(patientId)]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p>
          <Link href="/caseload">← Your patients</Link>
        </p>
        <h1 className="text-2xl font-bold">{patient.name}</h1>
        <p className="text-sm text-slate-700">
          Sharing with you since {formatDate(patient.linkedSince, physio.timezone)} · their time zone is{" "}
          {patient.timezone}
        </p>
      </div>
      <PatientSummary row={summary} />
      <PatientTabs patientId={patient.id} />
      {props.children as ReactNode}
    </div>
  );
}
