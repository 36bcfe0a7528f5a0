import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { Bundle, Observation, QuestionnaireResponse, ServiceRequest } from "fhir/r4";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getFhirRoute } from "@/app/api/patients/[patientId]/export/fhir/route";
import { GET as getOutcomesCsvRoute } from "@/app/api/patients/[patientId]/export/outcomes.csv/route";
import { GET as getPainCsvRoute } from "@/app/api/patients/[patientId]/export/pain.csv/route";
import { GET as getSessionsCsvRoute } from "@/app/api/patients/[patientId]/export/sessions.csv/route";
import { listAccessLog } from "@/lib/data/access-log";
import { seedCatalog } from "../../prisma/seed/catalog";
import { demoAccounts, seedDemo } from "../../prisma/seed/demo";
import { auditKey, passSecondFactor, signInAs, type TestUser, testDb } from "../support/factories";
import { bundleProblems, prepareFhirValidators } from "../support/fhir-validate";

// The exports of the demo patient equal the database: every live row, every value, with the local
// date worked out here independently (Intl, the zone in force at each instant). The demo patient
// is given a move from London to New York part-way, a deleted session and pain rating (left out),
// and text that a spreadsheet would run as a formula (neutralised in text cells only).

const now = new Date("2026-04-08T11:00:00Z");
const movedAt = new Date("2026-03-01T12:00:00Z");
let patient: TestUser;
let physio: TestUser;

const asUser = async (email: string): Promise<TestUser> => {
  const user = await passSecondFactor(await testDb().user.findUniqueOrThrow({ where: { email } }));
  return { ...user, role: user.role as TestUser["role"], password: "" };
};

type Route = (request: Request, context: { params: Promise<{ patientId: string }> }) => Promise<Response>;

function download(route: Route, path: string, patientId = patient.id): Promise<Response> {
  return route(new Request(`http://localhost/api/patients/${patientId}/export/${path}`), {
    params: Promise.resolve({ patientId }),
  });
}

async function csvOf(
  route: Route,
  path: string,
): Promise<{ response: Response; rows: string[][]; raw: Buffer }> {
  const response = await download(route, path);
  expect(response.status).toBe(200);
  const raw = Buffer.from(await response.arrayBuffer());
  const rows = parse(raw, { bom: true }) as string[][];
  return { response, rows, raw };
}

/** The zone in force at an instant and the date it showed, computed here without the app's code. */
function localOf(at: Date): [string, string] {
  const zone = at < movedAt ? "Europe/London" : "America/New_York";
  return [new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(at), zone];
}

/** What a spreadsheet-safe text cell looks like. */
const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const cell = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

