import { mkdtempSync, statSync } from "node:fs";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import webpush from "web-push";
import { GET as calendarRoute } from "@/app/calendar/[file]/route";
import { GET as unsubscribePage, POST as unsubscribeRoute } from "@/app/unsubscribe/[token]/route";
import { initialActionState } from "@/lib/actions/action-state";
import {
  addPushDeviceAction,
  renewCalendarFeedAction,
  revokeCalendarFeedAction,
  saveRemindersAction,
  sendTestReminderAction,
} from "@/lib/actions/reminders";
import { createPrismaClient } from "@/lib/db/client";
import { sendMail } from "@/lib/mail/send";
import {
  claimDelivery,
  type ReminderContext,
  runDueReminders,
  sendTestReminder,
} from "@/lib/reminders/delivery";
import { vapidKeys } from "@/lib/reminders/vapid";
import { seedCatalog } from "../../prisma/seed/catalog";
import { auditKey, createUser, signInAs, type TestUser, testDb } from "../support/factories";
import { type MailSink, startMailSink } from "../support/mail-sink";
import { browserKeys, type PushEndpoint, startPushEndpoint } from "../support/push-endpoint";
import { testProvider } from "../support/test-database";

// Reminders end to end below the browser: e-mail through a real SMTP server, Web Push through
// web-push to a local HTTPS push service that decrypts what it gets, claims that keep two workers
// from sending twice, and the calendar feed read back with ical.js.

let mail: MailSink;
let push: PushEndpoint;
let exerciseId = "";
const vapid = webpush.generateVAPIDKeys();
const keys = { ...vapid, subject: "mailto:reminders@example.test" };
// 10 June 2026 is a Wednesday; 17:31 UTC is 18:31 in London, a minute after the reminders below.
const now = new Date("2026-06-10T17:31:00Z");
const date = "2026-06-10";

const context = (db = testDb()): ReminderContext => ({
  db,
  appUrl: "https://exercise.example.test",
  sendMail,
  vapid: keys,
  pushOptions: { agent: new https.Agent({ rejectUnauthorized: false }) },
});

beforeAll(async () => {
  await seedCatalog(testDb());
  exerciseId = (await testDb().exercise.findFirstOrThrow({ select: { id: true } })).id;
  [mail, push] = await Promise.all([startMailSink(), startPushEndpoint()]);
  process.env.SMTP_URL = mail.url;
  process.env.APP_URL = "https://exercise.example.test";
  process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "reminders-data-"));
});

afterAll(async () => {
  await Promise.all([mail.close(), push.close()]);
});

beforeEach(async () => {
  await testDb().reminderPreference.deleteMany();
  mail.messages.length = 0;
  push.received.length = 0;
});

async function patientWithReminder(
  channel: "EMAIL" | "PUSH",
  options: { minuteOfDay?: number; days?: number; timeZone?: string } = {},
): Promise<TestUser> {
  const patient = await createUser("PATIENT");
  await testDb().user.update({
    where: { id: patient.id },
    data: { timezone: options.timeZone ?? "Europe/London" },
  });
  await testDb().routine.create({
    data: {
      patientId: patient.id,
      items: {
        create: {
          exerciseId,
          position: 0,
          sets: 2,
          reps: 10,
          holdSeconds: 0,
          perSide: false,
          daysOfWeek: options.days ?? 0b1111111,
          setById: patient.id,
          setByRole: "PATIENT",
        },
      },
    },
  });
  await testDb().reminderPreference.create({
    data: {
      userId: patient.id,
      channel,
      minuteOfDay: options.minuteOfDay ?? 18 * 60 + 30,
      quietStart: 21 * 60,
      quietEnd: 8 * 60,
    },
  });
  return patient;
}

const mailTo = (patient: TestUser) =>
  mail.messages.filter((message) => message.to && JSON.stringify(message.to).includes(patient.email));
/** A header as sent (mailparser folds List-* headers into an object of its own). */
const headerOf = (message: ParsedMail | undefined, name: string) =>
  message?.headerLines
    .find((line) => line.key === name)
    ?.line.replace(/^[^:]+:\s*/, "")
    .replace(/\r?\n\s+/g, " ")
    .trim();
