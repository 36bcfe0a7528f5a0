import "server-only";
import { strToU8, zipSync } from "fflate";
import { listAccessLog } from "@/lib/data/access-log";
import { recordAudit } from "@/lib/data/audit";
import { requireUser } from "@/lib/data/current-user";
import { db } from "@/lib/db";
import { detachedNoteRetentionYears } from "@/lib/erasure/retention";
import { currentClientAddress } from "@/lib/request-context";
import { outcomesCsv, painCsv, sessionsCsv } from "./csv";
import { fhirBundle } from "./fhir";

// "Download my data" (/account/data): one zip of what the app holds about the person asking, built
// from the same export modules as the physiotherapist's CSV and FHIR exports, plus what only the
// person may have (their routine history, their messages, who looked at their data). Clinical notes
// are a physiotherapist's own records: a patient's zip says they exist, by whom, and whom to ask.
// One audit event for the whole download (DATA_DOWNLOADED), which the patient's access log lists.

export type MyDataZip = { filename: string; bytes: Uint8Array; files: string[] };

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const day = (at: Date) => at.toISOString().slice(0, 10);

/** Names a physiotherapist for the patient: their name, or the placeholder's for one who left. */
const byLabel = (authorId: string, me: string, name: string) => (authorId === me ? "you" : name);

async function patientFiles(me: { id: string }, now: Date): Promise<Record<string, string>> {
  const [sessions, pain, outcomes, bundle] = await Promise.all([
    sessionsCsv(me.id, { audited: false }),
    painCsv(me.id, { audited: false }),
    outcomesCsv(me.id, { audited: false }),
    fhirBundle(me.id, { audited: false, now }),
  ]);
  const user = await db.user.findUniqueOrThrow({
    where: { id: me.id },
    select: {
      name: true,
      email: true,
      role: true,
      timezone: true,
      mainPainArea: true,
      weeklyTargetPercent: true,
      guidedLeadInSeconds: true,
      createdAt: true,
      timeZones: { orderBy: { validFrom: "asc" }, select: { timeZone: true, validFrom: true } },
      twoFactor: { select: { enabledAt: true } },
      patientLinks: {
        orderBy: { consentedAt: "asc" },
        select: { status: true, consentedAt: true, revokedAt: true, physio: { select: { name: true } } },
      },
    },
  });
  const versions = await db.routineItemVersion.findMany({
    where: { patientId: me.id },
    orderBy: [{ createdAt: "asc" }, { version: "asc" }],
    select: {
      createdAt: true,
      change: true,
      version: true,
      position: true,
      sets: true,
      reps: true,
      holdSeconds: true,
      perSide: true,
      daysOfWeek: true,
      changedById: true,
      changedByRole: true,
      changedBy: { select: { name: true } },
      routineItemId: true,
      exercise: { select: { slug: true, name: true } },
    },
  });
  const messages = await db.comment.findMany({
    where: { patientId: me.id, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      sessionId: true,
      authorId: true,
      author: { select: { name: true, role: true } },
      body: true,
      createdAt: true,
      editedAt: true,
      revisions: {
        orderBy: { version: "asc" },
        select: { version: true, change: true, body: true, createdAt: true },
      },
    },
  });
  const notes = await db.clinicalNote.groupBy({
    by: ["physioId"],
    where: { patientId: me.id },
    _count: { _all: true },
    _min: { createdAt: true },
    _max: { createdAt: true },
  });
  const authors = await db.user.findMany({
    where: { id: { in: notes.map((note) => note.physioId) } },
    select: { id: true, name: true },
  });
  const accessLog = [];
  for (let page = 1; ; page++) {
    const { items, pages } = await listAccessLog(page);
    accessLog.push(...items);
    if (page >= pages) break;
  }

  const notesText =
    notes.length === 0
      ? "No physiotherapist has written clinical notes about you in this app.\n"
      : [
          "Clinical notes about you that are not in this download",
          "",
          ...notes.map((note) => {
            const author = authors.find((a) => a.id === note.physioId)?.name ?? "A physiotherapist";
            const count = note._count._all;
            return `- ${author}: ${count} note${count === 1 ? "" : "s"}, written from ${day(note._min.createdAt ?? now)} to ${day(note._max.createdAt ?? now)}.`;
          }),
          "",
          "These are your physiotherapist's own records about your care: they decide what goes in them and",
          "they are responsible for them (they are the controller of these notes). To get a copy, ask them or",
          "their clinic directly; you have a right to a copy of health records about you.",
          "",
        ].join("\n");

  return {
    "README.txt": patientReadme(user.name, now),
    "profile.json": json({
      name: user.name,
      email: user.email,
      role: "patient",
      timeZone: user.timezone,
      timeZoneHistory: user.timeZones.map((zone) => ({ timeZone: zone.timeZone, from: zone.validFrom })),
      mainPainArea: user.mainPainArea,
      weeklyTargetPercent: user.weeklyTargetPercent,
      guidedLeadInSeconds: user.guidedLeadInSeconds,
      twoFactorSignIn: Boolean(user.twoFactor?.enabledAt),
      accountCreated: user.createdAt,
      careLinks: user.patientLinks.map((link) => ({
        physiotherapist: link.physio.name,
        status: link.status === "ACTIVE" ? "active" : "ended",
        since: link.consentedAt,
        ended: link.revokedAt,
      })),
    }),
    "sessions.csv": sessions,
    "pain.csv": pain,
    "outcomes.csv": outcomes,
    "fhir-bundle.json": json(bundle),
    "routine-history.json": json(
      versions.map((row) => ({
        at: row.createdAt,
        change: row.change,
        routineItem: row.routineItemId,
        version: row.version,
        exercise: row.exercise.name,
        exerciseId: row.exercise.slug,
        position: row.position + 1,
        sets: row.sets,
        reps: row.reps,
        holdSeconds: row.holdSeconds,
        perSide: row.perSide,
        daysOfWeekMask: row.daysOfWeek,
        by: byLabel(row.changedById, me.id, row.changedBy.name),
        byRole: row.changedByRole === "PHYSIO" ? "physiotherapist" : "patient",
      })),
    ),
    "messages.json": json(
      messages.map((message) => ({
        id: message.id,
        session: message.sessionId,
        from: byLabel(message.authorId, me.id, message.author.name),
        fromRole: message.author.role === "PHYSIO" ? "physiotherapist" : "patient",
        at: message.createdAt,
        edited: message.editedAt,
        text: message.body,
        earlierVersions: message.revisions.map((revision) => ({
          version: revision.version,
          change: revision.change,
          text: revision.body,
          replacedAt: revision.createdAt,
        })),
      })),
    ),
    "access-log.json": json(
      accessLog.map((entry) => ({
        who: entry.who,
        role: entry.role === "PHYSIO" ? "physiotherapist" : entry.role === "PATIENT" ? "you" : null,
        what: entry.what,
        outcome: entry.outcome,
        from: entry.from,
        to: entry.at,
        times: entry.count,
      })),
    ),
    "clinical-notes.txt": notesText,
  };
}