beforeAll(async () => {
  await seedCatalog(testDb());
  expect(await seedDemo(testDb(), "demo password for tests", now)).toBe(true);
  patient = await asUser(demoAccounts.patient.email);
  physio = await asUser(demoAccounts.physio.email);
  const db = testDb();
  // The patient moved from London to New York on 1 March.
  await db.userTimeZone.createMany({
    data: [
      { userId: patient.id, timeZone: "Europe/London", validFrom: new Date("2025-01-01T00:00:00Z") },
      { userId: patient.id, timeZone: "America/New_York", validFrom: movedAt },
    ],
  });
  await db.user.update({ where: { id: patient.id }, data: { timezone: "America/New_York" } });
  // Late evening in New York is already the next day in UTC: the local date must say so.
  const lateSession = await db.exerciseSession.create({
    data: {
      patientId: patient.id,
      startedAt: new Date("2026-04-03T02:30:00Z"),
      durationSeconds: 905,
      notes: '=HYPERLINK("http://evil.example","Click me")',
      source: "QUICK_LOG",
      clientRequestId: randomUUID(),
      entries: {
        create: [
          {
            exerciseId: (await db.exercise.findFirstOrThrow({ where: { defaultPerSide: true } })).id,
            position: 0,
            side: "LEFT",
            sets: 2,
            reps: 12,
            holdSeconds: 0,
          },
        ],
      },
    },
  });
  await db.painEntry.create({
    data: {
      patientId: patient.id,
      rating: 7,
      region: "LOWER_BACK",
      context: "BEFORE_SESSION",
      recordedAt: new Date("2026-04-03T02:29:00Z"),
      sessionId: lateSession.id,
      note: "-worse after gardening",
      clientRequestId: randomUUID(),
    },
  });
  await db.painEntry.create({
    data: {
      patientId: patient.id,
      rating: 2,
      region: "LEFT_HIP",
      context: "CHECK_IN",
      recordedAt: new Date("2026-04-04T15:00:00Z"),
      note: "@home, fine",
      clientRequestId: randomUUID(),
    },
  });
  // Deleted rows stay out of every export.
  await db.painEntry.create({
    data: {
      patientId: patient.id,
      rating: 9,
      region: "RIGHT_HIP",
      context: "CHECK_IN",
      recordedAt: new Date("2026-04-05T15:00:00Z"),
      note: "deleted rating",
      deletedAt: new Date("2026-04-05T16:00:00Z"),
      clientRequestId: randomUUID(),
    },
  });
  await db.exerciseSession.create({
    data: {
      patientId: patient.id,
      startedAt: new Date("2026-04-05T15:00:00Z"),
      durationSeconds: 60,
      notes: "deleted session",
      source: "QUICK_LOG",
      deletedAt: new Date("2026-04-05T16:00:00Z"),
      clientRequestId: randomUUID(),
    },
  });
  // A worse global rating of change (a negative number stays a number) and an activity whose name
  // starts like a formula.
  await db.outcomeResponse.create({
    data: {
      patientId: patient.id,
      instrument: "GROC",
      instrumentVersion: 1,
      answers: JSON.stringify({ choices: { change: -2 }, activities: [] }),
      score: -2,
      completedAt: new Date("2026-04-06T23:30:00Z"),
      clientRequestId: randomUUID(),
    },
  });
  await db.outcomeResponse.create({
    data: {
      patientId: patient.id,
      instrument: "PSFS",
      instrumentVersion: 1,
      answers: JSON.stringify({ choices: {}, activities: [{ name: "+Gardening", rating: 3 }] }),
      score: 3,
      completedAt: new Date("2026-04-07T09:00:00Z"),
      clientRequestId: randomUUID(),
    },
  });
  prepareFhirValidators();
}, 120_000);

describe("sessions.csv", () => {
  it("holds every live session, one row per exercise and side, equal to the database", async () => {
    signInAs(patient);
    const { response, rows, raw } = await csvOf(getSessionsCsvRoute, "sessions.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="sessions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const sessions = await testDb().exerciseSession.findMany({
      where: { patientId: patient.id, deletedAt: null },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      include: {
        entries: { orderBy: [{ position: "asc" }, { id: "asc" }], include: { exercise: true } },
        painEntries: { where: { deletedAt: null } },
      },
    });
    expect(sessions.length).toBeGreaterThan(30);
    const expected = sessions.flatMap((session) => {
      const before = session.painEntries.find((pain) => pain.context === "BEFORE_SESSION");
      const after = session.painEntries.find((pain) => pain.context === "AFTER_SESSION");
      const head = [
        session.id,
        session.startedAt.toISOString(),
        ...localOf(session.startedAt),
        cell(session.durationSeconds),
        session.source,
        cell(before?.rating),
        cell(before?.region),
        cell(after?.rating),
        cell(after?.region),
        safe(session.notes),
      ];
      if (session.entries.length === 0) return [[...head, "", "", "", "", "", "", ""]];
      return session.entries.map((entry) => [
        ...head,
        cell(entry.position + 1),
        entry.exercise.slug,
        safe(entry.exercise.name),
        entry.side,
        cell(entry.sets),
        cell(entry.reps),
        cell(entry.holdSeconds),
      ]);
    });
    expect(rows[0]).toEqual([
      "session_id",
      "started_at_utc",
      "local_date",
      "time_zone",
      "duration_seconds",
      "source",
      "pain_before",
      "pain_before_area",
      "pain_after",
      "pain_after_area",
      "notes",
      "entry_position",
      "exercise_id",
      "exercise",
      "side",
      "sets",
      "reps",
      "hold_seconds",
    ]);
    expect(rows.slice(1)).toEqual(expected);
    expect(rows.flat()).not.toContain("deleted session");
  });

  it("neutralises a formula in a note, and dates a late New York evening by New York's calendar", async () => {
    signInAs(physio);
    const { rows } = await csvOf(getSessionsCsvRoute, "sessions.csv");
    const late = rows.find((row) => row[1] === "2026-04-03T02:30:00.000Z");
    expect(late?.slice(2, 4)).toEqual(["2026-04-02", "America/New_York"]);
    expect(late?.[10]).toBe('\'=HYPERLINK("http://evil.example","Click me")');
    expect(late?.slice(6, 8)).toEqual(["7", "LOWER_BACK"]);
  });
});

describe("pain.csv", () => {
  it("holds every live pain rating equal to the database, text cells neutralised", async () => {
    signInAs(patient);
    const { response, rows } = await csvOf(getPainCsvRoute, "pain.csv");
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="pain-ratings-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const entries = await testDb().painEntry.findMany({
      where: { patientId: patient.id, deletedAt: null },
      orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    });
    expect(entries.length).toBeGreaterThan(30);
    expect(rows[0]).toEqual([
      "pain_id",
      "recorded_at_utc",
      "local_date",
      "time_zone",
      "area",
      "rating",
      "context",
      "session_id",
      "note",
    ]);
    expect(rows.slice(1)).toEqual(
      entries.map((entry) => [
        entry.id,
        entry.recordedAt.toISOString(),
        ...localOf(entry.recordedAt),
        entry.region,
        cell(entry.rating),
        entry.context,
        cell(entry.sessionId),
        safe(entry.note),
      ]),
    );
    expect(rows.map((row) => row[8])).toEqual(
      expect.arrayContaining(["'-worse after gardening", "'@home, fine"]),
    );
    expect(rows.flat()).not.toContain("deleted rating");
  });
});