const deliveryOf = (patient: TestUser, kind = "DAILY") =>
  testDb().reminderDelivery.findUnique({
    where: { userId_localDate_kind: { userId: patient.id, localDate: date, kind } },
  });

describe("e-mail reminders", () => {
  it("go out once at the chosen time, in neutral words, with a one-click unsubscribe", async () => {
    const patient = await patientWithReminder("EMAIL");
    const early = await runDueReminders(context(), new Date("2026-06-10T17:29:00Z"));
    expect(early.sent).toBe(0);
    expect(await runDueReminders(context(), now)).toMatchObject({ sent: 1, skipped: 0, failed: 0 });
    // The next scans find it done.
    expect(await runDueReminders(context(), new Date(now.getTime() + 60_000))).toMatchObject({ sent: 0 });

    const [message] = mailTo(patient);
    expect(mailTo(patient)).toHaveLength(1);
    expect(message?.subject).toBe("Time for your exercises");
    const words = `${message?.subject} ${message?.text} ${message?.html}`.toLowerCase();
    for (const revealing of ["hip", "back", "pain", "rehab", "physio", "injur", "recover"]) {
      expect(words).not.toContain(revealing);
    }
    expect(headerOf(message, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = /^<(https:\/\/exercise\.example\.test\/unsubscribe\/[A-Za-z0-9_-]{43})>$/.exec(
      headerOf(message, "list-unsubscribe") ?? "",
    )?.[1];
    expect(unsubscribeUrl).toBeDefined();
    expect(message?.text).toContain(unsubscribeUrl);
    expect(await deliveryOf(patient)).toMatchObject({ status: "SENT", channel: "EMAIL", attempts: 1 });

    // Opening the link changes nothing (mail scanners open links); the mail program's POST does.
    const token = unsubscribeUrl?.split("/").pop() ?? "";
    const params = { params: Promise.resolve({ token }) };
    const page = await unsubscribePage(new Request(unsubscribeUrl ?? ""), params);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Stop reminder e-mails");
    expect(await testDb().reminderPreference.findUnique({ where: { userId: patient.id } })).toMatchObject({
      channel: "EMAIL",
    });
    const stopped = await unsubscribeRoute(
      new Request(unsubscribeUrl ?? "", { method: "POST", body: "List-Unsubscribe=One-Click" }),
      params,
    );
    expect(stopped.status).toBe(200);
    expect(await stopped.text()).toContain("Reminder e-mails are off");
    expect(await testDb().reminderPreference.findUnique({ where: { userId: patient.id } })).toMatchObject({
      channel: "NONE",
    });
    expect(
      await testDb().auditEvent.count({
        where: { action: "REMINDER_EMAILS_STOPPED", patientKey: await auditKey(patient), outcome: "SUCCESS" },
      }),
    ).toBe(1);
    const unknown = await unsubscribeRoute(new Request("https://x/"), {
      params: Promise.resolve({ token: "A".repeat(43) }),
    });
    expect(unknown.status).toBe(404);
  });

  it("are skipped, and recorded as such, when the day's session is already logged", async () => {
    const patient = await patientWithReminder("EMAIL");
    await testDb().exerciseSession.create({
      data: {
        patientId: patient.id,
        startedAt: new Date("2026-06-10T06:45:00Z"),
        durationSeconds: 900,
        source: "QUICK_LOG",
        clientRequestId: "done-early",
      },
    });
    expect(await runDueReminders(context(), now)).toMatchObject({ sent: 0, skipped: 1 });
    expect(mailTo(patient)).toHaveLength(0);
    expect(await deliveryOf(patient)).toMatchObject({ status: "SKIPPED", outcome: "done" });
  });

  it("keep the local time across a clock change: 08:00 in London is 07:00 UTC in summer, 08:00 in winter", async () => {
    const patient = await patientWithReminder("EMAIL", { minuteOfDay: 8 * 60 });
    const summerDay = "2026-10-24";
    expect((await runDueReminders(context(), new Date(`${summerDay}T06:59:00Z`))).sent).toBe(0);
    expect((await runDueReminders(context(), new Date(`${summerDay}T07:00:30Z`))).sent).toBe(1);
    const winterDay = "2026-10-26";
    expect((await runDueReminders(context(), new Date(`${winterDay}T07:30:00Z`))).sent).toBe(0);
    expect((await runDueReminders(context(), new Date(`${winterDay}T08:00:30Z`))).sent).toBe(1);
    expect(mailTo(patient)).toHaveLength(2);
  });
});

describe("Web Push reminders", () => {
  it("reach every device encrypted for it, carry a topic, and forget a device the push service calls gone", async () => {
    const patient = await patientWithReminder("PUSH");
    const phone = browserKeys();
    const laptop = browserKeys();
    push.answer.set("/gone/", 410);
    await testDb().pushSubscription.createMany({
      data: [
        { userId: patient.id, endpoint: `${push.origin}/send/phone`, p256dh: phone.p256dh, auth: phone.auth },
        {
          userId: patient.id,
          endpoint: `${push.origin}/gone/laptop`,
          p256dh: laptop.p256dh,
          auth: laptop.auth,
        },
      ],
    });
    expect(await runDueReminders(context(), now)).toMatchObject({ sent: 1 });

    const delivered = push.received.find((request) => request.path === "/send/phone");
    expect(delivered).toBeDefined();
    expect(delivered?.headers["content-encoding"]).toBe("aes128gcm");
    expect(JSON.parse(phone.decrypt(Buffer.from(delivered?.payload ?? "", "base64")))).toEqual({
      title: "Time for your exercises",
      body: "Your exercises for today are ready when you are.",
      url: "/today",
    });
    const topic = String(delivered?.headers.topic ?? "");
    expect(topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    // VAPID (RFC 8292): signed with this server's key, named in the header.
    expect(String(delivered?.headers.authorization)).toMatch(
      new RegExp(`^vapid t=[^,]+, k=${vapid.publicKey}$`),
    );
    expect(Number(delivered?.headers.ttl)).toBeGreaterThan(0);

    // The 410 device is deleted; the working one stays and records when it was last used.
    const left = await testDb().pushSubscription.findMany({ where: { userId: patient.id } });
    expect(left.map((device) => device.endpoint)).toEqual([`${push.origin}/send/phone`]);
    expect(left[0]?.lastSentAt?.toISOString()).toBe(now.toISOString());
    expect(await deliveryOf(patient)).toMatchObject({ status: "SENT", channel: "PUSH" });

    // A duplicate of the same day's reminder would carry the same topic, so it replaces the first.
    await testDb().reminderDelivery.updateMany({
      where: { userId: patient.id },
      data: { status: "CLAIMED", leaseUntil: new Date(now.getTime() - 1) },
    });
    await runDueReminders(context(), new Date(now.getTime() + 60_000));
    const again = push.received.filter((request) => request.path === "/send/phone");
    expect(again).toHaveLength(2);
    expect(again[1]?.headers.topic).toBe(topic);
  });

  it("sends a test now, outside the schedule, and says so when no device is set up", async () => {
    const patient = await patientWithReminder("PUSH");
    const recipient = { userId: patient.id, email: patient.email, channel: "PUSH" as const };
    expect(await sendTestReminder(context(), recipient, date, now)).toBe("SKIPPED");
    expect(await deliveryOf(patient, "TEST")).toMatchObject({ status: "SKIPPED", outcome: "no device" });
    const tablet = browserKeys();
    await testDb().pushSubscription.create({
      data: {
        userId: patient.id,
        endpoint: `${push.origin}/send/tablet`,
        p256dh: tablet.p256dh,
        auth: tablet.auth,
      },
    });
    expect(await sendTestReminder(context(), recipient, date, new Date(now.getTime() + 60_000))).toBe("SENT");
    const received = push.received.find((request) => request.path === "/send/tablet");
    expect(JSON.parse(tablet.decrypt(Buffer.from(received?.payload ?? "", "base64")))).toMatchObject({
      title: "Time for your exercises (test)",
      url: "/today",
    });
  });
});

/**
 * The second worker: on PostgreSQL another client, as another instance would have. The embedded
 * mode is one process with one client (scripts/server.ts shares it with the scheduler), so there the
 * two workers share the client and race through its connection.
 */
const secondWorkerDb = () =>
  testProvider() === "postgresql" ? createPrismaClient(process.env.DATABASE_URL) : testDb();

describe("at most once", () => {
  it("two workers scanning at the same moment send each patient's reminder exactly once", async () => {
    const patients = await Promise.all(Array.from({ length: 8 }, () => patientWithReminder("EMAIL")));
    const second = secondWorkerDb();
    try {
      const results = await Promise.all([
        runDueReminders(context(), now),
        runDueReminders(context(second), now),
      ]);
      expect(results[0].sent + results[1].sent).toBe(8);
      for (const patient of patients) {
        expect(mailTo(patient), `mail to patient ${patient.id}`).toHaveLength(1);
        expect(await deliveryOf(patient)).toMatchObject({ status: "SENT", attempts: 1 });
      }
    } finally {
      if (second !== testDb()) await second.$disconnect();
    }
  });

  it("a lapsed lease is claimed again by one worker; a live one is left alone", async () => {
    const [lapsed, live] = await Promise.all([patientWithReminder("EMAIL"), patientWithReminder("EMAIL")]);
    const claimedAt = new Date(now.getTime() - 3 * 60_000);
    expect(
      await claimDelivery(
        testDb(),
        { userId: lapsed.id, localDate: date, kind: "DAILY", channel: "EMAIL" },
        claimedAt,
      ),
    ).not.toBeNull();
    expect(
      await claimDelivery(
        testDb(),
        { userId: live.id, localDate: date, kind: "DAILY", channel: "EMAIL" },
        now,
      ),
    ).not.toBeNull();
    // The same key cannot be claimed twice while the lease holds.
    expect(
      await claimDelivery(
        testDb(),
        { userId: live.id, localDate: date, kind: "DAILY", channel: "EMAIL" },
        now,
      ),
    ).toBeNull();

    const second = secondWorkerDb();
    try {
      const results = await Promise.all([
        runDueReminders(context(), now),
        runDueReminders(context(second), now),
      ]);
      expect(results[0].sent + results[1].sent).toBe(1);
    } finally {
      if (second !== testDb()) await second.$disconnect();
    }
    expect(mailTo(lapsed)).toHaveLength(1);
    expect(await deliveryOf(lapsed)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(mailTo(live)).toHaveLength(0);
    expect(await deliveryOf(live)).toMatchObject({ status: "CLAIMED" });
  });
});

describe("through the app's actions", () => {
  it("saves the choice, refuses a time in quiet hours per field, and sends a test e-mail", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const bad = await saveRemindersAction(initialActionState, {
      channel: "EMAIL",
      time: "22:00",
      quietHours: "on",
      quietStart: "21:00",
      quietEnd: "08:00",
    });
    expect(bad.ok).toBe(false);
    expect(bad.errors?.time?.[0]).toContain("inside your quiet hours");
    expect(await testDb().reminderPreference.findUnique({ where: { userId: patient.id } })).toBeNull();

    const saved = await saveRemindersAction(initialActionState, {
      channel: "EMAIL",
      time: "07:15",
      quietStart: "21:00",
      quietEnd: "08:00",
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await testDb().reminderPreference.findUnique({ where: { userId: patient.id } })).toMatchObject({
      channel: "EMAIL",
      minuteOfDay: 435,
      quietStart: null,
      quietEnd: null,
    });
    expect(
      await testDb().auditEvent.count({
        where: { action: "REMINDERS_SAVED", actorKey: await auditKey(patient), outcome: "SUCCESS" },
      }),
    ).toBe(1);

    const test = await sendTestReminderAction(initialActionState, {});
    expect(test).toMatchObject({ ok: true });
    expect(mailTo(patient).map((message) => message.subject)).toEqual(["Time for your exercises (test)"]);
    expect(headerOf(mailTo(patient)[0], "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const again = await sendTestReminderAction(initialActionState, {});
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("a moment ago") });
    signInAs(null);
  });

  it("keeps a browser's subscription only when it is well formed", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const device = browserKeys();
    const refused = await addPushDeviceAction(initialActionState, {
      endpoint: "http://push.example.test/insecure",
      p256dh: device.p256dh,
      auth: device.auth,
    });
    expect(refused.errors?.endpoint).toEqual(["The browser's push address is not a secure web address."]);
    expect(
      await addPushDeviceAction(initialActionState, {
        endpoint: "https://push.example.test/send/abc",
        p256dh: device.p256dh,
        auth: device.auth,
      }),
    ).toMatchObject({ ok: true });
    expect(await testDb().pushSubscription.count({ where: { userId: patient.id } })).toBe(1);
    signInAs(null);
  });
});

describe("the calendar feed", () => {
  async function fetchFeed(token: string) {
    return calendarRoute(new Request(`https://exercise.example.test/calendar/${token}.ics`), {
      params: Promise.resolve({ file: `${token}.ics` }),
    });
  }

  it("is an RFC 5545 calendar that keeps 08:00 local across a clock change, and a revoked address is not found", async () => {
    const patient = await patientWithReminder("EMAIL", { minuteOfDay: 8 * 60, days: 0b0010101 });
    signInAs(patient);
    const made = await renewCalendarFeedAction(initialActionState, {});
    const token = made.result?.token ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    expect(JSON.stringify(await testDb().calendarFeed.findMany())).not.toContain(token);

    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR");
    expect(text).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T080000/);
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    for (const revealing of ["hip", "back", "pain", "clamshell", "bridge", patient.name.toLowerCase()]) {
      expect(text.toLowerCase()).not.toContain(revealing);
    }

    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = calendar.getFirstSubcomponent("vtimezone");
    expect(zone?.getFirstPropertyValue("tzid")).toBe("Europe/London");
    if (zone) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.summary).toBe("Exercise time");
    const iterator = event.iterator();
    const occurrences: Date[] = [];
    // Through the next spring change (London: the last Sunday of March) and beyond.
    for (let next = iterator.next(); next && occurrences.length < 120; next = iterator.next()) {
      occurrences.push(next.toJSDate());
    }
    const local = (d: Date) =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/London",
        hour: "2-digit",
        minute: "2-digit",
        weekday: "short",
      }).format(d);
    expect(new Set(occurrences.map((d) => local(d).slice(-5)))).toEqual(new Set(["08:00"]));
    expect(new Set(occurrences.map((d) => local(d).slice(0, 3)))).toEqual(new Set(["Mon", "Wed", "Fri"]));
    // Both sides of a clock change: 08:00 UTC in winter, 07:00 UTC in summer.
    const utcHours = new Set(occurrences.map((d) => d.getUTCHours()));
    expect(utcHours).toEqual(new Set([7, 8]));

    // Renewing makes the old address stop working; revoking stops the new one too.
    const renewed = await renewCalendarFeedAction(initialActionState, {});
    expect((await fetchFeed(token)).status).toBe(404);
    const second = renewed.result?.token ?? "";
    expect((await fetchFeed(second)).status).toBe(200);
    expect(await revokeCalendarFeedAction(initialActionState, {})).toMatchObject({ ok: true });
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await fetchFeed("not-a-token")).status).toBe(404);
    signInAs(null);
  });
});

describe("VAPID keys", () => {
  it("are created once in the embedded mode, readable by the owner only", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "vapid-"));
    const first = vapidKeys({ vapid: undefined, databaseProvider: "sqlite", dataDir });
    const again = vapidKeys({ vapid: undefined, databaseProvider: "sqlite", dataDir });
    expect(again).toEqual(first);
    expect(statSync(path.join(dataDir, "vapid.json")).mode & 0o777).toBe(0o600);
    expect(vapidKeys({ vapid: undefined, databaseProvider: "postgresql", dataDir })).toBeUndefined();
    expect(vapidKeys({ vapid: keys, databaseProvider: "postgresql", dataDir })).toEqual(keys);
  });
});
