import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { SessionForm } from "@/components/sessions/session-form";
import { type RowDraft, rowWithDose } from "@/components/sessions/session-form-model";
import { requireRole } from "@/lib/data/current-user";
import { listExercises } from "@/lib/data/exercises";
import { getMainPainArea } from "@/lib/data/pain";
import { getPatientHome } from "@/lib/data/patient-home";
import { toDateTimeLocalValue } from "@/lib/format";

export const metadata: Metadata = { title: "Log a session" };

export default async function LogSessionPage() {
  const patient = await requireRole("PATIENT");
  const [exercises, mainPainArea, home] = await Promise.all([
    listExercises(),
    getMainPainArea(),
    getPatientHome(patient.id),
  ]);
  const now = toDateTimeLocalValue(new Date(), patient.timezone);
  const routine = home.routine;
  const dueToday = routine.filter((item) => item.dueToday);
  // Today's routine when something is due today; otherwise the whole routine, on request.
  const startItems = dueToday.length ? dueToday : routine;
  const startRows: RowDraft[] = startItems.map((item) => rowWithDose(item.exerciseId, item));
  const routineStart = startRows.length
    ? { label: dueToday.length ? "today's routine" : "your routine", rows: startRows }
    : undefined;
  const prescribed = new Map(routine.map((item) => [item.exerciseId, item]));
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Log a session</h1>
        <p className="text-slate-700">
          Record exercises you did earlier, without the guided player. Only the date and one exercise are
          needed.
        </p>
      </div>
      <SessionForm
        requestId={randomUUID()}
        exercises={exercises.map(({ id, name, defaultDose }) => {
          const item = prescribed.get(id);
          return {
            id,
            name,
            defaultDose,
            ...(item
              ? {
                  prescribed: {
                    sets: item.sets,
                    reps: item.reps,
                    holdSeconds: item.holdSeconds,
                    perSide: item.perSide,
                  },
                }
              : {}),
          };
        })}
        routineExerciseIds={routine.map((item) => item.exerciseId)}
        routineStart={routineStart}
        initial={{
          startedAt: now,
          durationMinutes: "",
          painBefore: "",
          painAfter: "",
          painArea: mainPainArea ?? "",
          notes: "",
          // Today's routine is filled in from the start; the whole routine only when asked.
          entries: dueToday.length ? startRows : [],
        }}
        maxStartedAt={now}
        timeZone={patient.timezone}
      />
    </div>
  );
}
