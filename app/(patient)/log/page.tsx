import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { SessionForm } from "@/components/sessions/session-form";
import { requireRole } from "@/lib/data/current-user";
import { listExercises } from "@/lib/data/exercises";
import { getMainPainArea } from "@/lib/data/pain";
import { toDateTimeLocalValue } from "@/lib/format";

export const metadata: Metadata = { title: "Log a session" };

export default async function LogSessionPage() {
  const patient = await requireRole("PATIENT");
  const [exercises, mainPainArea] = await Promise.all([listExercises(), getMainPainArea()]);
  const now = toDateTimeLocalValue(new Date(), patient.timezone);
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
        exercises={exercises.map(({ id, name, defaultDose }) => ({ id, name, defaultDose }))}
        initial={{
          startedAt: now,
          durationMinutes: "",
          painBefore: "",
          painAfter: "",
          painArea: mainPainArea ?? "",
          notes: "",
          entries: [],
        }}
        maxStartedAt={now}
        timeZone={patient.timezone}
      />
    </div>
  );
}