describe("outcomes.csv", () => {
  it("holds every questionnaire with its score equal to the database; a negative score stays a number", async () => {
    signInAs(physio);
    const { rows, raw } = await csvOf(getOutcomesCsvRoute, "outcomes.csv");
    const responses = await testDb().outcomeResponse.findMany({
      where: { patientId: patient.id },
      orderBy: [{ completedAt: "asc" }, { id: "asc" }],
    });
    expect(responses.length).toBe(7);
    const names: Record<string, string> = {
      PSFS: "Patient-Specific Functional Scale",
      GROC: "Global rating of change",
    };
    expect(rows.slice(1)).toEqual(
      responses.map((response) => {
        const answers = JSON.parse(response.answers) as { choices?: object; activities?: object[] };
        return [
          response.id,
          response.completedAt.toISOString(),
          ...localOf(response.completedAt),
          response.instrument,
          names[response.instrument],
          cell(response.instrumentVersion),
          cell(response.score),
          cell(response.dueDate),
          JSON.stringify({ choices: answers.choices ?? {}, activities: answers.activities ?? [] }),
        ];
      }),
    );
    // Unquoted -2 in the file: a number, with no apostrophe.
    expect(raw.toString("utf8")).toMatch(/,GROC,Global rating of change,1,-2,,/);
  });
});

