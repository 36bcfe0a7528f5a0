import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { AddItemForm } from "@/components/routine/add-item-form";
import { RoutineChanges } from "@/components/routine/routine-changes";
import { exerciseChoicesOf, RoutineItemList } from "@/components/routine/routine-item-list";
import { getLinkedPatient } from "@/lib/data/care-links";
import { listExercises } from "@/lib/data/exercises";
import { getRoutine, getRoutineHistory } from "@/lib/data/routine";

export const metadata: Metadata = { title: "Patient routine" };

export default async function PatientRoutinePage(props: PageProps<"/patients/[patientId]/routine">) {
  const { patientId } = await props.params;
  const patient = await getLinkedPatient(patientId);
  const [items, history, exercises] = await Promise.all([
    getRoutine(patientId),
    getRoutineHistory(patientId),
    listExercises(),
  ]);
  return (
    <div className="max-w-2xl space-y-8">
      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-lg font-semibold">
          Current routine
        </h2>
        <p className="text-sm text-slate-700">
          What you prescribe or change is shown to {patient.name} with your name and the date. They cannot
          change or stop what you prescribe, only their own additions.
        </p>
        {items.length > 0 ? (
          <p>
            <Link href={`/patients/${patientId}/routine/print`}>Print the home programme</Link> for{" "}
            {patient.name} (or save it as a PDF)
          </p>
        ) : null}
        {items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
            {patient.name} has no exercises in their routine yet.
          </p>
        ) : (
          <RoutineItemList
            items={items}
            history={history}
            timeZone={patient.timezone}
            patientId={patientId}
          />
        )}
      </section>
      <section aria-labelledby="prescribe-heading" className="space-y-3">
        <h2 id="prescribe-heading" className="text-lg font-semibold">
          Prescribe an exercise
        </h2>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <AddItemForm
            exercises={exerciseChoicesOf(exercises)}
            inRoutine={items.map((item) => item.exercise.id)}
            requestId={randomUUID()}
            patientId={patientId}
          />
        </div>
      </section>
      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-lg font-semibold">
          Changes
        </h2>
        <RoutineChanges changes={history} timeZone={patient.timezone} audience="physio" />
      </section>
    </div>
  );
}
