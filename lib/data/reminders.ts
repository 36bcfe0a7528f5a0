import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { localDate } from "@/lib/domain/calendar";
import {
  defaultQuietHours,
  defaultReminderMinute,
  nextReminderAt,
  type QuietHours,
  type ReminderChannel,
} from "@/lib/domain/reminders";
import { appOrigin } from "@/lib/mail/settings";
import { calendarFeed } from "@/lib/reminders/calendar-feed";
import { reminderContext } from "@/lib/reminders/context";
import { planOf, quietHoursOf, sendTestReminder } from "@/lib/reminders/delivery";
import { isTokenShaped, newToken, tokenHash } from "@/lib/reminders/tokens";
import { vapidKeys } from "@/lib/reminders/vapid";
import type { PushSubscriptionInput, ReminderPreferenceInput } from "@/lib/validation/reminders";
import { auditedTransaction, recordAudit } from "./audit";
import { requireRole } from "./current-user";
import { RuleError } from "./errors";

export type ReminderDeliveryView = {
  localDate: string;
  kind: "DAILY" | "TEST";
  status: string;
  channel: string;
  outcome: string | null;
  at: Date;
};

export type ReminderSettings = {
  channel: ReminderChannel;
  minuteOfDay: number;
  quiet: QuietHours | null;
  /** False until the patient saves the form once: the values shown are the defaults. */
  saved: boolean;
  timeZone: string;
  routineDays: number;
  nextAt: Date | null;
  /** The public key browsers subscribe with, or null when this server cannot send push. */
  vapidPublicKey: string | null;
  deviceCount: number;
  emailConfigured: boolean;
  calendarFeedSince: Date | null;
  recent: ReminderDeliveryView[];
};

const preferenceSelect = {
  channel: true,
  minuteOfDay: true,
  quietStart: true,
  quietEnd: true,
} as const;

/** The signed-in patient's reminder settings, with what happened to the latest reminders. */
export async function getReminderSettings(now = new Date()): Promise<ReminderSettings> {
  const patient = await requireRole("PATIENT");
  const [user, preference, deviceCount, feed, recent] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: patient.id },
      select: {
        timezone: true,
        routine: { select: { items: { where: { stoppedAt: null }, select: { daysOfWeek: true } } } },
      },
    }),
    db.reminderPreference.findUnique({ where: { userId: patient.id }, select: preferenceSelect }),
    db.pushSubscription.count({ where: { userId: patient.id } }),
    db.calendarFeed.findUnique({ where: { userId: patient.id }, select: { createdAt: true } }),
    db.reminderDelivery.findMany({
      where: { userId: patient.id },
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: { localDate: true, kind: true, status: true, channel: true, outcome: true, updatedAt: true },
    }),
  ]);
  const row = preference ?? {
    channel: "NONE",
    minuteOfDay: defaultReminderMinute,
    quietStart: defaultQuietHours.start,
    quietEnd: defaultQuietHours.end,
  };
  const plan = planOf({ ...row, user });
  const settings = config();
  return {
    channel: plan.channel,
    minuteOfDay: row.minuteOfDay,
    quiet: quietHoursOf(row),
    saved: preference !== null,
    timeZone: user.timezone,
    routineDays: plan.routineDays,
    nextAt: nextReminderAt(plan, now),
    vapidPublicKey: vapidKeys(settings)?.publicKey ?? null,
    deviceCount,
    emailConfigured: !settings.mailDisabled,
    calendarFeedSince: feed?.createdAt ?? null,
    recent: recent.map((delivery) => ({
      localDate: delivery.localDate,
      kind: delivery.kind === "TEST" ? "TEST" : "DAILY",
      status: delivery.status,
      channel: delivery.channel,
      outcome: delivery.outcome,
      at: delivery.updatedAt,
    })),
  };
}

/** Saves the signed-in patient's reminder choice. */
export async function saveReminderPreference(input: ReminderPreferenceInput): Promise<void> {
  const patient = await requireRole("PATIENT");
  const values = {
    channel: input.channel,
    minuteOfDay: input.time,
    quietStart: input.quietHours ? input.quietStart : null,
    quietEnd: input.quietHours ? input.quietEnd : null,
  };
  await auditedTransaction(
    (tx) =>
      tx.reminderPreference.upsert({
        where: { userId: patient.id },
        create: { userId: patient.id, ...values },
        update: values,
      }),
    () =>
      `channel ${values.channel}; time ${input.time}; quiet hours ${
        values.quietStart === null ? "off" : `${values.quietStart}-${values.quietEnd}`
      }`,
  );
}

/**
 * Keeps this browser's push subscription for the signed-in patient. An endpoint another account
 * registered on the same browser moves to this one: a device reminds whoever turned it on last.
 */
export async function savePushSubscription(input: PushSubscriptionInput): Promise<void> {
  const patient = await requireRole("PATIENT");
  await auditedTransaction(async (tx) => {
    await tx.pushSubscription.deleteMany({ where: { endpoint: input.endpoint } });
    await tx.pushSubscription.create({
      data: { userId: patient.id, endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth },
    });
  });
}

