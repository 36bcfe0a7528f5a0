import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as downloadMyData } from "@/app/account/data/download/route";
import { GET as getCaseloadRoute } from "@/app/api/caseload/route";
import { GET as getFhirExportRoute } from "@/app/api/patients/[patientId]/export/fhir/route";
import { GET as getOutcomesCsvRoute } from "@/app/api/patients/[patientId]/export/outcomes.csv/route";
import { GET as getPainCsvRoute } from "@/app/api/patients/[patientId]/export/pain.csv/route";
import { GET as getSessionsCsvRoute } from "@/app/api/patients/[patientId]/export/sessions.csv/route";
import { GET as getProgressRoute } from "@/app/api/patients/[patientId]/progress/route";
import { POST as postCheckInRoute } from "@/app/api/v1/check-ins/route";
import { POST as postSessionRoute } from "@/app/api/v1/sessions/route";
import type { ActionState } from "@/lib/actions/action-state";
import { changeEmailAction, resetPasswordAction, sendVerificationAction } from "@/lib/actions/auth";
import {
  addClinicalNoteAction,
  addSessionCommentAction,
  addSessionReplyAction,
  createInviteAction,
  deleteSessionMessageAction,
  editSessionMessageAction,
  endLinkAsPhysioAction,
} from "@/lib/actions/care";
import { deleteAccountAction } from "@/lib/actions/erasure";
import {
  checkInAction,
  editSessionAction,
  logSessionAction,
  setGuidedLeadInAction,
  setMainPainAreaAction,
} from "@/lib/actions/logs";
import {
  assignOutcomeAction,
  saveOutcomeDraftAction,
  stopOutcomeAssignmentAction,
  submitOutcomeAction,
} from "@/lib/actions/outcomes";
import { setWeeklyTargetAction } from "@/lib/actions/progress";
import {
  addPushDeviceAction,
  removePushDeviceAction,
  renewCalendarFeedAction,
  revokeCalendarFeedAction,
  saveRemindersAction,
} from "@/lib/actions/reminders";
import {
  addRoutineItemAction,
  moveRoutineItemAction,
  stopRoutineItemAction,
  updateRoutineItemAction,
} from "@/lib/actions/routine";
import { saveSettingsAction } from "@/lib/actions/settings";
import { listAccessLog } from "@/lib/data/access-log";
import {
  endCareLinkAsPatient,
  endCareLinkAsPhysio,
  getActiveCareLink,
  getEndedCareLink,
  getLinkedPatient,
  listCareTeam,
  listEndedCareLinks,
} from "@/lib/data/care-links";
import { getCaseload, getPatientSummary } from "@/lib/data/caseload";
import {
  addClinicalNote,
  listClinicalNotes,
  listRecentComments,
  listSessionComments,
} from "@/lib/data/clinical-notes";
import { requirePatientAccess } from "@/lib/data/current-user";
import { listDetachedNotes } from "@/lib/data/detached-notes";
import {
  confirmEmailLink,
  myEmailStatus,
  requestEmailChange,
  sendVerificationEmail,
} from "@/lib/data/email-address";
import { getGuidedLeadInSeconds } from "@/lib/data/guided-session";
import { answerInvite, cancelInvite, createInvite, listSentInvites } from "@/lib/data/invitations";
import { takeCareTeamNotices } from "@/lib/data/notices";
import {
  getOutcomeForm,
  getOutcomeResults,
  listDueOutcomes,
  listOutcomeAssignments,
} from "@/lib/data/outcomes";
import {
  getMainPainArea,
  getPainAdvice,
  getPainEntry,
  getPainStatus,
  listPainEntries,
  listPainEntryRevisions,
  setMainPainArea,
} from "@/lib/data/pain";
import { getPatientHome } from "@/lib/data/patient-home";
import { getPrintableRoutine, getProgressReport } from "@/lib/data/printouts";
import { getProgress } from "@/lib/data/progress";
import { getReminderSettings } from "@/lib/data/reminders";
import { getRoutine, getRoutineHistory } from "@/lib/data/routine";
import { countUnreadForPatient, listUnreadRepliesForPhysio } from "@/lib/data/session-threads";
import { getSession, listSessionRevisions, listSessions } from "@/lib/data/sessions";
import { getSettings, saveSettings } from "@/lib/data/settings";
import { localDate } from "@/lib/domain/calendar";
import { seedCatalog } from "../../prisma/seed/catalog";
import {
  createUser,
  linkCare,
  navigationOutcome,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";
import { routineItemInput, sessionInput } from "../support/inputs";
import { actAs as testActAs, testSession } from "../support/test-session";

// Who may touch patient A's data (DESIGN.md section 6), as a matrix in the spirit of medplum's
// access-policy tests: every data function, server action and route handler that reads or writes
// A's data, asked by every kind of caller. Someone else's data answers "not found", never
// "forbidden"; nobody signed in is sent to sign-in; a refused write leaves every table as it was.

const actors = [
  "anonymous",
  "patientA",
  "patientB",
  "physioLinkedToA",
  "physioNeverLinked",
  "physioRevokedByA",
  // physioLinkedToA's password, without the second factor: a new kind of caller that gets nothing.
  "halfSignedInPhysio",
] as const;
type Actor = (typeof actors)[number];
type Person = Exclude<Actor, "anonymous" | "halfSignedInPhysio">;

/**
 * - "sign-in": redirected to /sign-in (data functions, actions) or 401 (route handlers)
 * - "ok": answered with A's data, or the write landed
 * - "not-found": notFound() (data functions, actions of the other role) or 404 (route handlers)
 * - "refused": the action answered `ok: false` with "... not found" and wrote nothing
 * - "omits A": answered, without patient A in it
 * - "two-factor": redirected to /two-factor (data functions, actions) or 401 (route handlers)
 */
type Outcome = "sign-in" | "ok" | "not-found" | "refused" | "omits A" | "two-factor";

const initial: ActionState = { ok: false };
let people: Record<Person, TestUser>;
let exerciseIds: Record<string, string>;
const a = { sessionId: "", painEntryId: "", severeEntryId: "", routineItemId: "", noteId: "", commentId: "" };
const revokedAt = new Date("2026-01-05T10:00:00Z");
/** What the ended link leaves: the revoked physiotherapist's own note, and A's link with the linked one. */
const ended = { noteId: "", activeLinkId: "" };

function actAs(actor: Actor) {
  if (actor === "halfSignedInPhysio") {
    // A session of their own that has not passed the second factor (the default one has).
    const physio = people.physioLinkedToA;
    testActAs({ ...physio, sessionId: `half-signed-in-${physio.id}` });
    return;
  }
  signInAs(actor === "anonymous" ? null : people[actor]);
}

beforeAll(async () => {
  await seedCatalog(testDb());
  exerciseIds = Object.fromEntries(
    (await testDb().exercise.findMany({ select: { id: true, slug: true } })).map((e) => [e.slug, e.id]),
  );
  const [patientA, patientB, physioLinkedToA, physioNeverLinked, physioRevokedByA] = await Promise.all([
    createUser("PATIENT"),
    createUser("PATIENT"),
    createUser("PHYSIO"),
    createUser("PHYSIO"),
    createUser("PHYSIO"),
  ]);
  people = { patientA, patientB, physioLinkedToA, physioNeverLinked, physioRevokedByA };
  await linkCare(physioLinkedToA.id, patientA.id, "ACTIVE");
  await linkCare(physioRevokedByA.id, patientA.id, "REVOKED");

  // Patient A's data, written the way the app writes it.
  signInAs(patientA);
  expect(await addRoutineItemAction(initial, routineInput("clamshell"))).toMatchObject({ ok: true });
  const session = sessionInput(exerciseIds.clamshell ?? "");
  expect(await logSessionAction(initial, session)).toMatchObject({ ok: true });
  const saved = await testDb().exerciseSession.findFirstOrThrow({
    where: { patientId: patientA.id, clientRequestId: session.clientRequestId },
  });
  a.sessionId = saved.id;
  expect(
    await editSessionAction(initial, {
      ...sessionInput(exerciseIds.clamshell ?? ""),
      id: a.sessionId,
      durationMinutes: "25",
    }),
  ).toMatchObject({ ok: true });
  expect(await checkInAction(initial, { clientRequestId: randomUUID(), LOWER_BACK: "4" })).toMatchObject({
    ok: true,
  });
  a.painEntryId = (await testDb().painEntry.findFirstOrThrow({ where: { patientId: patientA.id } })).id;
  const severe = { clientRequestId: randomUUID(), LEFT_HIP: "8" };
  expect(await checkInAction(initial, severe)).toMatchObject({ ok: true });
  a.severeEntryId = (
    await testDb().painEntry.findFirstOrThrow({
      where: { patientId: patientA.id, clientRequestId: { startsWith: severe.clientRequestId } },
    })
  ).id;
  a.routineItemId = (
    await testDb().routineItem.findFirstOrThrow({ where: { routine: { patientId: patientA.id } } })
  ).id;
  // A's own PSFS, started without an assignment.
  expect(
    await submitOutcomeAction(initial, {
      instrument: "PSFS",
      answers: { choices: {}, activities: [{ name: "Climbing stairs", rating: 3 }] },
      clientRequestId: randomUUID(),
    }),
  ).toMatchObject({ ok: true });

  signInAs(physioLinkedToA);
  expect(
    await addClinicalNoteAction(initial, {
      patientId: patientA.id,
      clientRequestId: randomUUID(),
      body: "Hip flexors tight on the left.",
    }),
  ).toMatchObject({ ok: true });
  expect(
    await addSessionCommentAction(initial, {
      patientId: patientA.id,
      sessionId: a.sessionId,
      clientRequestId: randomUUID(),
      body: "Good work.",
    }),
  ).toMatchObject({ ok: true });
  const zoneOfA = (await testDb().user.findUniqueOrThrow({ where: { id: patientA.id } })).timezone;
  expect(
    await assignOutcomeAction(initial, {
      patientId: patientA.id,
      instrument: "PSFS",
      firstDueDate: localDate(new Date(), zoneOfA),
      everyWeeks: "4",
      clientRequestId: randomUUID(),
    }),
  ).toMatchObject({ ok: true });
  // Due since three days ago, so it stays due whatever zone a settings write below moves A to.
  await testDb().outcomeAssignment.updateMany({
    where: { patientId: patientA.id },
    data: { firstDueDate: localDate(Date.now() - 3 * 86_400_000, zoneOfA) },
  });
  a.noteId = (await testDb().clinicalNote.findFirstOrThrow({ where: { patientId: patientA.id } })).id;
  a.commentId = (await testDb().comment.findFirstOrThrow({ where: { patientId: patientA.id } })).id;
  ended.noteId = (
    await testDb().clinicalNote.create({
      data: {
        physioId: physioRevokedByA.id,
        patientId: patientA.id,
        body: "Written before A ended the link.",
        clientRequestId: randomUUID(),
        createdAt: new Date(revokedAt.getTime() - 86_400_000),
      },
    })
  ).id;
  ended.activeLinkId = (
    await testDb().careLink.findFirstOrThrow({
      where: { physioId: physioLinkedToA.id, patientId: patientA.id },
    })
  ).id;
  signInAs(null);
});

// The links as the matrix assumes them, whatever an earlier test (ending a link, say) did.
beforeEach(async () => {
  await testDb().careLink.updateMany({
    where: { physioId: people.physioLinkedToA.id, patientId: people.patientA.id },
    data: { status: "ACTIVE", revokedAt: null, revokedById: null },
  });
  await testDb().careLink.updateMany({
    where: { physioId: people.physioRevokedByA.id, patientId: people.patientA.id },
    data: { status: "REVOKED", revokedAt, revokedById: people.patientA.id },
  });
});

const routineInput = (slug: string, overrides: Record<string, unknown> = {}) =>
  routineItemInput(exerciseIds[slug], overrides);

// How each kind of entry point answered, in the matrix's words.

async function readOutcome<T>(read: () => Promise<T>, hasA: (result: T) => boolean): Promise<Outcome> {
  let result: T | undefined;
  const outcome = await navigationOutcome(async () => {
    result = await read();
  });
  if (outcome === "redirect:/sign-in") return "sign-in";
  if (outcome === "redirect:/two-factor") return "two-factor";
  if (outcome !== "ok") return outcome as Outcome;
  return hasA(result as T) ? "ok" : "omits A";
}

async function actionOutcome(act: () => Promise<ActionState>, redirectOnSuccess?: string): Promise<Outcome> {
  let state: ActionState | undefined;
  const outcome = await navigationOutcome(async () => {
    state = await act();
  });
  if (outcome === "redirect:/sign-in") return "sign-in";
  if (outcome === "redirect:/two-factor") return "two-factor";
  if (redirectOnSuccess && outcome === `redirect:${redirectOnSuccess}`) return "ok";
  if (outcome !== "ok") return outcome as Outcome;
  if (state?.ok) return "ok";
  // Anything but "not found" (a rule, bad input) would be a different test's business: show it.
  return /not found/.test(state?.message ?? "") ? "refused" : (`refused: ${state?.message}` as Outcome);
}

async function routeOutcome(response: Response, hasA: (body: unknown) => boolean): Promise<Outcome> {
  expect(response.headers.get("cache-control")).toBe("no-store");
  if (response.status === 401)
    return testSession.current?.user.sessionId?.startsWith("half-signed-in-") ? "two-factor" : "sign-in";
  if (response.status === 404) return "not-found";
  if (response.status !== 200) return `status ${response.status}` as Outcome;
  return hasA(await response.json()) ? "ok" : "omits A";
}

/** A download route: "ok" when it is an attachment holding A's data. */
async function fileOutcome(response: Response, hasA: (text: string) => boolean): Promise<Outcome> {
  if (response.status !== 200) return routeOutcome(response, () => false);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
  return hasA(await response.text()) ? "ok" : "omits A";
}

type ExportRoute = (
  request: Request,
  context: { params: Promise<{ patientId: string }> },
) => Promise<Response>;

function exportOf(route: ExportRoute, path: string): Promise<Response> {
  return route(new Request(`http://localhost/api/patients/${A()}/export/${path}`), {
    params: Promise.resolve({ patientId: A() }),
  });
}

/** Everything a write to A's data could change: compared before and after a refused write. */
async function patientAState() {
  const db = testDb();
  const patientId = people.patientA.id;
  const [items, versions, notes, comments, links, target, zones, assignments, responses, drafts, reminders] =
    await Promise.all([
      db.routineItem.findMany({
        where: { routine: { patientId } },
        orderBy: { id: "asc" },
        select: { id: true, version: true, position: true, sets: true, stoppedAt: true, setById: true },
      }),
      db.routineItemVersion.count({ where: { patientId } }),
      db.clinicalNote.count({ where: { patientId } }),
      db.comment.findMany({
        where: { patientId },
        orderBy: { id: "asc" },
        select: { id: true, body: true, version: true, deletedAt: true },
      }),
      db.careLink.findMany({
        where: { patientId },
        orderBy: { physioId: "asc" },
        select: { physioId: true, status: true, revokedAt: true, revokedById: true },
      }),
      db.user.findUniqueOrThrow({
        where: { id: patientId },
        select: { weeklyTargetPercent: true, mainPainArea: true, name: true, timezone: true },
      }),
      db.userTimeZone.findMany({
        where: { userId: patientId },
        orderBy: { validFrom: "asc" },
        select: { timeZone: true, validFrom: true },
      }),
      db.outcomeAssignment.findMany({
        where: { patientId },
        orderBy: { id: "asc" },
        select: { id: true, endedAt: true },
      }),
      db.outcomeResponse.count({ where: { patientId } }),
      db.outcomeDraft.findMany({ where: { patientId }, select: { instrument: true, answers: true } }),
      Promise.all([
        db.reminderPreference.findUnique({ where: { userId: patientId } }),
        db.pushSubscription.findMany({ where: { userId: patientId }, orderBy: { endpoint: "asc" } }),
        db.calendarFeed.findUnique({ where: { userId: patientId } }),
      ]),
    ]);
  return {
    items,
    versions,
    notes,
    comments,
    links,
    target,
    zones,
    assignments,
    responses,
    drafts,
    reminders,
  };
}

/** A fresh, unread message in the thread on A's session, written by `authorId`. */
async function messageInThreadOfA(authorId: string) {
  return testDb().comment.create({
    data: {
      authorId,
      patientId: people.patientA.id,
      sessionId: a.sessionId,
      body: "A message in the thread.",
      clientRequestId: randomUUID(),
    },
  });
}

/** A routine item of A's, set by A, for a write to act on without disturbing the others. */
async function freshItemOfA(slug = "glute-bridge") {
  const patientId = people.patientA.id;
  const routine = await testDb().routine.upsert({ where: { patientId }, create: { patientId }, update: {} });
  const last = await testDb().routineItem.aggregate({
    where: { routineId: routine.id, stoppedAt: null },
    _max: { position: true },
  });
  return testDb().routineItem.create({
    data: {
      routineId: routine.id,
      exerciseId: exerciseIds[slug] ?? "",
      position: (last._max.position ?? -1) + 1,
      sets: 2,
      reps: 5,
      holdSeconds: 10,
      perSide: false,
      daysOfWeek: 0b1,
      setById: patientId,
      setByRole: "PATIENT",
    },
  });
}

/** A replay from the offline queue, as this site's own page sends it, by whoever is signed in. */
function replayRequest(path: string, input: Record<string, unknown>): NextRequest {
  return new NextRequest(`http://localhost${path}`, {
    method: "POST",
    headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
    body: JSON.stringify({ ownerId: testSession.current?.user.id, ...input }),
  });
}
const sessionOfA = (clientRequestId: string) =>
  testDb().exerciseSession.findFirst({ where: { patientId: people.patientA.id, clientRequestId } });
const checkInsOfA = (clientRequestId: string) =>
  testDb().painEntry.count({
    where: { patientId: people.patientA.id, clientRequestId: { startsWith: clientRequestId } },
  });

type Row = { name: string; expected: Record<Actor, Outcome>; run: (actor: Actor) => Promise<Outcome> };

/**
 * A write: arrange what it acts on, run it as the actor, then either check that it landed (for
 * "ok") or that nothing of A's changed at all.
 */
function write<C>(
  name: string,
  expected: Record<Actor, Outcome>,
  spec: {
    arrange: () => Promise<C>;
    act: (context: C) => Promise<Outcome>;
    landed: (context: C, actor: TestUser) => Promise<void>;
  },
): Row {
  return {
    name,
    expected,
    run: async (actor) => {
      const context = await spec.arrange();
      const before = await patientAState();
      const outcome = await spec.act(context);
      if (outcome === "ok") await spec.landed(context, people[actor as Person]);
      else expect(await patientAState()).toEqual(before);
      return outcome;
    },
  };
}

const reads: Record<Actor, Outcome> = {
  anonymous: "sign-in",
  halfSignedInPhysio: "two-factor",
  patientA: "ok",
  patientB: "not-found",
  physioLinkedToA: "ok",
  physioNeverLinked: "not-found",
  physioRevokedByA: "not-found",
};
const physioReads: Record<Actor, Outcome> = { ...reads, patientA: "not-found" };
const caseload: Record<Actor, Outcome> = {
  anonymous: "sign-in",
  halfSignedInPhysio: "two-factor",
  patientA: "not-found",
  patientB: "not-found",
  physioLinkedToA: "ok",
  physioNeverLinked: "omits A",
  physioRevokedByA: "omits A",
};
const routineWrites: Record<Actor, Outcome> = {
  anonymous: "sign-in",
  halfSignedInPhysio: "two-factor",
  patientA: "ok",
  patientB: "refused",
  physioLinkedToA: "ok",
  physioNeverLinked: "refused",
  physioRevokedByA: "refused",
};
const physioWrites: Record<Actor, Outcome> = {
  anonymous: "sign-in",
  halfSignedInPhysio: "two-factor",
  patientA: "not-found",
  patientB: "not-found",
  physioLinkedToA: "ok",
  physioNeverLinked: "refused",
  physioRevokedByA: "refused",
};

const patientOnly: Record<Actor, Outcome> = {
  anonymous: "sign-in",
  halfSignedInPhysio: "two-factor",
  patientA: "ok",
  patientB: "omits A",
  physioLinkedToA: "not-found",
  physioNeverLinked: "not-found",
  physioRevokedByA: "not-found",
};

/** What only concerns the patient asking: A's own; B's call answers B's, physiotherapists have none. */
const selfOnly: Record<Actor, Outcome> = {
  anonymous: "sign-in",
  halfSignedInPhysio: "two-factor",
  patientA: "ok",
  patientB: "omits A",
  physioLinkedToA: "not-found",
  physioNeverLinked: "not-found",
  physioRevokedByA: "not-found",
};

/** Each caller's own settings: A's call changes A's; anyone else's changes their own, never A's. */
const ownSettings: Record<Actor, Outcome> = {
  anonymous: "sign-in",
  patientA: "ok",
  patientB: "omits A",
  physioLinkedToA: "omits A",
  physioNeverLinked: "omits A",
  physioRevokedByA: "omits A",
  halfSignedInPhysio: "two-factor",
};

const A = () => people.patientA.id;
/** Settings unlike A's current ones, so that a landed write is seen; the claimed patientId is ignored. */
async function settingsUnlikeA() {
  const { timezone } = await testDb().user.findUniqueOrThrow({
    where: { id: A() },
    select: { timezone: true },
  });
  return {
    patientId: A(),
    name: `Renamed ${randomUUID().slice(0, 8)}`,
    timeZone: timezone === "Asia/Tokyo" ? "America/Chicago" : "Asia/Tokyo",
    mainPainArea: (await mainPainAreaOfA()) === "RIGHT_HIP" ? "LOWER_BACK" : "RIGHT_HIP",
  };
}
async function settingsLanded(input: { name: string; timeZone: string; mainPainArea: string }) {
  const user = await testDb().user.findUniqueOrThrow({
    where: { id: A() },
    select: {
      name: true,
      timezone: true,
      mainPainArea: true,
      timeZones: { orderBy: { validFrom: "desc" }, take: 1 },
    },
  });
  expect(user).toMatchObject({
    name: input.name,
    timezone: input.timeZone,
    mainPainArea: input.mainPainArea,
  });
  expect(user.timeZones[0]?.timeZone).toBe(input.timeZone);
}
async function nameOfA() {
  return (await testDb().user.findUniqueOrThrow({ where: { id: A() }, select: { name: true } })).name;
}
const mainPainAreaOfA = async () =>
  (await testDb().user.findUniqueOrThrow({ where: { id: A() }, select: { mainPainArea: true } }))
    .mainPainArea;

const reminderMinuteOfA = async () =>
  (await testDb().reminderPreference.findUnique({ where: { userId: A() } }))?.minuteOfDay ?? null;
const pushEndpointsOfA = async () =>
  (await testDb().pushSubscription.findMany({ where: { userId: A() } })).map((device) => device.endpoint);
const calendarFeedOfA = async () =>
  (await testDb().calendarFeed.findUnique({ where: { userId: A() } }))?.tokenHash ?? null;
/** A browser's keys as PushSubscription.toJSON() gives them (shape only: nothing is sent). */
const pushKeys = {
  p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
  auth: "tBHItJI5svbpez7KI4CCXg",
};

const leadInOfA = async () =>
  (await testDb().user.findUniqueOrThrow({ where: { id: A() }, select: { guidedLeadInSeconds: true } }))
    .guidedLeadInSeconds;

const rows: Row[] = [
  // Reads
  {
    name: "getProgress(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getProgress(A(), "3m"),
        (r) => r.beforeAfter.points.length > 0,
      ),
  },
  {
    name: "getPrintableRoutine(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getPrintableRoutine(A()),
        (r) => r.items.some((item) => item.id === a.routineItemId),
      ),
  },
  {
    name: "getProgressReport(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getProgressReport(A(), {}),
        (r) => r.ok && r.report.progress.beforeAfter.points.length > 0 && r.report.notes === null,
      ),
  },
  {
    // Notes only for the linked physiotherapist who asks; the patient's report answers without them.
    name: "getProgressReport(A, with notes)",
    expected: reads,
    run: async (actor) =>
      readOutcome(
        () => getProgressReport(A(), { notes: true }),
        (r) =>
          r.ok &&
          (actor === "patientA"
            ? r.report.notes === null
            : r.report.notes?.some((note) => note.id === a.noteId) === true),
      ),
  },
  {
    // A bad period is a message, and still only for those who may see A's data.
    name: "getProgressReport(A, bad period)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getProgressReport(A(), { from: "2026-02-30" }),
        (r) => !r.ok && r.errors.from !== undefined,
      ),
  },
  {
    name: "getRoutine(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getRoutine(A()),
        (r) => r.some((item) => item.id === a.routineItemId),
      ),
  },
  {
    name: "getRoutineHistory(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getRoutineHistory(A()),
        (r) => r.some((c) => c.change === "CREATED"),
      ),
  },
  {
    name: "listSessions(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => listSessions(A(), 1),
        (r) => r.items.some((s) => s.id === a.sessionId),
      ),
  },
  {
    name: "getSession(A, A's session)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getSession(A(), a.sessionId),
        (r) => r.id === a.sessionId,
      ),
  },
  {
    name: "listSessionRevisions(A, A's session)",
    expected: reads,
    run: () =>
      readOutcome(
        () => listSessionRevisions(A(), a.sessionId),
        (r) => r[0]?.change === "EDITED",
      ),
  },
  {
    // What the patient deleted is theirs alone: for anyone else it is gone.
    name: "listSessions(A, deleted only)",
    expected: { ...reads, physioLinkedToA: "omits A" },
    run: async () => {
      const deleted = await testDb().exerciseSession.upsert({
        where: { patientId_clientRequestId: { patientId: A(), clientRequestId: "access-deleted-session" } },
        update: {},
        create: {
          patientId: A(),
          startedAt: new Date("2026-11-01T08:00:00Z"),
          durationSeconds: 600,
          source: "QUICK_LOG",
          clientRequestId: "access-deleted-session",
          deletedAt: new Date("2026-11-01T09:00:00Z"),
        },
      });
      return readOutcome(
        () => listSessions(A(), 1, { deleted: true }),
        (r) => r.items.some((s) => s.id === deleted.id),
      );
    },
  },
  {
    name: "listPainEntryRevisions(A, A's pain entry)",
    expected: reads,
    run: async () => {
      await testDb().painEntryRevision.upsert({
        where: { patientId_clientRequestId: { patientId: A(), clientRequestId: "access-pain-revision" } },
        update: {},
        create: {
          painEntryId: a.painEntryId,
          patientId: A(),
          version: 0,
          change: "EDITED",
          snapshot: JSON.stringify({ id: a.painEntryId, rating: 5 }),
          changedById: A(),
          clientRequestId: "access-pain-revision",
        },
      });
      return readOutcome(
        () => listPainEntryRevisions(A(), a.painEntryId),
        (r) => r[0]?.change === "EDITED",
      );
    },
  },
  {
    name: "listPainEntries(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => listPainEntries(A(), 1),
        (r) => r.items.some((p) => p.id === a.painEntryId),
      ),
  },
  {
    name: "getPainStatus(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getPainStatus(A()),
        (r) => r.length > 0,
      ),
  },
  {
    // Judges the caller's own ratings only: A's entry ids asked by anyone else answer nothing.
    name: "getPainAdvice(A's 8/10 check-in)",
    expected: patientOnly,
    run: () =>
      readOutcome(
        () => getPainAdvice({ entryIds: [a.severeEntryId] }),
        (r) => r.some((reason) => reason.rating === 8 && reason.severe),
      ),
  },
  {
    name: "getPainAdvice(A's session)",
    expected: { ...patientOnly, patientA: "omits A" },
    // A's session was rated 5 before and 3 after: nothing to advise, for A or anyone.
    run: () =>
      readOutcome(
        () => getPainAdvice({ sessionId: a.sessionId }),
        (r) => r.length > 0,
      ),
  },
  {
    name: "getMainPainArea() (A's own setting)",
    expected: patientOnly,
    run: async (actor) => {
      await testDb().user.update({ where: { id: A() }, data: { mainPainArea: "RIGHT_HIP" } });
      return readOutcome(
        () => getMainPainArea(),
        (r) => actor === "patientA" && r === "RIGHT_HIP",
      );
    },
  },
  {
    name: "getGuidedLeadInSeconds() (A's own setting)",
    expected: patientOnly,
    run: async (actor) => {
      await testDb().user.update({ where: { id: A() }, data: { guidedLeadInSeconds: 17 } });
      return readOutcome(
        () => getGuidedLeadInSeconds(),
        (r) => actor === "patientA" && r === 17,
      );
    },
  },
  {
    name: "getPainEntry(A, A's entry)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getPainEntry(A(), a.painEntryId),
        (r) => r.id === a.painEntryId,
      ),
  },
  {
    name: "getPatientHome(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getPatientHome(A()),
        (r) => r.routine.some((i) => i.id === a.routineItemId),
      ),
  },
  {
    // Each physiotherapist reads only their own notes; an ended link keeps those written before it ended.
    name: "listClinicalNotes(A)",
    expected: { ...physioReads, physioRevokedByA: "ok" },
    run: (actor) =>
      readOutcome(
        () => listClinicalNotes(A()),
        (r) => r.some((note) => note.id === (actor === "physioRevokedByA" ? ended.noteId : a.noteId)),
      ),
  },
  {
    name: "getEndedCareLink(A)",
    expected: { ...caseload, physioLinkedToA: "omits A", physioRevokedByA: "ok" },
    run: () =>
      readOutcome(
        () => getEndedCareLink(A()),
        (r) => r?.patientId === A(),
      ),
  },
  {
    name: "listEndedCareLinks()",
    expected: { ...caseload, physioLinkedToA: "omits A", physioRevokedByA: "ok" },
    run: () =>
      readOutcome(
        () => listEndedCareLinks(),
        (r) => r.some((link) => link.patientId === A()),
      ),
  },
  {
    name: "getActiveCareLink(A's link)",
    expected: { ...physioReads, patientA: "ok", physioLinkedToA: "not-found" },
    run: () =>
      readOutcome(
        () => getActiveCareLink(ended.activeLinkId),
        (r) => r.id === ended.activeLinkId,
      ),
  },
  {
    name: "listSessionComments(A, [A's session])",
    expected: reads,
    run: () =>
      readOutcome(
        () => listSessionComments(A(), [a.sessionId]),
        (r) => r[a.sessionId]?.some((c) => c.id === a.commentId) ?? false,
      ),
  },
  {
    name: "listRecentComments(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => listRecentComments(A(), new Date(0), 50),
        (r) => r.some((c) => c.id === a.commentId),
      ),
  },
  {
    name: "getLinkedPatient(A)",
    expected: physioReads,
    run: () =>
      readOutcome(
        () => getLinkedPatient(A()),
        (r) => r.id === A(),
      ),
  },
  {
    name: "getPatientSummary(A)",
    expected: physioReads,
    run: () =>
      readOutcome(
        () => getPatientSummary(A()),
        (r) => r.patientId === A() && r.pain.length > 0,
      ),
  },
  {
    name: "getCaseload()",
    expected: caseload,
    run: () =>
      readOutcome(
        () => getCaseload(),
        (r) => r.some((row) => row.patientId === A()),
      ),
  },

  // Route handlers
  {
    name: "GET /api/patients/A/progress",
    expected: reads,
    run: async () =>
      routeOutcome(
        await getProgressRoute(new Request(`http://localhost/api/patients/${A()}/progress?range=3m`), {
          params: Promise.resolve({ patientId: A() }),
        }),
        (body) => (body as { range?: string }).range === "3m",
      ),
  },
  {
    name: "GET /api/patients/A/export/sessions.csv",
    expected: reads,
    run: async () =>
      fileOutcome(await exportOf(getSessionsCsvRoute, "sessions.csv"), (text) => text.includes(a.sessionId)),
  },
  {
    name: "GET /api/patients/A/export/pain.csv",
    expected: reads,
    run: async () =>
      fileOutcome(await exportOf(getPainCsvRoute, "pain.csv"), (text) => text.includes(a.painEntryId)),
  },
  {
    name: "GET /api/patients/A/export/outcomes.csv",
    expected: reads,
    run: async () =>
      fileOutcome(await exportOf(getOutcomesCsvRoute, "outcomes.csv"), (text) =>
        text.startsWith("response_id,completed_at_utc,"),
      ),
  },
  {
    name: "GET /api/patients/A/export/fhir",
    expected: reads,
    run: async () =>
      fileOutcome(
        await exportOf(getFhirExportRoute, "fhir"),
        (text) =>
          (JSON.parse(text) as { entry: { fullUrl: string }[] }).entry[0]?.fullUrl.endsWith(
            `/Patient/${A()}`,
          ) ?? false,
      ),
  },
  {
    name: "GET /api/caseload",
    expected: caseload,
    run: async () =>
      routeOutcome(await getCaseloadRoute(), (body) =>
        (body as { patientId: string }[]).some((row) => row.patientId === A()),
      ),
  },

  // Writes
  write("addRoutineItemAction for A", routineWrites, {
    arrange: async () => routineInput("pelvic-tilt", { patientId: A() }),
    act: (input) => actionOutcome(() => addRoutineItemAction(initial, input)),
    landed: async (input, actor) => {
      const version = await testDb().routineItemVersion.findUniqueOrThrow({
        where: { patientId_clientRequestId: { patientId: A(), clientRequestId: input.clientRequestId } },
        include: { routineItem: true },
      });
      expect(version).toMatchObject({ change: "CREATED", changedById: actor.id });
      expect(version.routineItem).toMatchObject({
        setById: actor.id,
        setByRole: actor.role,
        stoppedAt: null,
      });
    },
  }),
  write("updateRoutineItemAction on A's item", routineWrites, {
    arrange: async () => ({ item: await freshItemOfA(), clientRequestId: randomUUID() }),
    act: ({ item, clientRequestId }) =>
      actionOutcome(() =>
        updateRoutineItemAction(initial, {
          ...routineInput("glute-bridge", { clientRequestId, sets: "4" }),
          exerciseId: undefined,
          itemId: item.id,
          patientId: A(),
        }),
      ),
    landed: async ({ item }, actor) => {
      expect(await testDb().routineItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
        sets: 4,
        version: 2,
        setById: actor.id,
      });
    },
  }),
  write("stopRoutineItemAction on A's item", routineWrites, {
    arrange: async () => ({ item: await freshItemOfA(), clientRequestId: randomUUID() }),
    act: ({ item, clientRequestId }) =>
      actionOutcome(() =>
        stopRoutineItemAction(initial, { clientRequestId, itemId: item.id, patientId: A() }),
      ),
    landed: async ({ item }) => {
      const stopped = await testDb().routineItem.findUniqueOrThrow({ where: { id: item.id } });
      expect(stopped.stoppedAt).not.toBeNull();
    },
  }),
  write("moveRoutineItemAction on A's item", routineWrites, {
    arrange: async () => {
      const upper = await freshItemOfA("clamshell");
      const lower = await freshItemOfA("glute-bridge");
      return { upper, lower, clientRequestId: randomUUID() };
    },
    act: ({ lower, clientRequestId }) =>
      actionOutcome(() =>
        moveRoutineItemAction(initial, {
          clientRequestId,
          itemId: lower.id,
          direction: "up",
          patientId: A(),
        }),
      ),
    landed: async ({ upper, lower }) => {
      const moved = await testDb().routineItem.findMany({
        where: { id: { in: [upper.id, lower.id] } },
        select: { id: true, position: true },
      });
      expect(Object.fromEntries(moved.map((item) => [item.id, item.position]))).toEqual({
        [lower.id]: upper.position,
        [upper.id]: lower.position,
      });
    },
  }),
  write("addClinicalNoteAction for A", physioWrites, {
    arrange: async () => ({ patientId: A(), clientRequestId: randomUUID(), body: "Reviewed the bridge." }),
    act: (input) => actionOutcome(() => addClinicalNoteAction(initial, input)),
    landed: async (input, actor) => {
      expect(
        await testDb().clinicalNote.findUniqueOrThrow({
          where: { patientId_clientRequestId: { patientId: A(), clientRequestId: input.clientRequestId } },
        }),
      ).toMatchObject({ physioId: actor.id, body: input.body });
    },
  }),
  write("addSessionCommentAction on A's session", physioWrites, {
    arrange: async () => ({
      patientId: A(),
      sessionId: a.sessionId,
      clientRequestId: randomUUID(),
      body: "Try three sets next time.",
    }),
    act: (input) => actionOutcome(() => addSessionCommentAction(initial, input)),
    landed: async (input, actor) => {
      expect(
        await testDb().comment.findUniqueOrThrow({
          where: { patientId_clientRequestId: { patientId: A(), clientRequestId: input.clientRequestId } },
        }),
      ).toMatchObject({ authorId: actor.id, sessionId: a.sessionId, body: input.body });
    },
  }),
  write("setWeeklyTargetAction for A", physioWrites, {
    // A value other than the one A has, so a landed write is seen.
    arrange: async () => {
      const { weeklyTargetPercent } = await testDb().user.findUniqueOrThrow({ where: { id: A() } });
      return { patientId: A(), weeklyTargetPercent: String(weeklyTargetPercent === 60 ? 70 : 60) };
    },
    act: (input) => actionOutcome(() => setWeeklyTargetAction(initial, input)),
    landed: async (input) => {
      expect(await testDb().user.findUniqueOrThrow({ where: { id: A() } })).toMatchObject({
        weeklyTargetPercent: Number(input.weeklyTargetPercent),
      });
    },
  }),
  // The offline queue's replays: each caller replays their own queue (ownerId is who is signed in);
  // B's replay saves B's session, never A's.
  write("POST /api/v1/sessions (the caller's own queued session)", patientOnly, {
    arrange: async () => sessionInput(exerciseIds.clamshell ?? ""),
    act: async (input) => {
      const response = await postSessionRoute(replayRequest("/api/v1/sessions", input));
      const outcome = await routeOutcome(response, () => true);
      return outcome === "ok" && !(await sessionOfA(input.clientRequestId)) ? "omits A" : outcome;
    },
    landed: async (input) => {
      expect(await sessionOfA(input.clientRequestId)).toMatchObject({ source: "GUIDED" });
    },
  }),
  write("POST /api/v1/check-ins (the caller's own queued check-in)", patientOnly, {
    arrange: async () => ({ clientRequestId: randomUUID(), LOWER_BACK: "3" }),
    act: async (input) => {
      const response = await postCheckInRoute(replayRequest("/api/v1/check-ins", input));
      const outcome = await routeOutcome(response, () => true);
      return outcome === "ok" && (await checkInsOfA(input.clientRequestId)) === 0 ? "omits A" : outcome;
    },
    landed: async (input) => {
      expect(await checkInsOfA(input.clientRequestId)).toBe(1);
    },
  }),
  // A patient's own setting: B's call sets B's, never A's; physiotherapists have no such action.
  write("setMainPainAreaAction (A's own setting)", patientOnly, {
    arrange: async () => ({
      mainPainArea: (await mainPainAreaOfA()) === "LEFT_HIP" ? "LOWER_BACK" : "LEFT_HIP",
    }),
    act: async (input) => {
      const outcome = await actionOutcome(() => setMainPainAreaAction(initial, input));
      return outcome === "ok" && (await mainPainAreaOfA()) !== input.mainPainArea ? "omits A" : outcome;
    },
    landed: async (input) => {
      expect(await mainPainAreaOfA()).toBe(input.mainPainArea);
    },
  }),
  write("setGuidedLeadInAction (A's own setting)", patientOnly, {
    arrange: async () => ({ leadInSeconds: String((await leadInOfA()) === 12 ? 8 : 12) }),
    act: async (input) => {
      const outcome = await actionOutcome(() => setGuidedLeadInAction(initial, input));
      return outcome === "ok" && String(await leadInOfA()) !== input.leadInSeconds ? "omits A" : outcome;
    },
    landed: async (input) => {
      expect(String(await leadInOfA())).toBe(input.leadInSeconds);
    },
  }),
  write("saveRemindersAction (A's own reminders)", patientOnly, {
    arrange: async () => ({
      channel: "EMAIL",
      time: (await reminderMinuteOfA()) === 433 ? "07:14" : "07:13",
      quietStart: "21:00",
      quietEnd: "08:00",
    }),
    act: async (input) => {
      const outcome = await actionOutcome(() => saveRemindersAction(initial, input));
      const minute = Number(input.time.slice(0, 2)) * 60 + Number(input.time.slice(3));
      return outcome === "ok" && (await reminderMinuteOfA()) !== minute ? "omits A" : outcome;
    },
    landed: async (input) => {
      expect(await reminderMinuteOfA()).toBe(
        Number(input.time.slice(0, 2)) * 60 + Number(input.time.slice(3)),
      );
    },
  }),
  write("addPushDeviceAction (a device of A's own)", patientOnly, {
    arrange: async () => ({ endpoint: `https://push.example.test/send/${randomUUID()}`, ...pushKeys }),
    act: async (input) => {
      const outcome = await actionOutcome(() => addPushDeviceAction(initial, input));
      return outcome === "ok" && !(await pushEndpointsOfA()).includes(input.endpoint) ? "omits A" : outcome;
    },
    landed: async (input) => {
      expect(await pushEndpointsOfA()).toContain(input.endpoint);
    },
  }),
  write("removePushDeviceAction on A's device", patientOnly, {
    arrange: async () => {
      const endpoint = `https://push.example.test/send/${randomUUID()}`;
      await testDb().pushSubscription.create({ data: { userId: A(), endpoint, ...pushKeys } });
      return { endpoint };
    },
    act: async (input) => {
      const outcome = await actionOutcome(() => removePushDeviceAction(initial, input));
      return outcome === "ok" && (await pushEndpointsOfA()).includes(input.endpoint) ? "omits A" : outcome;
    },
    landed: async (input) => {
      expect(await pushEndpointsOfA()).not.toContain(input.endpoint);
    },
  }),
  write("renewCalendarFeedAction (A's own calendar address)", patientOnly, {
    arrange: async () => ({ before: await calendarFeedOfA() }),
    act: async ({ before }) => {
      const outcome = await actionOutcome(() => renewCalendarFeedAction(initial, {}));
      return outcome === "ok" && (await calendarFeedOfA()) === before ? "omits A" : outcome;
    },
    landed: async ({ before }) => {
      expect(await calendarFeedOfA()).not.toBe(before);
    },
  }),
  write("revokeCalendarFeedAction (A's own calendar address)", patientOnly, {
    arrange: async () => {
      await testDb().calendarFeed.upsert({
        where: { userId: A() },
        create: { userId: A(), tokenHash: randomUUID() },
        update: {},
      });
      return {};
    },
    act: async () => {
      const outcome = await actionOutcome(() => revokeCalendarFeedAction(initial, {}));
      return outcome === "ok" && (await calendarFeedOfA()) !== null ? "omits A" : outcome;
    },
    landed: async () => {
      expect(await calendarFeedOfA()).toBeNull();
    },
  }),
  write(
    "addSessionReplyAction on A's session",
    { ...selfOnly, patientB: "refused" },
    {
      arrange: async () => ({
        patientId: A(),
        sessionId: a.sessionId,
        clientRequestId: randomUUID(),
        body: "It eased by the evening.",
      }),
      act: (input) => actionOutcome(() => addSessionReplyAction(initial, input)),
      landed: async (input, actor) => {
        expect(
          await testDb().comment.findUniqueOrThrow({
            where: { patientId_clientRequestId: { patientId: A(), clientRequestId: input.clientRequestId } },
          }),
        ).toMatchObject({ authorId: actor.id, sessionId: a.sessionId, body: input.body });
      },
    },
  ),
  // Only the author edits or deletes a message, and a physiotherapist only while linked.
  write(
    "editSessionMessageAction on A's own reply",
    { ...routineWrites, physioLinkedToA: "refused" },
    {
      arrange: async () => ({
        patientId: A(),
        commentId: (await messageInThreadOfA(A())).id,
        clientRequestId: randomUUID(),
        body: "Edited reply.",
      }),
      act: (input) => actionOutcome(() => editSessionMessageAction(initial, input)),
      landed: async (input) => {
        expect(await testDb().comment.findUniqueOrThrow({ where: { id: input.commentId } })).toMatchObject({
          body: "Edited reply.",
          version: 2,
        });
      },
    },
  ),
  write(
    "deleteSessionMessageAction on the linked physiotherapist's message",
    { ...routineWrites, patientA: "refused" },
    {
      arrange: async () => ({
        patientId: A(),
        commentId: (await messageInThreadOfA(people.physioLinkedToA.id)).id,
        clientRequestId: randomUUID(),
      }),
      act: (input) => actionOutcome(() => deleteSessionMessageAction(initial, input)),
      landed: async (input) => {
        const deleted = await testDb().comment.findUniqueOrThrow({ where: { id: input.commentId } });
        expect(deleted.deletedAt).not.toBeNull();
      },
    },
  ),
  {
    name: "getSettings() (A's own settings)",
    expected: ownSettings,
    run: () =>
      readOutcome(
        () => getSettings(),
        (settings) => settings.email === people.patientA.email,
      ),
  },
  write("saveSettingsAction (each caller's own settings)", ownSettings, {
    arrange: settingsUnlikeA,
    act: async (input) => {
      const outcome = await actionOutcome(() => saveSettingsAction(initial, input));
      return outcome === "ok" && (await nameOfA()) !== input.name ? "omits A" : outcome;
    },
    landed: settingsLanded,
  }),
  write("saveSettings (each caller's own settings)", ownSettings, {
    arrange: settingsUnlikeA,
    act: async (input) => {
      const outcome = await readOutcome(
        () => saveSettings({ ...input, mainPainArea: input.mainPainArea as "RIGHT_HIP" }),
        () => true,
      );
      return outcome === "ok" && (await nameOfA()) !== input.name ? "omits A" : outcome;
    },
    landed: settingsLanded,
  }),
  {
    name: "getReminderSettings() (A's own reminders)",
    expected: patientOnly,
    run: async (actor) => {
      await testDb().reminderPreference.upsert({
        where: { userId: A() },
        create: { userId: A(), channel: "EMAIL", minuteOfDay: 431 },
        update: { minuteOfDay: 431 },
      });
      return readOutcome(
        () => getReminderSettings(),
        (settings) => actor === "patientA" && settings.minuteOfDay === 431,
      );
    },
  },
  {
    name: "countUnreadForPatient() (A's unread messages)",
    expected: selfOnly,
    run: async (actor) => {
      await messageInThreadOfA(people.physioLinkedToA.id);
      return readOutcome(
        () => countUnreadForPatient(),
        (count) => actor === "patientA" && count > 0,
      );
    },
  },
  {
    name: "listUnreadRepliesForPhysio() (A's unread reply)",
    expected: caseload,
    run: async () => {
      await messageInThreadOfA(A());
      return readOutcome(
        () => listUnreadRepliesForPhysio(),
        (rows) => rows.some((row) => row.patientId === A()),
      );
    },
  },
  {
    name: "getOutcomeResults(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => getOutcomeResults(A()),
        (series) =>
          series.some((one) => one.points.some((point) => point.activities[0]?.name === "Climbing stairs")),
      ),
  },
  {
    name: "listOutcomeAssignments(A)",
    expected: reads,
    run: () =>
      readOutcome(
        () => listOutcomeAssignments(A()),
        (result) => result.schedules.some((schedule) => schedule.instrument === "PSFS"),
      ),
  },
  {
    name: "listDueOutcomes() (A's due questionnaires)",
    expected: selfOnly,
    run: (actor) =>
      readOutcome(
        () => listDueOutcomes(),
        (due) => actor === "patientA" && due.some((item) => item.instrument === "PSFS"),
      ),
  },
  {
    name: "getOutcomeForm(psfs) (A's own form)",
    expected: selfOnly,
    run: () =>
      readOutcome(
        () => getOutcomeForm("psfs"),
        (form) => form.earlierActivities.includes("Climbing stairs"),
      ),
  },
  write("assignOutcomeAction for A", physioWrites, {
    arrange: async () => ({
      patientId: A(),
      instrument: "PSFS",
      firstDueDate: "2099-01-01",
      clientRequestId: randomUUID(),
    }),
    act: (input) => actionOutcome(() => assignOutcomeAction(initial, input)),
    landed: async (input, actor) => {
      expect(
        await testDb().outcomeAssignment.findUniqueOrThrow({
          where: { patientId_clientRequestId: { patientId: A(), clientRequestId: input.clientRequestId } },
        }),
      ).toMatchObject({ physioId: actor.id, instrument: "PSFS", firstDueDate: "2099-01-01" });
    },
  }),
  write("stopOutcomeAssignmentAction on A's schedule", physioWrites, {
    arrange: async () => {
      const row = await testDb().outcomeAssignment.create({
        data: {
          patientId: A(),
          physioId: people.physioLinkedToA.id,
          instrument: "GROC",
          firstDueDate: "2099-01-01",
          clientRequestId: randomUUID(),
        },
      });
      return { patientId: A(), assignmentId: row.id };
    },
    act: (input) => actionOutcome(() => stopOutcomeAssignmentAction(initial, input)),
    landed: async (input) => {
      const row = await testDb().outcomeAssignment.findUniqueOrThrow({ where: { id: input.assignmentId } });
      expect(row.endedAt).not.toBeNull();
    },
  }),
  // The patient's own answers: B's call writes B's, never A's; physiotherapists have no such action.
  write("saveOutcomeDraftAction (A's own draft)", patientOnly, {
    arrange: async () => ({
      instrument: "PSFS",
      answers: { choices: {}, activities: [{ name: `Draft ${randomUUID()}`, rating: null }] },
    }),
    act: async (input) => {
      const outcome = await actionOutcome(() => saveOutcomeDraftAction(initial, input));
      const draft = await testDb().outcomeDraft.findUnique({
        where: { patientId_instrument: { patientId: A(), instrument: "PSFS" } },
      });
      return outcome === "ok" && !draft?.answers.includes(input.answers.activities[0]?.name ?? "?")
        ? "omits A"
        : outcome;
    },
    landed: async (input) => {
      const draft = await testDb().outcomeDraft.findUniqueOrThrow({
        where: { patientId_instrument: { patientId: A(), instrument: "PSFS" } },
      });
      expect(draft.answers).toContain(input.answers.activities[0]?.name);
    },
  }),
  write("submitOutcomeAction (A's own answers)", patientOnly, {
    arrange: async () => ({
      instrument: "PSFS",
      answers: { choices: {}, activities: [{ name: "Climbing stairs", rating: 5 }] },
      clientRequestId: randomUUID(),
    }),
    act: async (input) => {
      const outcome = await actionOutcome(() => submitOutcomeAction(initial, input));
      const landed = await testDb().outcomeResponse.findUnique({
        where: { patientId_clientRequestId: { patientId: A(), clientRequestId: input.clientRequestId } },
      });
      return outcome === "ok" && !landed ? "omits A" : outcome;
    },
    landed: async (input) => {
      expect(
        await testDb().outcomeResponse.findUniqueOrThrow({
          where: { patientId_clientRequestId: { patientId: A(), clientRequestId: input.clientRequestId } },
        }),
      ).toMatchObject({ instrument: "PSFS", score: 5 });
    },
  }),
  write("endLinkAsPhysioAction for A", physioWrites, {
    arrange: async () => ({ patientId: A() }),
    act: (input) => actionOutcome(() => endLinkAsPhysioAction(initial, input), "/caseload?ended=1"),
    landed: async (_input, actor) => {
      expect(
        await testDb().careLink.findUniqueOrThrow({
          where: { physioId_patientId: { physioId: actor.id, patientId: A() } },
        }),
      ).toMatchObject({ status: "REVOKED", revokedById: actor.id });
    },
  }),

  // "Your data" (/account/data): each caller's own zip; A's data is only in A's.
  {
    name: "GET /account/data/download",
    expected: ownSettings,
    run: async () => {
      const response = await downloadMyData();
      expect(response.headers.get("cache-control")).toBe("no-store");
      if (response.status === 401)
        return testSession.current?.user.sessionId?.startsWith("half-signed-in-") ? "two-factor" : "sign-in";
      if (response.status !== 200) return `status ${response.status}` as Outcome;
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      const text = Object.values(files)
        .map((bytes) => strFromU8(bytes))
        .join("\n");
      return text.includes(a.sessionId) ? "ok" : "omits A";
    },
  },
  {
    name: "takeCareTeamNotices (A's one-time notice)",
    expected: selfOnly,
    run: async () => {
      await testDb().careTeamNotice.create({ data: { patientId: A(), kind: "PHYSIO_ACCOUNT_CLOSED" } });
      try {
        return await readOutcome(takeCareTeamNotices, (notices) => notices.length > 0);
      } finally {
        await testDb().careTeamNotice.deleteMany({ where: { patientId: A() } });
      }
    },
  },
  {
    name: "listDetachedNotes (a physiotherapist's notes about erased patients)",
    expected: {
      ...physioReads,
      physioLinkedToA: "omits A",
      physioNeverLinked: "omits A",
      physioRevokedByA: "omits A",
    },
    run: () =>
      readOutcome(
        () => listDetachedNotes(),
        (groups) => groups.length > 0,
      ),
  },
  // Deleting an account only ever deletes the caller's own, and never on a wrong password.
  write(
    "deleteAccountAction (a wrong password)",
    {
      ...ownSettings,
      patientA: "refused",
      patientB: "refused",
      physioLinkedToA: "refused",
      physioNeverLinked: "refused",
      physioRevokedByA: "refused",
    },
    {
      arrange: async () => ({ password: `wrong ${randomUUID()}`, confirm: "yes", patientId: A() }),
      act: async (input) => {
        let state: ActionState | undefined;
        const outcome = await navigationOutcome(async () => {
          state = await deleteAccountAction(initial, input);
        });
        if (outcome === "redirect:/sign-in") return "sign-in";
        if (outcome === "redirect:/two-factor") return "two-factor";
        if (outcome !== "ok") return outcome as Outcome;
        return state?.errors?.password?.[0] === "That is not your password. Nothing was deleted."
          ? "refused"
          : (`answered: ${state?.message}` as Outcome);
      },
      landed: async () => {
        throw new Error("a wrong password never deletes an account");
      },
    },
  ),
];

