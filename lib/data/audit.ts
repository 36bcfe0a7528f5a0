import "server-only";
import { db } from "@/lib/db";

export type AuditOutcome = "SUCCESS" | "DENIED" | "FAILED";

/**
 * What a physiotherapist read, recorded once per request and kind of data. A patient sees these
 * in "Who has seen your data".
 */
export const auditedReads = {
  READ_CASELOAD_SUMMARY: "Saw your summary in their caseload",
  READ_OVERVIEW: "Looked at your overview for today",
  READ_SUMMARY: "Looked at your summary (pain, sessions done, flags)",
  READ_PROGRESS: "Looked at your progress charts",
  READ_ROUTINE: "Looked at your routine",
  READ_SESSIONS: "Looked at your sessions",
  READ_PAIN: "Looked at your pain entries",
  READ_NOTES: "Read their clinical notes about you",
  READ_COMMENTS: "Read comments on your sessions",
} as const;
export type AuditedRead = keyof typeof auditedReads;

/**
 * The `detail` of a read made by an automatic background refresh (an open caseload, a chart
 * refetched on focus): kept in the trail, not counted as a look in "Who has seen your data".
 */
export const backgroundRefreshDetail = "background refresh";

/** Every write made through the app, by anyone. */
export const auditedWrites = {
  SESSION_LOGGED: "Logged a session",
  MAIN_PAIN_AREA_SET: "Set the main pain area",
  SESSION_EDITED: "Edited a session",
  SESSION_DELETED: "Deleted a session",
  SESSION_RESTORED: "Restored a session",
  GUIDED_DRAFT_SAVED: "Saved a guided session in progress",
  GUIDED_DRAFT_DISCARDED: "Discarded a guided session in progress",
  GUIDED_SESSION_FINISHED: "Finished a guided session",
  PAIN_CHECK_IN: "Recorded a pain check-in",
  PAIN_EDITED: "Edited a pain entry",
  PAIN_DELETED: "Deleted a pain entry",
  PAIN_RESTORED: "Restored a pain entry",
  ROUTINE_ITEM_ADDED: "Added an exercise to your routine",
  ROUTINE_ITEM_CHANGED: "Changed an exercise in your routine",
  ROUTINE_ITEM_STOPPED: "Stopped an exercise in your routine",
  ROUTINE_ITEM_MOVED: "Reordered your routine",
  STARTER_ROUTINE_APPLIED: "Set up the starter routine",
  INVITE_CREATED: "Created an invitation",
  INVITE_CANCELLED: "Cancelled an invitation",
  INVITE_ACCEPTED: "Accepted an invitation",
  INVITE_DECLINED: "Declined an invitation",
  INVITE_CODE_CHECKED: "Checked an invitation code",
  INVITE_CODE_ENTERED: "Entered an invitation code",
  CARE_LINK_ENDED: "Ended the care link",
  CLINICAL_NOTE_ADDED: "Added a clinical note",
  COMMENT_ADDED: "Commented on your session",
  REPLY_ADDED: "Replied on a session",
  MESSAGE_EDITED: "Edited a message on a session",
  MESSAGE_DELETED: "Deleted a message on a session",
  WEEKLY_TARGET_SET: "Set the share of due days that makes your week on target",
} as const;
export type AuditedWrite = keyof typeof auditedWrites;

const otherActions = {
  SIGN_IN: "Signed in",
  SIGN_UP: "Created an account",
  CHANGE_PASSWORD: "Changed the password",
  SIGN_OUT_EVERYWHERE: "Signed out everywhere",
  ACCESS_DENIED: "Tried to open your data and was refused",
  SECOND_FACTOR: "Entered a two-factor sign-in code",
  TWO_FACTOR_ENABLED: "Turned on two-factor sign-in",
  TWO_FACTOR_RESET: "Two-factor sign-in was reset by an operator",
} as const;

export type AuditAction = AuditedRead | AuditedWrite | keyof typeof otherActions;

export const auditActionLabels: Record<AuditAction, string> = {
  ...auditedReads,
  ...auditedWrites,
  ...otherActions,
};

export type AuditEventInput = {
  actorId: string | null;
  actorRole: string | null;
  action: AuditAction;
  patientId?: string | null;
  outcome: AuditOutcome;
  clientAddress?: string | null;
  detail?: string | null;
};

type AuditWriter = Pick<typeof db, "auditEvent">;

/**
 * Audit events are only ever inserted: no function of the app updates or deletes them, and the
 * database refuses to (triggers in the migration that introduced invites).
 */
export async function recordAudit(event: AuditEventInput, writer: AuditWriter = db): Promise<void> {
  await writer.auditEvent.create({
    data: {
      actorId: event.actorId,
      actorRole: event.actorRole,
      action: event.action,
      patientId: event.patientId ?? null,
      outcome: event.outcome,
      clientAddress: event.clientAddress ?? null,
      detail: event.detail?.slice(0, 500) ?? null,
    },
  });
}
