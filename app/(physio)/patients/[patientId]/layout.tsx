import Link from "next/link";
import type { ReactNode } from "react";
import { PatientTabs } from "@/components/care/patient-tabs";
import { PatientSummary } from "@/components/caseload/caseload-patients";
import { getPatientSummary } from "@/lib/data/caseload";
import { requireRole } from "@/lib/data/current-user";
import { formatDate } from "@/lib/format";

/** A linked patient's record. Each page checks access itself too: layouts do not re-run on every navigation. */
export default async function PatientRecordLayout(props: LayoutProps<"/patients/[patientId]">) {
  const physio = await requireRole("PHYSIO");
  const { patientId } = await props.params;
  // The summary carries the name, zone and link date too; it checks the link and records the read.
  const patient = await getPatientSummary(patientId);
  return (
    <div className="space-y-6">
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
      {props.children as ReactNode}
    </div>
  );
}