describe.each(rows.map((row) => [row.name, row] as const))("%s", (_name, row) => {
  it.each(actors.map((actor) => [actor, row.expected[actor]] as const))(
    "%s gets %s",
    async (actor, expected) => {
      actAs(actor);
      expect(await row.run(actor)).toBe(expected);
    },
  );
});

describe("the other role's functions do not exist for a caller", () => {
  const invitesOf = () => testDb().careInvite.count();

  it.each([
    ["getCaseload", () => getCaseload()],
    ["createInvite", () => createInvite("someone@example.test")],
    ["createInviteAction", () => createInviteAction(initial, { patientEmail: "someone@example.test" })],
    ["listSentInvites", () => listSentInvites()],
    ["cancelInvite", () => cancelInvite("any-invite")],
    ["listClinicalNotes", () => listClinicalNotes(people.patientA.id)],
    [
      "addClinicalNote",
      () => addClinicalNote({ patientId: people.patientA.id, body: "x", clientRequestId: randomUUID() }),
    ],
    ["endCareLinkAsPhysio", () => endCareLinkAsPhysio(people.patientA.id)],
    ["listUnreadRepliesForPhysio", () => listUnreadRepliesForPhysio()],
    ["getEndedCareLink", () => getEndedCareLink(people.patientA.id)],
    ["listEndedCareLinks", () => listEndedCareLinks()],
    [
      "assignOutcome via its action",
      () =>
        assignOutcomeAction(initial, {
          patientId: people.patientA.id,
          instrument: "PSFS",
          firstDueDate: "2099-01-01",
          clientRequestId: randomUUID(),
        }),
    ],
  ] as const)("a patient calling %s gets not-found and writes nothing", async (_name, call) => {
    for (const patient of [people.patientA, people.patientB]) {
      const before = [await invitesOf(), await patientAState()];
      signInAs(patient);
      expect(await navigationOutcome(call)).toBe("not-found");
      expect([await invitesOf(), await patientAState()]).toEqual(before);
    }
  });

  it.each([
    ["listCareTeam", () => listCareTeam()],
    ["listAccessLog", () => listAccessLog(1)],
    ["answerInvite", () => answerInvite({ token: "x".repeat(43), answer: "accept" })],
    ["endCareLinkAsPatient", () => endCareLinkAsPatient("any-link")],
    ["countUnreadForPatient", () => countUnreadForPatient()],
    ["getActiveCareLink", () => getActiveCareLink(ended.activeLinkId)],
    ["setMainPainArea", () => setMainPainArea("LEFT_HIP")],
    ["listDueOutcomes", () => listDueOutcomes()],
    ["getOutcomeForm", () => getOutcomeForm("psfs")],
  ] as const)("a physiotherapist calling %s gets not-found", async (_name, call) => {
    for (const physio of [people.physioLinkedToA, people.physioNeverLinked]) {
      signInAs(physio);
      expect(await navigationOutcome(call)).toBe("not-found");
    }
  });
});

