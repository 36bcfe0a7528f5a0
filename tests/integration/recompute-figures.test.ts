import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCaseloadRoute } from "@/app/api/caseload/route";
import { GET as getProgressRoute } from "@/app/api/patients/[patientId]/progress/route";
import { type CaseloadRow, getCaseload } from "@/lib/data/caseload";
import { getProgress } from "@/lib/data/progress";
import { seedCatalog } from "../../prisma/seed/catalog";
import { demoAccounts, seedDemo } from "../../prisma/seed/demo";
import { type PatientFigures, recomputeFigures } from "../../scripts/recompute-figures";
import { compareProgress, sqliteFileOfDemo } from "../support/demo-figures";
import { passSecondFactor, signInAs, type TestUser, testDb } from "../support/factories";

// "Done when": the demo's figures, recomputed from the database by a script that shares no code
// with the app, match what the progress pages, the caseload, the record and their route handlers
// show. Four months of demo history before 8 April 2026 cross the clock change of 29 March.
const now = new Date("2026-04-08T11:00:00Z");
const ranges = ["2w", "3m"] as const;
let figures: PatientFigures[];
let physio: TestUser;

const asUser = async (email: string): Promise<TestUser> => {
  const user = await passSecondFactor(await testDb().user.findUniqueOrThrow({ where: { email } }));
  return { ...user, role: user.role as TestUser["role"], password: "" };
};

beforeAll(async () => {
  await seedCatalog(testDb());
  expect(await seedDemo(testDb(), "demo password for tests", now)).toBe(true);
  figures = recomputeFigures(await sqliteFileOfDemo(), now);
  physio = await asUser(demoAccounts.physio.email);
}, 120_000);

function compareCaseloadRow(row: CaseloadRow | undefined, expected: PatientFigures) {
  expect(row).toBeDefined();
  expect(row?.adherence7 ?? null).toEqual(expected.caseload.adherence7);
  expect(row?.adherence30 ?? null).toEqual(expected.caseload.adherence30);
  expect(expected.caseload.latestPain.length).toBeGreaterThan(0);
  // Latest pain per area, worst first: the same ratings, and never a milder area ahead of a worse one.
  const shown = (row?.pain ?? []).map(({ area, rating, at, context }) => ({ area, rating, at, context }));
  const byArea = (a: { area: string }, b: { area: string }) => a.area.localeCompare(b.area);
  expect([...shown].sort(byArea)).toEqual([...expected.caseload.latestPain].sort(byArea));
  expect(shown.map((pain) => pain.rating)).toEqual(expected.caseload.latestPain.map((pain) => pain.rating));
}

describe("the demo's figures, recomputed without the app's code", () => {
  it("cover the three demo patients, with weeks due, ratings and trends to compare", () => {
    expect(figures.map((f) => f.email)).toEqual([
      demoAccounts.patient.email,
      ...demoAccounts.otherPatients.map((p) => p.email),
    ]);
    const alex = figures[0];
    expect(alex?.ranges["3m"].weeks.filter((week) => week.due > 0).length).toBeGreaterThan(10);
    expect(alex?.ranges["3m"].beforeAfter.sessions).toBeGreaterThan(30);
    expect(
      Object.values(alex?.ranges["3m"].pain ?? {}).some((area) => area.trend.direction !== "too-few"),
    ).toBe(true);
  });

  it.each(ranges)("match the patient's progress page for %s", async (range) => {
    for (const expected of figures) {
      signInAs(await asUser(expected.email));
      compareProgress(await getProgress(expected.patientId, range, now), expected, range);
    }
  });

  it.each(ranges)("match the physiotherapist's view of each record for %s", async (range) => {
    signInAs(physio);
    for (const expected of figures) {
      compareProgress(await getProgress(expected.patientId, range, now), expected, range);
    }
  });

  it("match the caseload's adherence and latest pain per area for every demo patient", async () => {
    signInAs(physio);
    const rows = await getCaseload(now);
    for (const expected of figures)
      compareCaseloadRow(
        rows.find((r) => r.patientId === expected.patientId),
        expected,
      );
  });
});

describe("the route handlers", () => {
  it("send what the data functions return, so the pages and the handlers show the same figures", async () => {
    const expected = figures[0];
    if (!expected) throw new Error("no demo patient");
    signInAs(await asUser(expected.email));
    const response = await getProgressRoute(
      new Request(`http://localhost/api/patients/${expected.patientId}/progress?range=3m`),
      { params: Promise.resolve({ patientId: expected.patientId }) },
    );
    expect(await response.json()).toEqual(
      JSON.parse(JSON.stringify(await getProgress(expected.patientId, "3m"))),
    );
    signInAs(physio);
    const caseload = await getCaseloadRoute();
    expect(await caseload.json()).toEqual(JSON.parse(JSON.stringify(await getCaseload())));
  });
});
