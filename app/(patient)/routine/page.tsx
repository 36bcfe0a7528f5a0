import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { AddItemForm } from "@/components/routine/add-item-form";
import { RoutineChanges } from "@/components/routine/routine-changes";
import { exerciseChoicesOf, RoutineItemList } from "@/components/routine/routine-item-list";
import { requireRole } from "@/lib/data/current-user";
import { listExercises } from "@/lib/data/exercises";
import { getRoutine, getRoutineHistory } from "@/lib/data/routine";

export const metadata: Metadata = { title: "Your routine" };

export default async function RoutinePage() {
  const patient = await requireRole("PATIENT");
  const [items, history, exercises] = await Promise.all([
    getRoutine(patient.id),
    getRoutineHistory(patient.id),
    listExercises(),
  ]);
  return (
    <div className="max-w-2xl space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Your routine</h1>
        <p className="text-slate-700">
          The exercises you do, in the order a session takes them. Each one has its own dose and days.
        </p>
        {items.length > 0 ? (
          <p>
            <Link href="/routine/print">Print your home programme</Link> (or save it as a PDF)
          </p>
        ) : null}
      </div>

      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-lg font-semibold">
          Exercises in order
        </h2>
        {items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
            Your routine is empty. Add exercises below, or go back to <Link href="/today">Today</Link> to
            start with the starter routine.
          </p>
        ) : (
          <RoutineItemList items={items} history={history} timeZone={patient.timezone} />
        )}
      </section>

      <section aria-labelledby="add-heading" className="space-y-3">
        <h2 id="add-heading" className="text-lg font-semibold">
          Add an exercise
        </h2>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <AddItemForm
            exercises={exerciseChoicesOf(exercises)}
            inRoutine={items.map((item) => item.exercise.id)}
            requestId={randomUUID()}
          />
        </div>
      </section>

      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-lg font-semibold">
          Changes
        </h2>
        <RoutineChanges changes={history} timeZone={patient.timezone} />
      </section>
    </div>
  );
}