it("a session whose version is older than the account's counts as signed out", async () => {
  const patient = await createUser("PATIENT");
  signInAs({ ...patient, sessionVersion: patient.sessionVersion - 1 });
  expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("redirect:/sign-in");
});

it("sends someone whose session ended back to where they were going after signing in, never off-site", async () => {
  signInAs(null);
  testSession.returnTo = "/history?tab=pain";
  expect(await navigationOutcome(() => requirePatientAccess(people.patientA.id))).toBe(
    "redirect:/sign-in?callbackUrl=%2Fhistory%3Ftab%3Dpain",
  );
  testSession.returnTo = "//evil.example/phish";
  expect(await navigationOutcome(() => requirePatientAccess(people.patientA.id))).toBe("redirect:/sign-in");
  testSession.returnTo = null;
});

describe("e-mail address and recovery", () => {
  const tokensAndAddresses = async () => [
    await testDb().accountToken.count(),
    await testDb().user.findMany({ select: { email: true, emailVerifiedAt: true }, orderBy: { id: "asc" } }),
  ];

  it.each([
    ["myEmailStatus", () => myEmailStatus()],
    ["sendVerificationEmail", () => sendVerificationEmail("192.0.2.9")],
    [
      "requestEmailChange",
      () => requestEmailChange({ newEmail: "new@example.test", currentPassword: "x" }, "192.0.2.9"),
    ],
    ["sendVerificationAction", () => sendVerificationAction(initial, {})],
    [
      "changeEmailAction",
      () => changeEmailAction(initial, { newEmail: "new@example.test", currentPassword: "x" }),
    ],
  ] as const)(
    "someone not signed in calling %s is sent to sign in and changes nothing",
    async (_name, call) => {
      signInAs(null);
      const before = await tokensAndAddresses();
      expect(await navigationOutcome(call)).toBe("redirect:/sign-in");
      expect(await tokensAndAddresses()).toEqual(before);
    },
  );

  it("a link's token is the only key: a made-up one confirms and resets nothing, for anyone", async () => {
    const before = await tokensAndAddresses();
    for (const actor of [null, people.patientA, people.physioLinkedToA]) {
      signInAs(actor);
      expect(await confirmEmailLink("x".repeat(43), "192.0.2.9")).toEqual({ status: "invalid" });
      const state = await resetPasswordAction(initial, {
        token: "y".repeat(43),
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      });
      expect(state.ok).toBe(false);
    }
    expect(await tokensAndAddresses()).toEqual(before);
  });
});
