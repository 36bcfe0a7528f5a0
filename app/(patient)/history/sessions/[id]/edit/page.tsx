import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { SessionForm } from "@/components/sessions/session-form";
import { rowsFromEntries } from "@/components/sessions/session-form-model";
import { requireRole } from "@/lib/data/current-user";
import { listExercises } from "@/lib/data/exercises";
import { getSession } from "@/lib/data/sessions";
import { formatDateTime, toDateTimeLocalValue } from "@/lib/format";

export const metadata: Metadata = { title: "Edit session" };

export default async function EditSessionPage(props: PageProps<"/history/sessions/[id]/edit">) {
  const patient = await requireRole("PATIENT");
  const { id } = await props.params;
  const [session, exercises] = await Promise.all([getSession(patient.id, id), listExercises()]);
  const tz = patient.timezone;
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Edit session</h1>
        <p className="text-slate-700">
          {session.source === "GUIDED" ? "Guided session" : "Quick log"} of{" "}
          {formatDateTime(session.startedAt, tz)}. Saving keeps the earlier version.
        </p>
      </div>
      <SessionForm
        sessionId={session.id}
        requestId={randomUUID()}
        exercises={exercises.map(({ id: exerciseId, name, defaultDose }) => ({
          id: exerciseId,
          name,
          defaultDose,
        }))}
        initial={{
          startedAt: toDateTimeLocalValue(session.startedAt, tz),
          durationMinutes: String(Math.round(session.durationSeconds / 60)),
          painBefore: session.painBefore === null ? "" : String(session.painBefore),
          painAfter: session.painAfter === null ? "" : String(session.painAfter),
          // Ratings stored before areas were asked have none: the patient names it when editing.
          painArea: session.painArea === null || session.painArea === "NOT_GIVEN" ? "" : session.painArea,
          notes: session.notes,
          entries: rowsFromEntries(session.entries),
        }}
        maxStartedAt={toDateTimeLocalValue(new Date(), tz)}
        timeZone={tz}
      />
    </div>
  );
}
