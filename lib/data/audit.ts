import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes, randomUUID } from "node:crypto";
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
  READ_OUTCOMES: "Looked at your questionnaire scores",
} as const;
export type AuditedRead = keyof typeof auditedReads;

/**
 * The `detail` of a read made by an automatic background refresh (an open caseload, a chart
 * refetched on focus): kept in the trail, not counted as a look in "Who has seen your data".
 */
export const backgroundRefreshDetail = "background refresh";

/**
 * Patient data leaving the app: a download (CSV, FHIR) or opening a print view (what is printed or
 * saved as PDF is up to the browser, so opening it is what is recorded). Listed one by one in "Who
 * has seen your data", never folded into a day's looks, and kept by audit retention like writes.
 */
export const auditedExports = {
  EXPORT_SESSIONS_CSV: "Exported your sessions as CSV",
  EXPORT_PAIN_CSV: "Exported your pain ratings as CSV",
  EXPORT_OUTCOMES_CSV: "Exported your questionnaire scores as CSV",
  EXPORT_FHIR: "Exported your data as a FHIR file",
  ROUTINE_PRINTED: "Opened your home programme to print or save as PDF",
  REPORT_PRINTED: "Opened your progress report to print or save as PDF",
} as const;
export type AuditedExport = keyof typeof auditedExports;

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
  GUIDED_LEAD_IN_SET: "Set the time to get into position before a guided hold",
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
  OUTCOME_ASSIGNED: "Asked you to answer a questionnaire",
  OUTCOME_ASSIGNMENT_STOPPED: "Stopped asking you to answer a questionnaire",
  OUTCOME_DRAFT_SAVED: "Saved questionnaire answers to finish later",
  OUTCOME_COMPLETED: "Answered a questionnaire",
  SETTINGS_SAVED: "Saved their settings (name, time zone, main pain area)",
  REMINDERS_SAVED: "Changed their reminder settings",
  PUSH_DEVICE_ADDED: "Turned on reminders on a device",
  PUSH_DEVICE_REMOVED: "Turned off reminders on a device",
  TEST_REMINDER_SENT: "Sent themselves a test reminder",
  CALENDAR_FEED_CREATED: "Made a new calendar feed address",
  CALENDAR_FEED_REVOKED: "Turned off the calendar feed",
} as const;
export type AuditedWrite = keyof typeof auditedWrites;

const otherActions = {
  SIGN_IN: "Signed in",
  SIGN_UP: "Created an account",
  CHANGE_PASSWORD: "Changed the password",
  SIGN_OUT_EVERYWHERE: "Signed out everywhere",
  ACCESS_DENIED: "Tried to open your data and was refused",
  WRONG_ROLE_REFUSED: "Tried something only the other role may do and was refused",
  ANONYMOUS_REFUSED: "Someone not signed in tried an action and was refused",
  SECOND_FACTOR: "Entered a two-factor sign-in code",
  TWO_FACTOR_ENABLED: "Turned on two-factor sign-in",
  TWO_FACTOR_RESET: "Two-factor sign-in was reset by an operator",
  EMAIL_VERIFICATION_SENT: "Asked for a link to confirm the e-mail address",
  EMAIL_VERIFIED: "Confirmed the e-mail address",
  EMAIL_CHANGE_REQUESTED: "Asked to change the e-mail address",
  EMAIL_CHANGED: "Changed the e-mail address",
  PASSWORD_RESET_REQUESTED: "Asked for a link to choose a new password",
  PASSWORD_RESET: "Chose a new password through an e-mailed link",
  REMINDER_EMAILS_STOPPED: "Stopped reminder e-mails with the link in one",
  ACCOUNT_DELETED: "Deleted their account",
  ACCOUNT_ERASED_AFTER_RESTORE: "An erased account was erased again after a backup was restored",
  DATA_DOWNLOADED: "Downloaded a copy of your data",
} as const;

export type AuditAction = AuditedRead | AuditedExport | AuditedWrite | keyof typeof otherActions;

export const auditActionLabels: Record<AuditAction, string> = {
  ...auditedReads,
  ...auditedExports,
  ...auditedWrites,
  ...otherActions,
};

export type AuditEventInput = {
  /** The user who acted (a user id: stored as their subject key, never as the id). */
  actorId: string | null;
  actorRole: string | null;
  action: AuditAction;
  /** Whose data it was (a user id, possibly made up by a refused caller: it is looked up). */
  patientId?: string | null;
  outcome: AuditOutcome;
  clientAddress?: string | null;
  /** Never a name or an e-mail address: people are named only by subject keys. */
  detail?: string | null;
};

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type AuditWriter = Tx | typeof db;

/**
 * The opaque key that stands for a user in the audit trail, created on first use. Ids that name no
 * user (a refused caller may send anything) get no key. Erasing a person deletes their
 * AuditSubject row, and their audit rows then name nobody without being changed.
 */
export async function subjectKeyOf(userId: string | null | undefined, writer: AuditWriter = db) {
  if (!userId || userId.includes("\0")) return null;
  const known = await writer.auditSubject.findUnique({ where: { userId }, select: { key: true } });
  if (known) return known.key;
  const user = await writer.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return null;
  // Two requests may create the same person's key at once; the first one wins, without an error
  // that would abort a PostgreSQL transaction.
  await writer.$executeRaw`INSERT INTO "AuditSubject" ("key", "userId", "createdAt")
    VALUES (${randomBytes(16).toString("hex")}, ${userId}, ${new Date()})
    ON CONFLICT ("userId") DO NOTHING`;
  const created = await writer.auditSubject.findUniqueOrThrow({ where: { userId }, select: { key: true } });
  return created.key;
}