/** Forgets one of the signed-in patient's devices (only their own: another's endpoint is left). */
export async function removePushSubscription(endpoint: string): Promise<{ removed: boolean }> {
  const patient = await requireRole("PATIENT");
  return auditedTransaction(async (tx) => {
    const removed = await tx.pushSubscription.deleteMany({ where: { endpoint, userId: patient.id } });
    return { removed: removed.count > 0 };
  });
}

const testSpacingMs = 30_000;

/** Sends a test reminder now on the chosen channel. */
export async function sendTestReminderNow(now = new Date()): Promise<{
  status: "SENT" | "SKIPPED" | "FAILED";
  channel: ReminderChannel;
  outcome: string | null;
}> {
  const patient = await requireRole("PATIENT");
  const preference = await db.reminderPreference.findUnique({
    where: { userId: patient.id },
    select: { channel: true },
  });
  const channel = (preference?.channel ?? "NONE") as ReminderChannel;
  if (channel === "NONE") {
    throw new RuleError("Choose push or e-mail and save first; then a test can be sent.", "channel");
  }
  const date = localDate(now, patient.timezone);
  const last = await db.reminderDelivery.findUnique({
    where: { userId_localDate_kind: { userId: patient.id, localDate: date, kind: "TEST" } },
    select: { updatedAt: true },
  });
  if (last && now.getTime() - last.updatedAt.getTime() < testSpacingMs) {
    throw new RuleError("A test was sent a moment ago. Please wait half a minute before sending another.");
  }
  const context = reminderContext(db);
  const status = await sendTestReminder(
    context,
    { userId: patient.id, email: patient.email, channel },
    date,
    now,
  );
  const row = await db.reminderDelivery.findUniqueOrThrow({
    where: { userId_localDate_kind: { userId: patient.id, localDate: date, kind: "TEST" } },
    select: { outcome: true },
  });
  return { status, channel, outcome: row.outcome };
}

/** Makes a new secret feed address (the old one stops working). The token is shown only now. */
export async function renewCalendarFeed(): Promise<{ token: string }> {
  const patient = await requireRole("PATIENT");
  const token = newToken();
  await auditedTransaction((tx) =>
    tx.calendarFeed.upsert({
      where: { userId: patient.id },
      create: { userId: patient.id, tokenHash: tokenHash(token) },
      update: { tokenHash: tokenHash(token), createdAt: new Date() },
    }),
  );
  return { token };
}

export async function revokeCalendarFeed(): Promise<void> {
  const patient = await requireRole("PATIENT");
  await auditedTransaction((tx) => tx.calendarFeed.deleteMany({ where: { userId: patient.id } }));
}

/**
 * The feed behind a secret address, for calendar services (no session): null for an unknown or
 * revoked token. It holds no name and no exercise, only the time.
 */
export async function calendarFeedByToken(token: string): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      userId: true,
      createdAt: true,
      user: {
        select: {
          timezone: true,
          reminderPreference: { select: { ...preferenceSelect, updatedAt: true } },
          routine: {
            select: {
              items: { where: { stoppedAt: null }, select: { daysOfWeek: true, updatedAt: true } },
            },
          },
        },
      },
    },
  });
  if (!feed) return null;
  const preference = feed.user.reminderPreference;
  const plan = planOf({
    channel: "NONE",
    minuteOfDay: preference?.minuteOfDay ?? defaultReminderMinute,
    quietStart: null,
    quietEnd: null,
    user: feed.user,
  });
  // Any change of time or days is a new SEQUENCE, so calendars replace the event.
  const changed = [
    preference?.updatedAt.getTime() ?? 0,
    ...(feed.user.routine?.items.map((item) => item.updatedAt.getTime()) ?? []),
  ];
  return calendarFeed({
    feedKey: feed.userId,
    timeZone: plan.timeZone,
    minuteOfDay: plan.minuteOfDay,
    routineDays: plan.routineDays,
    since: feed.createdAt,
    appUrl: appOrigin(config()),
    sequence: Math.floor(Math.max(...changed) / 1000) % 2_000_000_000,
  });
}

/**
 * One-click unsubscribe from a reminder e-mail (RFC 8058): the token names one delivery, hence
 * one patient, whose e-mail reminders stop. True when the token was known.
 */
export async function stopReminderEmailsByToken(
  token: string,
  clientAddress: string | null,
): Promise<boolean> {
  if (!isTokenShaped(token)) return false;
  const delivery = await db.reminderDelivery.findUnique({
    where: { unsubscribeTokenHash: tokenHash(token) },
    select: { userId: true },
  });
  if (!delivery) return false;
  await db.$transaction(async (tx) => {
    const changed = await tx.reminderPreference.updateMany({
      where: { userId: delivery.userId, channel: "EMAIL" },
      data: { channel: "NONE" },
    });
    if (changed.count > 0) {
      await recordAudit(
        {
          actorId: delivery.userId,
          actorRole: "PATIENT",
          action: "REMINDER_EMAILS_STOPPED",
          patientId: delivery.userId,
          outcome: "SUCCESS",
          clientAddress,
          detail: "one-click link in a reminder e-mail",
        },
        tx,
      );
    }
  });
  return true;
}
