import "server-only";
import { db } from "@/lib/db";

export type AuditOutcome = "SUCCESS" | "DENIED" | "FAILED";

export type AuditEventInput = {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  patientId?: string | null;
  outcome: AuditOutcome;
  clientAddress?: string | null;
  detail?: string | null;
};

type AuditWriter = Pick<typeof db, "auditEvent">;

/** Audit events are only ever inserted: no function of the app updates or deletes them. */
export async function recordAudit(event: AuditEventInput, writer: AuditWriter = db): Promise<void> {
  await writer.auditEvent.create({
    data: {
      actorId: event.actorId,
      actorRole: event.actorRole,
      action: event.action,
      patientId: event.patientId ?? null,
      outcome: event.outcome,
      clientAddress: event.clientAddress ?? null,
      detail: event.detail ?? null,
    },
  });
}
