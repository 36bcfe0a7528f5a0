import type { Metadata } from "next";
import { PrintableRoutineView } from "@/components/printouts/printable-routine";
import { getPrintableRoutine } from "@/lib/data/printouts";

export const metadata: Metadata = { title: "Print the home programme" };

export default async function PatientPrintRoutinePage(
  props: PageProps<"/patients/[patientId]/routine/print">,
) {
  const { patientId } = await props.params;
  const routine = await getPrintableRoutine(patientId);
  return <PrintableRoutineView routine={routine} backHref={`/patients/${patientId}/routine`} />;
}
