// Sending reminders, at most once per patient, local date and kind, however many server instances
// scan at the same minute. Each reminder is a ReminderDelivery row, unique per (patient, date,
// kind), claimed with a lease before anything is sent and marked sent after. A second instance
// finds the row taken; a lease that lapsed (the instance died, the send failed) can be claimed
// again while the reminder is not too late. A crash between sending and marking can still give one
// duplicate: push messages carry a Topic so an undelivered first copy is replaced.
//
// Runs outside requests (the scheduler in scripts/server.ts) and inside them (the test button),
// so it takes its database and senders as arguments.
import { randomUUID } from "node:crypto";
import type { RequestOptions } from "web-push";
import type { Db } from "../db/client.ts";
import { addDays, startOfLocalDate } from "../domain/calendar.ts";
import {
  type QuietHours,
  type ReminderChannel,
  type ReminderPlan,
  reminderDecision,
  reminderWording,
} from "../domain/reminders.ts";
import { type PushPayload, pushTopic, sendPush } from "./push.ts";
import { newToken, tokenHash } from "./tokens.ts";
import type { VapidKeys } from "./vapid.ts";

export type ReminderMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

export type ReminderContext = {
  db: Db;
  /** Where links in messages point: the app's public address, no trailing slash. */
  appUrl: string;
  sendMail: (message: ReminderMail) => Promise<void>;
  vapid: VapidKeys | undefined;
  /** Extra options for web-push's request (tests pass an agent that trusts their certificate). */
  pushOptions?: Partial<RequestOptions>;
  /** How long a claim holds before another instance may take the reminder over. */
  leaseMs?: number;
};

export type ReminderKind = "DAILY" | "TEST";
const defaultLeaseMs = 2 * 60_000;

type Claim = { id: string; attempts: number };

/**
 * Claims a reminder: inserts its row, or takes over a row whose lease lapsed. Returns null when
 * another instance holds it or it is already finished.
 */
export async function claimDelivery(
  db: Db,
  key: { userId: string; localDate: string; kind: ReminderKind; channel: ReminderChannel },
  now: Date,
  leaseMs = defaultLeaseMs,
): Promise<Claim | null> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const id = randomUUID();
  // ON CONFLICT DO NOTHING: a concurrent insert by another instance makes this one a no-op,
  // without the error that would abort a PostgreSQL transaction.
  const inserted = await db.$executeRaw`INSERT INTO "ReminderDelivery"
      ("id", "userId", "localDate", "kind", "status", "channel", "leaseUntil", "attempts", "createdAt", "updatedAt")
    VALUES (${id}, ${key.userId}, ${key.localDate}, ${key.kind}, 'CLAIMED', ${key.channel}, ${leaseUntil}, 1, ${now}, ${now})
    ON CONFLICT ("userId", "localDate", "kind") DO NOTHING`;
  if (inserted > 0) return { id, attempts: 1 };
  // One conditional UPDATE: of two instances finding the same lapsed lease, one changes the row.
  const taken = await db.reminderDelivery.updateMany({
    where: {
      userId: key.userId,
      localDate: key.localDate,
      kind: key.kind,
      status: "CLAIMED",
      leaseUntil: { lt: now },
    },
    data: { leaseUntil, attempts: { increment: 1 }, channel: key.channel },
  });
  if (taken.count === 0) return null;
  const row = await db.reminderDelivery.findUniqueOrThrow({
    where: { userId_localDate_kind: { userId: key.userId, localDate: key.localDate, kind: key.kind } },
    select: { id: true, attempts: true },
  });
  return row;
}

async function finish(
  db: Db,
  claim: Claim,
  status: "SENT" | "SKIPPED" | "FAILED",
  outcome: string,
  now: Date,
): Promise<void> {
  await db.reminderDelivery.updateMany({
    where: { id: claim.id, status: "CLAIMED" },
    data: {
      status,
      outcome: outcome.slice(0, 200),
      leaseUntil: null,
      sentAt: status === "SENT" ? now : null,
    },
  });
}

/** A failed send keeps its claim until the lease lapses, then any instance may try again. */
async function release(db: Db, claim: Claim, outcome: string): Promise<void> {
  await db.reminderDelivery.updateMany({
    where: { id: claim.id, status: "CLAIMED" },
    data: { outcome: outcome.slice(0, 200) },
  });
}

