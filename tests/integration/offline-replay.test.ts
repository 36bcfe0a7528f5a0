import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postCheckIn } from "@/app/api/v1/check-ins/route";
import { POST as postSession } from "@/app/api/v1/sessions/route";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, signInAs, type TestUser, testDb } from "../support/factories";
import { sessionInput } from "../support/inputs";

// The routes the offline queue replays its writes to: only this site's pages may call them, only
// the patient who saved the write, once per client request id, with the forms' own per-field errors.

let patient: TestUser;
let otherPatient: TestUser;
let physio: TestUser;
let exerciseId: string;

beforeAll(async () => {
  await seedCatalog(testDb());
  exerciseId = (await testDb().exercise.findFirstOrThrow({ where: { slug: "clamshell" } })).id;
  [patient, otherPatient, physio] = await Promise.all([
    createUser("PATIENT"),
    createUser("PATIENT"),
    createUser("PHYSIO"),
  ]);
});

const site = "http://localhost:3000";

function replay(
  path: "/api/v1/sessions" | "/api/v1/check-ins",
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const request = new NextRequest(`${site}${path}`, {
    method: "POST",
    headers: { host: "localhost:3000", origin: site, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return path === "/api/v1/sessions" ? postSession(request) : postCheckIn(request);
}

async function answerOf(response: Response) {
  return {
    status: response.status,
    cache: response.headers.get("cache-control"),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const sessionsOf = (patientId: string, clientRequestId: string) =>
  testDb().exerciseSession.count({ where: { patientId, clientRequestId } });
const checkInsOf = (patientId: string, clientRequestId: string) =>
  testDb().painEntry.count({ where: { patientId, clientRequestId: { startsWith: clientRequestId } } });

describe("POST /api/v1/sessions", () => {
  it("saves a guided session once, however often the same client request id is replayed", async () => {
    signInAs(patient);
    const session = { ownerId: patient.id, ...sessionInput(exerciseId) };
    const first = await answerOf(await replay("/api/v1/sessions", session));
    expect(first).toEqual({
      status: 200,
      cache: "no-store",
      body: { ok: true, message: "Session saved. Well done." },
    });
    const second = await answerOf(await replay("/api/v1/sessions", session));
    expect(second).toMatchObject({
      status: 200,
      body: { ok: true, message: "This session was already saved." },
    });
    expect(await sessionsOf(patient.id, session.clientRequestId)).toBe(1);
    const saved = await testDb().exerciseSession.findFirstOrThrow({
      where: { patientId: patient.id, clientRequestId: session.clientRequestId },
    });
    expect(saved.source).toBe("GUIDED");
  });

  it("answers bad input with the form's per-field messages and saves nothing", async () => {
    signInAs(patient);
    const session = {
      ownerId: patient.id,
      ...sessionInput(exerciseId, { painBefore: "11", entries: [] }),
    };
    const answer = await answerOf(await replay("/api/v1/sessions", session));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      ok: false,
      error: "invalid",
      errors: {
        painBefore: [expect.any(String)],
        entries: expect.arrayContaining(["Add at least one exercise."]),
      },
    });
    expect(await sessionsOf(patient.id, session.clientRequestId)).toBe(0);
  });

  it("refuses a request from another site, or with no Origin, before looking at the session", async () => {
    signInAs(patient);
    for (const headers of [
      { origin: "https://evil.example" },
      { origin: "http://localhost:3001" },
      { origin: "null" },
      { origin: "" },
    ]) {
      const session = { ownerId: patient.id, ...sessionInput(exerciseId) };
      const answer = await answerOf(await replay("/api/v1/sessions", session, headers));
      expect(answer, JSON.stringify(headers)).toMatchObject({
        status: 403,
        cache: "no-store",
        body: { ok: false, error: "cross-origin" },
      });
      expect(await sessionsOf(patient.id, session.clientRequestId)).toBe(0);
    }
  });

  it("follows X-Forwarded-Host as server actions do", async () => {
    signInAs(patient);
    const session = { ownerId: patient.id, ...sessionInput(exerciseId) };
    const behindProxy = { origin: "https://coach.example", "x-forwarded-host": "coach.example" };
    expect((await replay("/api/v1/sessions", session, behindProxy)).status).toBe(200);
    expect(await sessionsOf(patient.id, session.clientRequestId)).toBe(1);
  });

  it("answers 401 without a session, 404 to a physiotherapist, and saves nothing", async () => {
    for (const [user, status, error] of [
      [null, 401, "signed-out"],
      [physio, 404, "not-found"],
    ] as const) {
      signInAs(user);
      const session = { ownerId: user?.id ?? patient.id, ...sessionInput(exerciseId) };
      const answer = await answerOf(await replay("/api/v1/sessions", session));
      expect(answer).toMatchObject({ status, cache: "no-store", body: { ok: false, error } });
      expect(
        await testDb().exerciseSession.count({ where: { clientRequestId: session.clientRequestId } }),
      ).toBe(0);
    }
  });

  it("refuses a write saved on the device by someone else", async () => {
    signInAs(otherPatient);
    for (const ownerId of [patient.id, undefined]) {
      const session = { ownerId, ...sessionInput(exerciseId) };
      const answer = await answerOf(await replay("/api/v1/sessions", session));
      expect(answer).toMatchObject({ status: 409, body: { ok: false, error: "other-user" } });
      expect(
        await testDb().exerciseSession.count({ where: { clientRequestId: session.clientRequestId } }),
      ).toBe(0);
    }
  });

  it("refuses a body that is not JSON, or over 64 KiB", async () => {
    signInAs(patient);
    const notJson = await replay("/api/v1/sessions", "clientRequestId=x", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(notJson.status).toBe(415);
    const broken = await answerOf(await replay("/api/v1/sessions", "{not json"));
    expect(broken).toMatchObject({ status: 422, body: { error: "invalid" } });
    const huge = { ownerId: patient.id, ...sessionInput(exerciseId, { notes: "x".repeat(70 * 1024) }) };
    const tooLarge = await answerOf(await replay("/api/v1/sessions", huge));
    expect(tooLarge).toMatchObject({ status: 413, body: { error: "too-large" } });
    expect(await sessionsOf(patient.id, huge.clientRequestId)).toBe(0);
  });
});

describe("POST /api/v1/check-ins", () => {
  it("saves a check-in once, however often it is replayed", async () => {
    signInAs(patient);
    const checkIn = { ownerId: patient.id, clientRequestId: randomUUID(), LOWER_BACK: "4", LEFT_HIP: "2" };
    const first = await answerOf(await replay("/api/v1/check-ins", checkIn));
    expect(first).toMatchObject({ status: 200, body: { ok: true, message: "Check-in saved. Thank you." } });
    const second = await answerOf(await replay("/api/v1/check-ins", checkIn));
    expect(second).toMatchObject({
      status: 200,
      body: { ok: true, message: "This check-in was already saved." },
    });
    expect(await checkInsOf(patient.id, checkIn.clientRequestId)).toBe(2);
  });

  it("answers bad input per field, and refuses other sites, other roles and other people", async () => {
    signInAs(patient);
    const empty = { ownerId: patient.id, clientRequestId: randomUUID() };
    expect(await answerOf(await replay("/api/v1/check-ins", empty))).toMatchObject({
      status: 422,
      body: { error: "invalid", errors: { LOWER_BACK: ["Rate at least one area."] } },
    });
    const checkIn = { ownerId: patient.id, clientRequestId: randomUUID(), LOWER_BACK: "3" };
    expect((await replay("/api/v1/check-ins", checkIn, { origin: "https://evil.example" })).status).toBe(403);
    signInAs(physio);
    expect((await replay("/api/v1/check-ins", { ...checkIn, ownerId: physio.id })).status).toBe(404);
    signInAs(otherPatient);
    expect((await replay("/api/v1/check-ins", checkIn)).status).toBe(409);
    signInAs(null);
    expect((await replay("/api/v1/check-ins", checkIn)).status).toBe(401);
    expect(
      await testDb().painEntry.count({ where: { clientRequestId: { startsWith: checkIn.clientRequestId } } }),
    ).toBe(0);
  });
});
