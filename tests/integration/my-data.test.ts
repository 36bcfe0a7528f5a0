// "Download my data" (GET /account/data/download): what a patient's and a physiotherapist's zip
// hold, that clinical notes are only announced to the patient, that the download is audited and
// listed in the patient's access log, and that nobody else's data is in anyone's zip.
import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/account/data/download/route";
import { listAccessLog } from "@/lib/data/access-log";
import { seedCatalog } from "../../prisma/seed/catalog";
import { auditKey, createUser, linkCare, signInAs, type TestUser, testDb } from "../support/factories";
import { actAs } from "../support/test-session";

let patient: TestUser;
let other: TestUser;
let physio: TestUser;
let sessionId = "";
let otherSessionId = "";

beforeAll(async () => {
  await seedCatalog(testDb());
  const db = testDb();
  [patient, other, physio] = await Promise.all([
    createUser("PATIENT", { name: "Alex Rivera" }),
    createUser("PATIENT", { name: "Jordan Blake" }),
    createUser("PHYSIO", { name: "Sam Okafor" }),
  ]);
  await linkCare(physio.id, patient.id);
  await linkCare(physio.id, other.id);
  const exercise = await db.exercise.findFirstOrThrow({ select: { id: true } });
  for (const who of [patient, other]) {
    const session = await db.exerciseSession.create({
      data: {
        patientId: who.id,
        startedAt: new Date("2026-11-30T08:00:00Z"),
        durationSeconds: 600,
        source: "QUICK_LOG",
        clientRequestId: randomUUID(),
        entries: {
          create: [{ exerciseId: exercise.id, position: 0, side: "BOTH", sets: 2, reps: 10, holdSeconds: 0 }],
        },
      },
    });
    if (who === patient) sessionId = session.id;
    else otherSessionId = session.id;
  }
  await db.painEntry.create({
    data: {
      patientId: patient.id,
      rating: 3,
      region: "LOWER_BACK",
      context: "CHECK_IN",
      recordedAt: new Date("2026-11-30T07:00:00Z"),
      clientRequestId: randomUUID(),
    },
  });
  await db.comment.create({
    data: {
      authorId: physio.id,
      patientId: patient.id,
      sessionId,
      body: "Lovely form today.",
      clientRequestId: randomUUID(),
    },
  });
  await db.clinicalNote.createMany({
    data: [
      {
        physioId: physio.id,
        patientId: patient.id,
        body: "Private: query SIJ involvement.",
        clientRequestId: randomUUID(),
      },
      {
        physioId: physio.id,
        patientId: patient.id,
        body: "Private: review in 2 weeks.",
        clientRequestId: randomUUID(),
      },
    ],
  });
});

async function zipOf(user: TestUser | null) {
  signInAs(user);
  const response = await download();
  expect(response.headers.get("cache-control")).toBe("no-store");
  if (response.status !== 200) return { status: response.status, files: {} as Record<string, string> };
  expect(response.headers.get("content-type")).toBe("application/zip");
  expect(response.headers.get("content-disposition")).toMatch(
    /^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.zip"$/,
  );
  const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const files = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
  return { status: 200, files };
}

describe("a patient's download", () => {
  it("holds the FHIR bundle, the CSVs, the routine history, the messages and the access log, with a README", async () => {
    const { files } = await zipOf(patient);
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        "access-log.json",
        "clinical-notes.txt",
        "fhir-bundle.json",
        "messages.json",
        "outcomes.csv",
        "pain.csv",
        "profile.json",
        "routine-history.json",
        "sessions.csv",
      ].sort(),
    );
    expect(files["sessions.csv"]).toContain(sessionId);
    expect(files["pain.csv"]).toContain("LOWER_BACK");
    const bundle = JSON.parse(files["fhir-bundle.json"] ?? "{}");
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    expect(JSON.parse(files["messages.json"] ?? "[]")).toEqual([
      expect.objectContaining({
        from: "Sam Okafor",
        fromRole: "physiotherapist",
        text: "Lovely form today.",
      }),
    ]);
    expect(JSON.parse(files["profile.json"] ?? "{}")).toMatchObject({
      name: "Alex Rivera",
      email: patient.email,
      careLinks: [expect.objectContaining({ physiotherapist: "Sam Okafor", status: "active" })],
    });
    expect(files["README.txt"]).toContain("Why clinical notes are not included");
  });

  it("says the clinical notes exist, by whom and whom to ask, without their text", async () => {
    const { files } = await zipOf(patient);
    expect(files["clinical-notes.txt"]).toContain("- Sam Okafor: 2 notes, written from");
    expect(files["clinical-notes.txt"]).toContain("ask them or");
    const everything = Object.values(files).join("\n");
    expect(everything).not.toContain("Private:");
  });

  it("holds nothing of another patient", async () => {
    const { files } = await zipOf(patient);
    const everything = Object.values(files).join("\n");
    expect(everything).not.toContain(other.id);
    expect(everything).not.toContain(otherSessionId);
    expect(everything).not.toContain("Jordan Blake");
  });

  it("is audited and listed in the patient's own access log", async () => {
    await zipOf(patient);
    const rows = await testDb().auditEvent.count({
      where: {
        actorKey: await auditKey(patient),
        patientKey: await auditKey(patient),
        action: "DATA_DOWNLOADED",
      },
    });
    expect(rows).toBeGreaterThan(0);
    signInAs(patient);
    const log = await listAccessLog(1);
    expect(log.items.some((entry) => entry.what === "Downloaded a copy of your data")).toBe(true);
  });
});

describe("a physiotherapist's download", () => {
  it("holds their profile, links and what they wrote, and none of their patients' own records", async () => {
    const { files } = await zipOf(physio);
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        "care-links.json",
        "clinical-notes.json",
        "messages.json",
        "prescriptions.json",
        "profile.json",
        "questionnaire-requests.json",
      ].sort(),
    );
    expect(JSON.parse(files["clinical-notes.json"] ?? "[]")).toHaveLength(2);
    expect(files["clinical-notes.json"]).toContain("Private: review in 2 weeks.");
    expect(files["messages.json"]).toContain("Lovely form today.");
    const everything = Object.values(files).join("\n");
    expect(everything).not.toContain(sessionId);
    expect(everything).not.toContain(otherSessionId);
    expect(everything).not.toContain(patient.id);
  });
});

describe("callers without a full session", () => {
  it("answers 401 to nobody and to a half-signed-in session, with nothing in it", async () => {
    expect((await zipOf(null)).status).toBe(401);
    actAs({ ...physio, sessionId: `half-${physio.id}` });
    const response = await download();
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
