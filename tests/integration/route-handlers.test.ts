import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getCaseloadRoute } from "@/app/api/caseload/route";
import { GET as getHealthRoute } from "@/app/api/health/route";
import { GET as getProgressRoute } from "@/app/api/patients/[patientId]/progress/route";
import { getProgress } from "@/lib/data/progress";
import { createUser, linkCare, signInAs, type TestUser } from "../support/factories";

// The data layer as it is, with a way to make one read fail the way a dropped connection would.
vi.mock("@/lib/data/progress", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/data/progress")>();
  return { ...real, getProgress: vi.fn(real.getProgress) };
});

// Every route handler answers JSON with no-store, "not found" as 404 (never 500), and nothing
// about the server when something breaks.

let patient: TestUser;
let otherPatient: TestUser;
let physio: TestUser;

beforeAll(async () => {
  [patient, otherPatient, physio] = await Promise.all([
    createUser("PATIENT"),
    createUser("PATIENT"),
    createUser("PHYSIO"),
  ]);
  await linkCare(physio.id, patient.id);
});

function progressOf(patientId: string): Promise<Response> {
  const url = `http://localhost/api/patients/${encodeURIComponent(patientId)}/progress?range=3m`;
  return getProgressRoute(new Request(url), { params: Promise.resolve({ patientId }) });
}

async function jsonOf(response: Response): Promise<{ status: number; cache: string | null; body: unknown }> {
  return {
    status: response.status,
    cache: response.headers.get("cache-control"),
    body: await response.json(),
  };
}

const notFound = { status: 404, cache: "no-store", body: { message: "Not found." } };

const malformedIds = [
  "no-such-patient",
  "x".repeat(300),
  "../../etc/passwd",
  "' OR '1'='1",
  "%00",
  "\u0000",
  "患者🙂",
  " ",
];

describe("GET /api/patients/[patientId]/progress", () => {
  it("answers the patient and their linked physiotherapist with the data", async () => {
    for (const user of [patient, physio]) {
      signInAs(user);
      expect(await jsonOf(await progressOf(patient.id))).toMatchObject({
        status: 200,
        cache: "no-store",
        body: { range: "3m" },
      });
    }
  });

  it("answers 404 JSON, never 500, for another patient's id", async () => {
    for (const user of [otherPatient, physio]) {
      signInAs(user);
      const asked = user === physio ? otherPatient.id : patient.id;
      expect(await jsonOf(await progressOf(asked))).toEqual(notFound);
    }
  });

  it.each(malformedIds)("answers 404 JSON, never 500, for the made-up id %j", async (id) => {
    for (const user of [patient, physio]) {
      signInAs(user);
      expect(await jsonOf(await progressOf(id))).toEqual(notFound);
    }
  });

  it("answers 401 JSON to someone signed out, whatever the id", async () => {
    signInAs(null);
    for (const id of [patient.id, "no-such-patient"]) {
      expect(await jsonOf(await progressOf(id))).toEqual({
        status: 401,
        cache: "no-store",
        body: { message: "Sign in to see progress." },
      });
    }
  });

  it("answers an unexpected failure with 500 and a plain sentence: no stack, no internals", async () => {
    const failure = new Error("connect ECONNREFUSED 10.0.0.5:5432 at /srv/app/lib/db.ts:12");
    vi.mocked(getProgress).mockRejectedValueOnce(failure);
    signInAs(patient);
    const response = await progressOf(patient.id);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(JSON.parse(text)).toEqual({ message: "Something went wrong. Please try again." });
    expect(text).not.toMatch(/ECONNREFUSED|lib\/db|at \//);
  });
});

describe("GET /api/caseload", () => {
  it("answers the physiotherapist with their patients", async () => {
    signInAs(physio);
    const answered = await jsonOf(await getCaseloadRoute());
    expect(answered).toMatchObject({ status: 200, cache: "no-store" });
    expect((answered.body as { patientId: string }[]).map((row) => row.patientId)).toEqual([patient.id]);
  });

  it("answers a patient 404 JSON, as if the address did not exist", async () => {
    signInAs(patient);
    expect(await jsonOf(await getCaseloadRoute())).toEqual(notFound);
  });

  it("answers 401 JSON to someone signed out", async () => {
    signInAs(null);
    expect(await jsonOf(await getCaseloadRoute())).toEqual({
      status: 401,
      cache: "no-store",
      body: { message: "Sign in to see your patients." },
    });
  });
});

describe("GET /api/health", () => {
  it("answers 200 JSON with nothing but a yes on a migrated database", async () => {
    expect(await jsonOf(await getHealthRoute())).toEqual({
      status: 200,
      cache: "no-store",
      body: { status: "ok" },
    });
  });
});
