import { expect } from "vitest";
import type { ProgressData } from "@/lib/data/progress";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/provider";
import type { PatientFigures } from "../../scripts/recompute-figures";
import { testDb } from "./factories";
import { createTestDatabase, testProvider } from "./test-database";

// The demo's figures recomputed by scripts/recompute-figures.ts (no app code), and the comparison
// of a page's progress figures with them: shared by the progress and the printed report tests.

/** The script reads SQLite; on the PostgreSQL suite the seeded rows are copied into a SQLite file first. */
export async function sqliteFileOfDemo(): Promise<string> {
  const url = process.env.DATABASE_URL ?? "";
  if (testProvider() === "sqlite") return sqliteFilePath(url);
  const copy = await createTestDatabase("sqlite");
  const target = createPrismaClient(copy.url);
  const models = [
    "user",
    "exercise",
    "routine",
    "routineItem",
    "routineItemVersion",
    "exerciseSession",
    "sessionEntry",
    "painEntry",
  ] as const;
  for (const model of models) {
    const delegate = (client: Db) =>
      client[model] as unknown as {
        findMany: () => Promise<object[]>;
        createMany: (args: { data: object[] }) => Promise<unknown>;
      };
    await delegate(target).createMany({ data: await delegate(testDb()).findMany() });
  }
  await target.$disconnect();
  return sqliteFilePath(copy.url);
}

export const close = (actual: number | null | undefined, expected: number | null | undefined) => {
  if (expected === null || expected === undefined) expect(actual ?? null).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
};

/** Every figure the progress charts show, against the recomputed ones. */
export function compareProgress(
  shown: Omit<ProgressData, "range">,
  expected: PatientFigures,
  range: "2w" | "3m",
) {
  const wanted = expected.ranges[range];
  expect([shown.from, shown.to]).toEqual([wanted.from, wanted.to]);
  expect(
    shown.adherence.weeks.map(({ weekStart, done, due, extra }) => ({ weekStart, done, due, extra })),
  ).toEqual(wanted.weeks);
  expect(shown.adherence.streak).toBe(expected.streak);
  expect(shown.adherence.targetPercent).toBe(expected.weeklyTargetPercent);
  expect(
    shown.volume.points.map((point) => ({
      weekStart: point.weekStart,
      total: Object.values(point.values).reduce((sum, value) => sum + value, 0),
    })),
  ).toEqual(wanted.volumePerWeek);
  expect(shown.beforeAfter.sessions).toBe(wanted.beforeAfter.sessions);
  close(shown.beforeAfter.before, wanted.beforeAfter.before);
  close(shown.beforeAfter.after, wanted.beforeAfter.after);
  expect(shown.painResponse.rows.map((row) => [row.name, row.sessions])).toEqual(
    wanted.painResponse.map((row) => [row.exercise, row.sessions]),
  );
  for (const [index, row] of shown.painResponse.rows.entries()) {
    close(row.averageChange, wanted.painResponse[index]?.averageChange);
  }

  expect([...shown.pain.areas].sort()).toEqual(Object.keys(wanted.pain));
  for (const [area, pain] of Object.entries(wanted.pain)) {
    for (const point of shown.pain.points) {
      const values = point as unknown as Record<string, number | null>;
      close(values[area], pain.daily[point.date]);
      close(values[`${area}_7d`], pain.sevenDay[point.date]);
    }
    const trend = shown.pain.trends.find((t) => t.area === area)?.trend;
    expect(trend?.direction).toBe(pain.trend.direction);
    if (trend && trend.direction !== "too-few" && pain.trend.direction !== "too-few") {
      close(trend.earlier, pain.trend.earlier);
      close(trend.later, pain.trend.later);
    } else {
      expect(trend).toEqual(pain.trend);
    }
  }
}
