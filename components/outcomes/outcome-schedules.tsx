import { ActionButton } from "@/components/ui/action-button";
import { stopOutcomeAssignmentAction } from "@/lib/actions/outcomes";
import type { AssignmentView } from "@/lib/data/outcomes";
import { formatDate } from "@/lib/format";

const day = (date: string) => formatDate(new Date(`${date}T12:00:00Z`), "UTC");

/** "Every 4 weeks from 2 Nov 2026 until 31 Mar 2027; next due 30 Nov 2026". */
export function scheduleText(schedule: AssignmentView): string {
  const repeat = schedule.everyWeeks
    ? `Every ${schedule.everyWeeks} week${schedule.everyWeeks === 1 ? "" : "s"} from ${day(schedule.firstDueDate)}${schedule.untilDate ? ` until ${day(schedule.untilDate)}` : ""}`
    : `Once, from ${day(schedule.firstDueDate)}`;
  if (schedule.endedAt) return `${repeat}; stopped.`;
  if (schedule.dueNow && schedule.nextDueDate)
    return `${repeat}; due now (since ${day(schedule.nextDueDate)}).`;
  return `${repeat}; ${schedule.nextDueDate ? `next due ${day(schedule.nextDueDate)}` : "nothing more due"}.`;
}

/** The questionnaires asked of this patient, with a way to stop each. */
export function OutcomeSchedules({
  patientId,
  schedules,
}: {
  patientId: string;
  schedules: AssignmentView[];
}) {
  if (schedules.length === 0) return <p className="text-sm text-slate-700">None asked for yet.</p>;
  return (
    <ul aria-label="Questionnaires asked for" className="space-y-2">
      {schedules.map((schedule) => (
        <li key={schedule.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span>
            <strong className="font-semibold">{schedule.instrumentName}</strong>: {scheduleText(schedule)}
          </span>
          {schedule.endedAt ? null : (
            <ActionButton
              action={stopOutcomeAssignmentAction}
              label="Stop"
              pendingLabel="Stopping…"
              fields={{ patientId, assignmentId: schedule.id }}
              accessibleLabel={`asking for the ${schedule.instrumentName}`}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