const maxAttempts = 3;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The e-mail: when to exercise, a link to Today, and how to stop; no word of why. */
export function reminderMail(
  to: string,
  appUrl: string,
  unsubscribeToken: string,
  test: boolean,
): ReminderMail {
  const todayUrl = `${appUrl}/today`;
  const unsubscribeUrl = `${appUrl}/unsubscribe/${unsubscribeToken}`;
  const subject = test ? reminderWording.testTitle : reminderWording.title;
  const lead = test ? reminderWording.testBody : reminderWording.body;
  const text = [
    lead,
    "",
    `Open today's list: ${todayUrl}`,
    "",
    "You asked for this reminder. To stop reminder e-mails, open this link:",
    unsubscribeUrl,
    "You can also change the time or the way you are reminded under Reminders in the app.",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(lead)}</p>
<p><a href="${escapeHtml(todayUrl)}">Open today's list</a></p>
<p style="color:#555;font-size:14px">You asked for this reminder. <a href="${escapeHtml(unsubscribeUrl)}">Stop reminder e-mails</a>, or change the time under Reminders in the app.</p>
</body></html>`;
  return {
    to,
    subject,
    text,
    html,
    headers: {
      // RFC 2369 and RFC 8058: mail programs offer an unsubscribe button that POSTs here.
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

type Recipient = { userId: string; email: string; channel: ReminderChannel };

/**
 * Sends one claimed reminder on the patient's channel. Returns the row's new status: SENT when a
 * message left, SKIPPED when there was nowhere to send it (no device), FAILED after the last
 * attempt, CLAIMED when a later attempt may still succeed.
 */
async function deliver(
  context: ReminderContext,
  recipient: Recipient,
  claim: Claim,
  localDate: string,
  kind: ReminderKind,
  now: Date,
): Promise<"SENT" | "SKIPPED" | "FAILED" | "CLAIMED"> {
  const { db } = context;
  const test = kind === "TEST";
  if (recipient.channel === "EMAIL") {
    const token = newToken();
    await db.reminderDelivery.update({
      where: { id: claim.id },
      data: { unsubscribeTokenHash: tokenHash(token) },
    });
    try {
      await context.sendMail(reminderMail(recipient.email, context.appUrl, token, test));
    } catch (error) {
      const outcome = `e-mail refused: ${(error as Error).message.slice(0, 120)}`;
      if (claim.attempts >= maxAttempts || test) {
        await finish(db, claim, "FAILED", outcome, now);
        return "FAILED";
      }
      await release(db, claim, outcome);
      return "CLAIMED";
    }
    await finish(db, claim, "SENT", "e-mail sent", now);
    return "SENT";
  }
  if (recipient.channel === "PUSH") {
    if (!context.vapid) {
      await finish(db, claim, "SKIPPED", "push is not set up on this server", now);
      return "SKIPPED";
    }
    const devices = await db.pushSubscription.findMany({
      where: { userId: recipient.userId },
      select: { id: true, endpoint: true, p256dh: true, auth: true },
    });
    if (devices.length === 0) {
      await finish(db, claim, "SKIPPED", "no device", now);
      return "SKIPPED";
    }
    const payload: PushPayload = {
      title: test ? reminderWording.testTitle : reminderWording.title,
      body: test ? reminderWording.testBody : reminderWording.body,
      url: "/today",
    };
    const topic = test
      ? pushTopic("test", recipient.userId, now.toISOString())
      : pushTopic(recipient.userId, localDate);
    const results = await Promise.all(
      devices.map(async (device) => {
        const sent = await sendPush(device, payload, {
          vapid: context.vapid as VapidKeys,
          topic,
          extra: context.pushOptions,
        });
        if (sent.result === "gone") await db.pushSubscription.deleteMany({ where: { id: device.id } });
        if (sent.result === "sent") {
          await db.pushSubscription.updateMany({ where: { id: device.id }, data: { lastSentAt: now } });
        }
        return sent;
      }),
    );
    const delivered = results.filter((r) => r.result === "sent").length;
    const summary = results.map((r) => r.detail).join(", ");
    if (delivered > 0) {
      await finish(db, claim, "SENT", `push to ${delivered} of ${devices.length} devices (${summary})`, now);
      return "SENT";
    }
    if (results.every((r) => r.result === "gone")) {
      await finish(db, claim, "SKIPPED", `no device (${summary})`, now);
      return "SKIPPED";
    }
    if (claim.attempts >= maxAttempts || test) {
      await finish(db, claim, "FAILED", summary, now);
      return "FAILED";
    }
    await release(db, claim, summary);
    return "CLAIMED";
  }
  await finish(db, claim, "SKIPPED", "reminders off", now);
  return "SKIPPED";
}

/** Whether a session is logged (and not deleted) on a local date. */
async function sessionLoggedOn(db: Db, userId: string, date: string, timeZone: string): Promise<boolean> {
  const count = await db.exerciseSession.count({
    where: {
      patientId: userId,
      deletedAt: null,
      startedAt: { gte: startOfLocalDate(date, timeZone), lt: startOfLocalDate(addDays(date, 1), timeZone) },
    },
  });
  return count > 0;
}

export type ScanSummary = { sent: number; skipped: number; failed: number; heldElsewhere: number };

/**
 * One scan: every patient whose reminder is due at `now` and not yet handled gets it, or has it
 * recorded as skipped (session already logged, quiet hours, too late). Safe to run at the same
 * moment on every instance.
 */
export async function runDueReminders(context: ReminderContext, now = new Date()): Promise<ScanSummary> {
  const { db } = context;
  const summary: ScanSummary = { sent: 0, skipped: 0, failed: 0, heldElsewhere: 0 };
  const preferences = await db.reminderPreference.findMany({
    where: { channel: { in: ["PUSH", "EMAIL"] }, user: { role: "PATIENT" } },
    select: {
      userId: true,
      channel: true,
      minuteOfDay: true,
      quietStart: true,
      quietEnd: true,
      user: {
        select: {
          email: true,
          timezone: true,
          routine: { select: { items: { where: { stoppedAt: null }, select: { daysOfWeek: true } } } },
        },
      },
    },
  });
  for (const preference of preferences) {
    const plan = planOf(preference);
    // First without the database: most patients are not due this minute.
    const due = reminderDecision(plan, now, false);
    if (due.action === "none") continue;
    const existing = await db.reminderDelivery.findUnique({
      where: {
        userId_localDate_kind: { userId: preference.userId, localDate: due.localDate, kind: "DAILY" },
      },
      select: { status: true, leaseUntil: true },
    });
    if (
      existing &&
      !(existing.status === "CLAIMED" && (existing.leaseUntil?.getTime() ?? 0) < now.getTime())
    ) {
      continue;
    }
    const claim = await claimDelivery(
      db,
      { userId: preference.userId, localDate: due.localDate, kind: "DAILY", channel: plan.channel },
      now,
      context.leaseMs,
    );
    if (!claim) {
      summary.heldElsewhere++;
      continue;
    }
    // Decided again under the claim, with whether today's session is logged.
    const logged = await sessionLoggedOn(db, preference.userId, due.localDate, plan.timeZone);
    const decision = reminderDecision(plan, now, logged);
    if (decision.action !== "send") {
      await finish(db, claim, "SKIPPED", decision.reason, now);
      summary.skipped++;
      continue;
    }
    const recipient = { userId: preference.userId, email: preference.user.email, channel: plan.channel };
    const status = await deliver(context, recipient, claim, due.localDate, "DAILY", now);
    if (status === "SENT") summary.sent++;
    else if (status === "SKIPPED") summary.skipped++;
    else summary.failed++;
  }
  return summary;
}

type PreferenceRow = {
  channel: string;
  minuteOfDay: number;
  quietStart: number | null;
  quietEnd: number | null;
  user: { timezone: string; routine: { items: { daysOfWeek: number }[] } | null };
};

export function quietHoursOf(row: { quietStart: number | null; quietEnd: number | null }): QuietHours | null {
  return row.quietStart === null || row.quietEnd === null
    ? null
    : { start: row.quietStart, end: row.quietEnd };
}

export function planOf(row: PreferenceRow): ReminderPlan {
  return {
    channel: (["PUSH", "EMAIL"].includes(row.channel) ? row.channel : "NONE") as ReminderChannel,
    minuteOfDay: row.minuteOfDay,
    quiet: quietHoursOf(row),
    timeZone: row.user.timezone,
    routineDays: (row.user.routine?.items ?? []).reduce((days, item) => days | item.daysOfWeek, 0),
  };
}

/**
 * The test button: sends now, on the chosen channel, whatever the time, the quiet hours or today's
 * session. One row per patient and day (kind TEST) keeps its latest outcome.
 */
export async function sendTestReminder(
  context: ReminderContext,
  recipient: Recipient,
  localDate: string,
  now = new Date(),
): Promise<"SENT" | "SKIPPED" | "FAILED"> {
  const { db } = context;
  await db.reminderDelivery.upsert({
    where: { userId_localDate_kind: { userId: recipient.userId, localDate, kind: "TEST" } },
    create: {
      userId: recipient.userId,
      localDate,
      kind: "TEST",
      status: "CLAIMED",
      channel: recipient.channel,
      leaseUntil: new Date(now.getTime() + defaultLeaseMs),
      attempts: 1,
    },
    update: {
      status: "CLAIMED",
      channel: recipient.channel,
      leaseUntil: new Date(now.getTime() + defaultLeaseMs),
      attempts: { increment: 1 },
      outcome: null,
      sentAt: null,
    },
  });
  const row = await db.reminderDelivery.findUniqueOrThrow({
    where: { userId_localDate_kind: { userId: recipient.userId, localDate, kind: "TEST" } },
    select: { id: true, attempts: true },
  });
  const status = await deliver(context, recipient, row, localDate, "TEST", now);
  return status === "CLAIMED" ? "FAILED" : status;
}
