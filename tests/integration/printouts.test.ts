import { beforeAll, describe, expect, it } from "vitest";
import { generalSafetyAdvice } from "@/lib/catalog/exercises";
import { listAccessLog } from "@/lib/data/access-log";
import { getPrintableRoutine, getProgressReport } from "@/lib/data/printouts";
import { addDays, localDate } from "@/lib/domain/calendar";
import { outcomeTrend } from "@/lib/domain/outcomes";
import { minimumReportDays } from "@/lib/domain/report-period";
import { seedCatalog } from "../../prisma/seed/catalog";
import { demoAccounts, seedDemo } from "../../prisma/seed/demo";
import { type PatientFigures, recomputeFigures } from "../../scripts/recompute-figures";
import { compareProgress, sqliteFileOfDemo } from "../support/demo-figures";
import { auditKey, passSecondFactor, signInAs, type TestUser, testDb } from "../support/factories";

// Issue 15, items 1, 2 and 6: the printed home programme and the progress report hold what the
// database holds for the demo patient (the figures recomputed without the app's code), the
// physiotherapist's notes only when they ask, and every opening is in the audit trail.
const now = new Date("2026-04-08T11:00:00Z");
let figures: PatientFigures;
let alex: TestUser;
let physio: TestUser;

const asUser = async (email: string): Promise<TestUser> => {
  const user = await passSecondFactor(await testDb().user.findUniqueOrThrow({ where: { email } }));
  return { ...user, role: user.role as TestUser["role"], password: "" };
};

beforeAll(async () => {
  await seedCatalog(testDb());
  expect(await seedDemo(testDb(), "demo password for tests", now)).toBe(true);
  const all = recomputeFigures(await sqliteFileOfDemo(), now);
  alex = await asUser(demoAccounts.patient.email);
  physio = await asUser(demoAccounts.physio.email);
  figures = all.find((f) => f.patientId === alex.id) as PatientFigures;
}, 120_000);

async function printEvents(action: string, actor: TestUser) {
  return testDb().auditEvent.findMany({
    where: { action, actorKey: await auditKey(actor), patientKey: await auditKey(alex) },
    select: { actorRole: true, outcome: true, detail: true },
  });
}