async function physioFiles(me: { id: string }, now: Date): Promise<Record<string, string>> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: me.id },
    select: {
      name: true,
      email: true,
      timezone: true,
      createdAt: true,
      timeZones: { orderBy: { validFrom: "asc" }, select: { timeZone: true, validFrom: true } },
      twoFactor: { select: { enabledAt: true } },
      physioLinks: {
        orderBy: { consentedAt: "asc" },
        select: { status: true, consentedAt: true, revokedAt: true, patient: { select: { name: true } } },
      },
      invitesSent: {
        orderBy: { createdAt: "asc" },
        select: { patientEmail: true, status: true, createdAt: true, expiresAt: true, respondedAt: true },
      },
      clinicalNotesWritten: {
        orderBy: { createdAt: "asc" },
        select: {
          body: true,
          createdAt: true,
          patientLabel: true,
          detachedAt: true,
          patient: { select: { name: true } },
        },
      },
      commentsWritten: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { body: true, createdAt: true, editedAt: true, patient: { select: { name: true } } },
      },
      outcomesAssigned: {
        orderBy: { createdAt: "asc" },
        select: {
          instrument: true,
          firstDueDate: true,
          everyWeeks: true,
          untilDate: true,
          endedAt: true,
          createdAt: true,
          patient: { select: { name: true } },
        },
      },
    },
  });
  const prescriptions = await db.routineItemVersion.findMany({
    where: { changedById: me.id },
    orderBy: [{ createdAt: "asc" }, { version: "asc" }],
    select: {
      patientId: true,
      createdAt: true,
      change: true,
      sets: true,
      reps: true,
      holdSeconds: true,
      perSide: true,
      daysOfWeek: true,
      exercise: { select: { name: true } },
    },
  });
  const patients = await db.user.findMany({
    where: { id: { in: [...new Set(prescriptions.map((row) => row.patientId))] } },
    select: { id: true, name: true },
  });
  const patientName = (id: string) =>
    patients.find((patient) => patient.id === id)?.name ?? "A former patient";
  return {
    "README.txt": physioReadme(user.name, now),
    "profile.json": json({
      name: user.name,
      email: user.email,
      role: "physiotherapist",
      timeZone: user.timezone,
      timeZoneHistory: user.timeZones.map((zone) => ({ timeZone: zone.timeZone, from: zone.validFrom })),
      twoFactorSignIn: Boolean(user.twoFactor?.enabledAt),
      accountCreated: user.createdAt,
    }),
    "care-links.json": json({
      links: user.physioLinks.map((link) => ({
        patient: link.patient.name,
        status: link.status === "ACTIVE" ? "active" : "ended",
        since: link.consentedAt,
        ended: link.revokedAt,
      })),
      invitationsSent: user.invitesSent.map((invite) => ({
        to: invite.patientEmail,
        status: invite.status.toLowerCase(),
        sent: invite.createdAt,
        expires: invite.expiresAt,
        answered: invite.respondedAt,
      })),
    }),
    "clinical-notes.json": json(
      user.clinicalNotesWritten.map((note) => ({
        patient: note.detachedAt ? note.patientLabel : note.patient.name,
        patientClosedTheirAccount: note.detachedAt,
        at: note.createdAt,
        text: note.body,
      })),
    ),
    "messages.json": json(
      user.commentsWritten.map((comment) => ({
        patient: comment.patient.name,
        at: comment.createdAt,
        edited: comment.editedAt,
        text: comment.body,
      })),
    ),
    "prescriptions.json": json(
      prescriptions.map((row) => ({
        patient: patientName(row.patientId),
        at: row.createdAt,
        change: row.change,
        exercise: row.exercise.name,
        sets: row.sets,
        reps: row.reps,
        holdSeconds: row.holdSeconds,
        perSide: row.perSide,
        daysOfWeekMask: row.daysOfWeek,
      })),
    ),
    "questionnaire-requests.json": json(
      user.outcomesAssigned.map((row) => ({
        patient: row.patient.name,
        instrument: row.instrument,
        firstDue: row.firstDueDate,
        everyWeeks: row.everyWeeks,
        until: row.untilDate,
        stopped: row.endedAt,
        asked: row.createdAt,
      })),
    ),
  };
}