/** The users behind subject keys (keys whose person was erased are simply missing). */
export async function usersOfSubjects(keys: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(keys.filter((key): key is string => key !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.auditSubject.findMany({
    where: { key: { in: wanted } },
    select: { key: true, userId: true },
  });
  return new Map(rows.map((row) => [row.key, row.userId]));
}

async function auditRow(event: AuditEventInput, writer: AuditWriter) {
  return {
    actorKey: await subjectKeyOf(event.actorId, writer),
    actorRole: event.actorRole,
    action: event.action,
    patientKey: await subjectKeyOf(event.patientId, writer),
    outcome: event.outcome,
    clientAddress: event.clientAddress?.slice(0, 100) ?? null,
    detail: event.detail?.slice(0, 500) ?? null,
  };
}

/**
 * Audit events are only ever inserted: no function of the app updates or deletes them, and the
 * database refuses to (triggers; on PostgreSQL the app's role may only INSERT and SELECT).
 * Pass the transaction of the change it records, so that one is never kept without the other.
 */
export async function recordAudit(event: AuditEventInput, writer: AuditWriter = db): Promise<void> {
  await writer.auditEvent.create({ data: await auditRow(event, writer) });
}

/**
 * Records an event at most once per `onceKey` (INSERT ... ON CONFLICT DO NOTHING): the row is
 * never updated afterwards. Returns whether this call inserted it.
 */
export async function recordAuditOnce(
  event: AuditEventInput & {
    onceKey: string | ((row: { actorKey: string | null; patientKey: string | null }) => string);
  },
  writer: AuditWriter = db,
): Promise<boolean> {
  const row = await auditRow(event, writer);
  // A once-key built from people names them by subject key too, never by user id.
  const onceKey = typeof event.onceKey === "string" ? event.onceKey : event.onceKey(row);
  const inserted = await writer.$executeRaw`INSERT INTO "AuditEvent"
      ("id", "actorKey", "actorRole", "action", "patientKey", "outcome", "clientAddress", "detail", "onceKey", "at")
    VALUES (${randomUUID()}, ${row.actorKey}, ${row.actorRole}, ${row.action}, ${row.patientKey},
      ${row.outcome}, ${row.clientAddress}, ${row.detail}, ${onceKey.slice(0, 200)}, ${new Date()})
    ON CONFLICT ("onceKey") DO NOTHING`;
  return inserted > 0;
}

/** The hour an event falls in, as used in once-keys: "2026-11-20T11". */
export const hourOf = (at: Date) => at.toISOString().slice(0, 13);

/**
 * A call from someone not signed in: one audit row per address and hour (so the table cannot be
 * flooded), the number of calls counted in the throttle table under the same key.
 */
export async function recordAnonymousRefusal(
  clientAddress: string,
  what: string,
  now = new Date(),
): Promise<void> {
  const key = `anonymous-refusal:${clientAddress.slice(0, 100)}:${hourOf(now)}`;
  await db.$transaction(async (tx) => {
    await recordAuditOnce(
      {
        actorId: null,
        actorRole: null,
        action: "ANONYMOUS_REFUSED",
        outcome: "DENIED",
        clientAddress,
        detail: what,
        onceKey: key,
      },
      tx,
    );
    await tx.$executeRaw`INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lastFailure")
      VALUES (${key}, 1, ${now}, ${now})
      ON CONFLICT ("key") DO UPDATE SET "failures" = "SignInThrottle"."failures" + 1, "lastFailure" = ${now}`;
  });
}

/** The audit event the current server action will record, once its outcome is known. */
export type PendingAudit = {
  event: (outcome: AuditOutcome) => Promise<AuditEventInput>;
  /** Set once the event is written inside the transaction of the change. */
  written: boolean;
};

const pendingAudit = new AsyncLocalStorage<PendingAudit>();

/** Runs a server action's handler with its audit event pending (see auditedTransaction). */
export function withPendingAudit<T>(pending: PendingAudit, run: () => Promise<T>): Promise<T> {
  return pendingAudit.run(pending, run);
}

/**
 * A write transaction that carries the pending audit event of the action it runs for: the event is
 * inserted in the same transaction, so if the insert fails the change is rolled back too, and a
 * change is never saved without its audit row. Outside an action it is a plain transaction.
 */
export async function auditedTransaction<T>(
  change: (tx: Tx) => Promise<T>,
  /** The event's detail when only the change knows it (what it changed); never a name or e-mail. */
  detailOf?: (result: T) => string | null,
): Promise<T> {
  const pending = pendingAudit.getStore();
  const writesAudit = pending !== undefined && !pending.written;
  try {
    return await db.$transaction(async (tx) => {
      const result = await change(tx);
      if (writesAudit) {
        const event = await pending.event("SUCCESS");
        await recordAudit(detailOf ? { ...event, detail: detailOf(result) } : event, tx);
        pending.written = true;
      }
      return result;
    });
  } catch (error) {
    if (writesAudit) pending.written = false;
    throw error;
  }
}