describe("the printed home programme", () => {
  it("lists the routine as stored: order, dose, days, drawing, steps, cautions and who set it", async () => {
    signInAs(alex);
    const printed = await getPrintableRoutine(alex.id, now);
    const stored = await testDb().routineItem.findMany({
      where: { routine: { patientId: alex.id }, stoppedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { exercise: true, setBy: { select: { name: true } } },
    });
    expect(stored.length).toBeGreaterThan(3);
    expect(printed.patient).toEqual({ name: demoAccounts.patient.name, timeZone: "Europe/London" });
    expect(printed.printedAt).toEqual(now);
    expect(printed.audience).toBe("patient");
    expect(
      printed.items.map((item) => ({
        name: item.exercise.name,
        dose: [item.sets, item.reps, item.holdSeconds, item.perSide, item.daysOfWeek],
        illustration: item.exercise.illustration,
        steps: item.exercise.steps,
        cautions: item.exercise.cautions,
        setBy: [item.setBy.name, item.setBy.role],
      })),
    ).toEqual(
      stored.map((row) => ({
        name: row.exercise.name,
        dose: [row.sets, row.reps, row.holdSeconds, row.perSide, row.daysOfWeek],
        illustration: row.exercise.illustration,
        steps: JSON.parse(row.exercise.steps),
        cautions: JSON.parse(row.exercise.cautions),
        setBy: [row.setBy.name, row.setByRole],
      })),
    );
    // Both kinds of provenance in the demo: prescribed by the physiotherapist, added by Alex.
    expect(new Set(printed.items.map((item) => item.setBy.role))).toEqual(new Set(["PATIENT", "PHYSIO"]));
    expect(generalSafetyAdvice.length).toBeGreaterThan(0);
  });

  it("records each opening: the physiotherapist's shows in Alex's access log, Alex's own does not", async () => {
    signInAs(alex);
    await getPrintableRoutine(alex.id, now);
    signInAs(physio);
    const printed = await getPrintableRoutine(alex.id, now);
    expect(printed.audience).toBe("physio");
    expect(await printEvents("ROUTINE_PRINTED", physio)).toEqual([
      { actorRole: "PHYSIO", outcome: "SUCCESS", detail: null },
    ]);
    expect((await printEvents("ROUTINE_PRINTED", alex)).length).toBeGreaterThanOrEqual(2);

    signInAs(alex);
    const log = await listAccessLog(1);
    const prints = log.items.filter((entry) => entry.what.includes("home programme"));
    expect(prints.map(({ who, role, what, kind }) => ({ who, role, what, kind }))).toEqual([
      {
        who: demoAccounts.physio.name,
        role: "PHYSIO",
        what: "Opened your home programme to print or save as PDF",
        kind: "event",
      },
    ]);
  });
});

describe("the progress report", () => {
  it.each(["2w", "3m"] as const)(
    "for the %s the progress page shows, has the same figures, recomputed without the app's code",
    async (range) => {
      const { from, to } = figures.ranges[range];
      for (const user of [alex, physio]) {
        signInAs(user);
        const answer = await getProgressReport(alex.id, { from, to }, now);
        if (!answer.ok) throw new Error(JSON.stringify(answer.errors));
        expect(answer.report.period).toEqual({ from, to });
        compareProgress(answer.report.progress, figures, range);
      }
    },
  );

  it("words the pain trend by the charts' rule, for the period's first and last 7 days", async () => {
    signInAs(alex);
    const { from, to } = figures.ranges["3m"];
    const answer = await getProgressReport(alex.id, { from, to }, now);
    if (!answer.ok) throw new Error("refused");
    const { summary, trends } = answer.report.progress.pain;
    expect(summary.startsWith("Comparing the first 7 days of this period against the last 7: ")).toBe(true);
    // "Better" only for a fall of 2 points or more between two 7-day averages, as on the charts.
    for (const { area, trend } of trends) {
      const expected = figures.ranges["3m"].pain[area]?.trend;
      expect(trend.direction).toBe(expected?.direction);
    }
    expect(summary).toMatch(/Better or worse means the 7-day average changed by 2 points or more/);
    expect(summary).not.toMatch(/improv/i);
  });

  it("lists the outcome answers, routine changes and (when asked) notes of the period as stored", async () => {
    const note = await testDb().clinicalNote.findFirstOrThrow({ where: { patientId: alex.id } });
    const from = localDate(note.createdAt, "Europe/London");
    const to = localDate(now, "Europe/London");
    signInAs(physio);
    const answer = await getProgressReport(alex.id, { from, to, notes: true }, now);
    if (!answer.ok) throw new Error(JSON.stringify(answer.errors));
    const { report } = answer;

    const responses = (
      await testDb().outcomeResponse.findMany({
        where: { patientId: alex.id },
        orderBy: { completedAt: "asc" },
      })
    ).filter((row) => {
      const date = localDate(row.completedAt, "Europe/London");
      return date >= from && date <= to;
    });
    expect(responses.length).toBeGreaterThan(0);
    expect(
      report.outcomes.flatMap((series) => series.points.map((point) => [point.id, point.score])),
    ).toEqual(
      // Grouped by instrument in the app's instrument order, oldest first within each.
      report.outcomes.flatMap((series) =>
        responses.filter((row) => row.instrument === series.instrument).map((row) => [row.id, row.score]),
      ),
    );
    expect(new Set(report.outcomes.map((series) => series.instrument))).toEqual(
      new Set(responses.map((row) => row.instrument)),
    );
    for (const series of report.outcomes) {
      const own = responses.filter((row) => row.instrument === series.instrument);
      const trend = outcomeTrend(
        own.map((row) => ({
          instrument: row.instrument,
          score: row.score,
          completedAt: row.completedAt,
          ...(row.instrument === "PSFS"
            ? {
                activities: (
                  JSON.parse(row.answers).activities as { name: string; rating: number | null }[]
                ).filter(
                  (activity): activity is { name: string; rating: number } =>
                    typeof activity.rating === "number",
                ),
              }
            : {}),
        })),
      );
      expect(series.trend?.change).toEqual(trend?.change);
      expect(series.trend?.direction).toEqual(trend?.direction);
    }

    const start = new Date(`${from}T00:00:00Z`);
    const changes = await testDb().routineItemVersion.findMany({
      where: { patientId: alex.id },
      orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      include: { exercise: { select: { name: true } } },
    });
    // London is on UTC in winter and spring until 29 March: the period starts at midnight UTC.
    const inPeriod = changes.filter((change) => change.createdAt >= start && change.createdAt <= now);
    expect(inPeriod.length).toBeGreaterThan(0);
    expect(report.routineChanges.map((change) => [change.at, change.change, change.exerciseName])).toEqual(
      inPeriod.map((change) => [change.createdAt, change.change, change.exercise.name]),
    );

    const notes = await testDb().clinicalNote.findMany({
      where: { patientId: alex.id, physioId: physio.id },
      orderBy: { createdAt: "desc" },
    });
    expect(report.notes?.map((n) => [n.id, n.body])).toEqual(notes.map((n) => [n.id, n.body]));
    expect(report.notesOutside).toBe(0);
    // A shorter period leaves older notes out, and says how many, so none is missed unknowingly.
    const recent = figures.ranges["2w"];
    const later = await getProgressReport(alex.id, { ...recent, notes: true }, now);
    if (!later.ok) throw new Error(JSON.stringify(later.errors));
    const inRecent = notes.filter((note) => localDate(note.createdAt, "Europe/London") >= recent.from);
    expect(later.report.notes?.map((n) => n.id)).toEqual(inRecent.map((n) => n.id));
    expect(later.report.notesOutside).toBe(notes.length - inRecent.length);
    expect(later.report.notesOutside).toBeGreaterThan(0);

    // Without the box ticked there are no notes; the patient's own report never has them.
    const without = await getProgressReport(alex.id, { from, to }, now);
    expect(without.ok && without.report.notes).toBeNull();
    signInAs(alex);
    const own = await getProgressReport(alex.id, { from, to, notes: true }, now);
    expect(own.ok && own.report.notes).toBeNull();
    expect(own.ok && own.report.audience).toBe("patient");
  });

  it("records each opening with its period, and the physiotherapist's shows in Alex's access log", async () => {
    const period = figures.ranges["2w"];
    signInAs(physio);
    const before = (await printEvents("REPORT_PRINTED", physio)).length;
    await getProgressReport(alex.id, { ...period, notes: true }, now);
    const events = await printEvents("REPORT_PRINTED", physio);
    expect(events.length).toBe(before + 1);
    expect(events).toContainEqual({
      actorRole: "PHYSIO",
      outcome: "SUCCESS",
      detail: `${period.from} to ${period.to}, with clinical notes`,
    });
    signInAs(alex);
    const log = await listAccessLog(1);
    expect(
      log.items.some((entry) => entry.what === "Opened your progress report to print or save as PDF"),
    ).toBe(true);
    expect(log.items.every((entry) => entry.role === "PHYSIO")).toBe(true);
  });

  it("folds the same printout opened again that day into one counted line of the access log", async () => {
    const period = figures.ranges["2w"];
    signInAs(alex);
    const count = async () =>
      (await listAccessLog(1)).items.find(
        (entry) => entry.what === "Opened your progress report to print or save as PDF",
      )?.count ?? 0;
    const before = await count();
    signInAs(physio);
    await getProgressReport(alex.id, period, now);
    await getProgressReport(alex.id, period, now);
    signInAs(alex);
    const lines = (await listAccessLog(1)).items.filter(
      (entry) => entry.what === "Opened your progress report to print or save as PDF",
    );
    expect(lines).toHaveLength(1);
    expect(await count()).toBe(before + 2);
  });

  it("answers a bad period with a sentence per field, and records nothing as printed", async () => {
    signInAs(physio);
    const today = localDate(now, "Europe/London");
    const before = (await printEvents("REPORT_PRINTED", physio)).length;
    const cases: [{ from?: string; to?: string }, Record<string, string>][] = [
      [{ from: "2026-02-30", to: today }, { from: "Enter the first day as a date, for example 2026-09-01." }],
      [{ from: "yesterday", to: today }, { from: "Enter the first day as a date, for example 2026-09-01." }],
      [
        { from: "2026-01-01", to: "2026-13-01" },
        { to: "Enter the last day as a date, for example 2026-11-30." },
      ],
      [{ from: "2026-01-01", to: addDays(today, 1) }, { to: "The last day cannot be after today." }],
      [{ from: today, to: addDays(today, -20) }, { from: "The first day must come before the last day." }],
      [
        { from: addDays(today, -(minimumReportDays - 2)), to: today },
        { from: "Choose at least 14 days, so the pain trend can compare two different weeks." },
      ],
      [{ from: "2023-01-01", to: today }, { from: "Choose a period of two years or less." }],
    ];
    for (const [query, errors] of cases) {
      const answer = await getProgressReport(alex.id, query, now);
      expect(answer).toMatchObject({ ok: false, errors, patient: { name: demoAccounts.patient.name } });
    }
    expect((await printEvents("REPORT_PRINTED", physio)).length).toBe(before);

    // No period at all: the 3 months ending today, as the progress page opens.
    const fallback = await getProgressReport(alex.id, {}, now);
    expect(fallback.ok && fallback.report.period).toEqual({ from: addDays(today, -90), to: today });
  });
});