function patientReadme(name: string, now: Date): string {
  return `Your data from Hip & Back Coach
================================

This is a copy of what the app held about ${name} on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC.
It holds health information: keep it somewhere safe, and think before you share it.

What each file holds
- profile.json: your name, e-mail address, time zones, settings, and your care links.
- sessions.csv: every session you logged, one row for each exercise and side you did.
- pain.csv: every pain rating (check-ins and the ones before and after sessions).
- outcomes.csv: your questionnaire answers and their scores.
  The three CSV files open in any spreadsheet program. Times are in UTC (ISO 8601), with the
  date as the app showed it to you and the time zone you were in.
- fhir-bundle.json: the same sessions, pain ratings, questionnaires and your routine in FHIR R4,
  the standard format for health records, which another health app or clinic system can read.
- routine-history.json: every change to your routine: what, when, and who made it ("you", or
  your physiotherapist's name; "Former physiotherapist" for one who has closed their account).
- messages.json: the comments and replies on your sessions, from both sides, with earlier versions
  of edited messages.
- access-log.json: who looked at or changed your data, and when (the same list as "Who has seen
  your data" in the app), including downloads like this one.
- clinical-notes.txt: how many clinical notes your physiotherapists wrote about you, and whom to
  ask for them.

Why clinical notes are not included
Clinical notes are your physiotherapist's own professional records about your care. They (or their
clinic) decide what goes in them and are responsible for keeping them: they are the controller of
those notes. You can ask them for a copy directly. Everything you recorded yourself (sessions,
pain, questionnaires, settings, your messages) is yours, and all of it is in this file.

Deleting your account
Under Account > Your data you can delete your account. Everything in this file is then deleted,
except the clinical notes, which stay with the physiotherapist who wrote them for
${detachedNoteRetentionYears} years, under the name you have now.
`;
}

function physioReadme(name: string, now: Date): string {
  return `Your account data from Hip & Back Coach
========================================

This is a copy of what the app held about your account (${name}) on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC,
and of what you wrote in it. It holds health information about your patients: keep it as securely
as your other clinical records.

What each file holds
- profile.json: your name, e-mail address, time zones and sign-in settings.
- care-links.json: the patients who shared their data with you (active and ended links), and the
  invitations you sent.
- clinical-notes.json: every clinical note you wrote, with the patient's name (for a patient who
  closed their account, the name they had then).
- messages.json: the comments and replies you wrote on your patients' sessions.
- prescriptions.json: every routine change you made for a patient.
- questionnaire-requests.json: the questionnaires you asked patients to answer.

Not included: your patients' own records (their sessions, pain ratings and answers). Those are
theirs, and each patient can download them from their own account.

If you delete your account, your clinical notes are deleted with it: keep this file if you need
them for your records.
`;
}

/** The zip for the person asking, and one audit event for it. */
export async function myDataZip(now = new Date()): Promise<MyDataZip> {
  const me = await requireUser();
  const files = me.role === "PATIENT" ? await patientFiles(me, now) : await physioFiles(me, now);
  const mtime = now;
  const bytes = zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }] as const]),
    ) as Parameters<typeof zipSync>[0],
    { level: 6 },
  );
  await recordAudit({
    actorId: me.id,
    actorRole: me.role,
    action: "DATA_DOWNLOADED",
    patientId: me.role === "PATIENT" ? me.id : null,
    outcome: "SUCCESS",
    clientAddress: await currentClientAddress(),
  });
  return { filename: `my-data-${day(now)}.zip`, bytes, files: Object.keys(files) };
}
