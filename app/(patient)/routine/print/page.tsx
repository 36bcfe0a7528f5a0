import type { Metadata } from "next";
import { PrintableRoutineView } from "@/components/printouts/printable-routine";
import { requireRole } from "@/lib/data/current-user";
import { getPrintableRoutine } from "@/lib/data/printouts";

export const metadata: Metadata = { title: "Print your home programme" };

export default async function PrintRoutinePage() {
  const patient = await requireRole("PATIENT");
  const routine = await getPrintableRoutine(patient.id);
  return <PrintableRoutineView routine={routine} backHref="/routine" />;
}