describe("the FHIR export", () => {
  let bundle: Bundle;
  const resource = <T>(type: string, id: string) =>
    bundle.entry?.find((entry) => entry.resource?.resourceType === type && entry.resource.id === id)
      ?.resource as T | undefined;

  beforeAll(async () => {
    signInAs(physio);
    const response = await download(getFhirRoute, "fhir");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/fhir+json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="health-record-fhir-\d{4}-\d{2}-\d{2}\.json"/,
    );
    bundle = (await response.json()) as Bundle;
  }, 60_000);

  it("passes the official R4 JSON schema and the structural validator", () => {
    expect(bundleProblems(bundle)).toEqual({ schema: [], structure: [] });
  }, 120_000);

  it("holds the patient by name only, and a pain Observation for every live rating with its value and site", async () => {
    expect(resource("Patient", patient.id)).toEqual({
      resourceType: "Patient",
      id: patient.id,
      name: [{ text: demoAccounts.patient.name }],
    });
    const entries = await testDb().painEntry.findMany({ where: { patientId: patient.id, deletedAt: null } });
    const sites: Record<string, string> = {
      LEFT_HIP: "287679003",
      RIGHT_HIP: "287579007",
      LOWER_BACK: "37822005",
    };
    const painObservations = (bundle.entry ?? []).filter(
      (entry) => (entry.resource as Observation | undefined)?.code?.coding?.[0]?.code === "72514-3",
    );
    expect(painObservations).toHaveLength(entries.length);
    for (const entry of entries) {
      const observation = resource<Observation>("Observation", entry.id);
      expect(observation).toMatchObject({
        status: "final",
        valueInteger: entry.rating,
        effectiveDateTime: entry.recordedAt.toISOString(),
        subject: { reference: `Patient/${patient.id}` },
      });
      expect(observation?.bodySite?.coding?.[0]?.code).toBe(sites[entry.region]);
    }
  });

  it("holds every live session with its duration, exercises and ratings, and nothing deleted", async () => {
    const sessions = await testDb().exerciseSession.findMany({
      where: { patientId: patient.id },
      include: { entries: true, painEntries: { where: { deletedAt: null } } },
    });
    for (const session of sessions) {
      const observation = resource<Observation>("Observation", `session-${session.id}`);
      if (session.deletedAt) {
        expect(observation).toBeUndefined();
        continue;
      }
      expect(observation?.valueQuantity).toEqual({
        value: Math.round((session.durationSeconds / 60) * 100) / 100,
        unit: "min",
        system: "http://unitsofmeasure.org",
        code: "min",
      });
      expect(observation?.effectivePeriod?.start).toBe(session.startedAt.toISOString());
      expect(observation?.hasMember ?? []).toHaveLength(session.entries.length + session.painEntries.length);
      for (const entry of session.entries) {
        const member = resource<Observation>(
          "Observation",
          `session-${session.id}-${entry.position}-${entry.side}`,
        );
        expect(member?.component?.map((part) => part.valueInteger ?? part.valueQuantity?.value)).toEqual([
          entry.sets,
          entry.reps,
          entry.holdSeconds,
        ]);
      }
    }
  });

  it("holds the routine as a CarePlan of ServiceRequests with each item's days", async () => {
    const items = await testDb().routineItem.findMany({ where: { routine: { patientId: patient.id } } });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const request = resource<ServiceRequest>("ServiceRequest", item.id);
      const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].filter(
        (_, i) => item.daysOfWeek & (1 << i),
      );
      expect(
        request?.occurrenceTiming?.repeat?.dayOfWeek ?? ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
      ).toEqual(days);
      expect(request?.status).toBe(item.stoppedAt ? "revoked" : "active");
    }
  });

  it("gives every questionnaire a response and a score Observation derived from it", async () => {
    const responses = await testDb().outcomeResponse.findMany({ where: { patientId: patient.id } });
    for (const response of responses) {
      expect(
        resource<QuestionnaireResponse>("QuestionnaireResponse", `response-${response.id}`)?.status,
      ).toBe("completed");
      expect(resource<Observation>("Observation", `score-${response.id}`)).toMatchObject({
        valueQuantity: { value: response.score },
        derivedFrom: [{ reference: `QuestionnaireResponse/response-${response.id}` }],
      });
    }
  });
});

describe("exports in the audit trail", () => {
  it("records each export, and the patient sees the physiotherapist's on its own line", async () => {
    const physioKey = await auditKey(physio);
    const patientKey = await auditKey(patient);
    const rows = await testDb().auditEvent.findMany({
      where: { actorKey: physioKey, patientKey, action: { startsWith: "EXPORT_" } },
      select: { action: true, outcome: true },
    });
    expect(new Set(rows.map((row) => row.action))).toEqual(
      new Set(["EXPORT_SESSIONS_CSV", "EXPORT_OUTCOMES_CSV", "EXPORT_FHIR"]),
    );
    const own = await testDb().auditEvent.count({
      where: { actorKey: patientKey, action: "EXPORT_PAIN_CSV" },
    });
    expect(own).toBeGreaterThan(0);

    signInAs(patient);
    const log = await listAccessLog(1);
    const exports = log.items.filter((item) => item.what.startsWith("Exported"));
    expect(exports.map((item) => [item.who, item.what])).toEqual(
      expect.arrayContaining([
        [demoAccounts.physio.name, "Exported your sessions as CSV"],
        [demoAccounts.physio.name, "Exported your questionnaire scores as CSV"],
        [demoAccounts.physio.name, "Exported your data as a FHIR file"],
      ]),
    );
    // The patient's own exports are theirs: recorded, not listed as someone else's access.
    expect(exports.some((item) => item.what === "Exported your pain ratings as CSV")).toBe(false);
  });

  it("answers another patient 404, as every read does", async () => {
    const stranger = await asUser(demoAccounts.otherPatients[0].email);
    signInAs(stranger);
    const response = await download(getFhirRoute, "fhir");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: "Not found." });
  });
});
