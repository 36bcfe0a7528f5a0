import { describe, expect, it } from "vitest";
import { isHealthy } from "@/lib/data/health";
import { createPrismaClient } from "@/lib/db/client";
import { seedCatalog } from "../../prisma/seed/catalog";
import { demoAccounts, seedDemo } from "../../prisma/seed/demo";
import { testDb } from "../support/factories";
import { testProvider } from "../support/test-database";

// SQLite only: PostgreSQL has no per-connection settings of this kind.
if (testProvider() === "sqlite") {
  it("runs SQLite in WAL mode with foreign keys and a busy timeout, read back on connect", async () => {
    const client = createPrismaClient(process.env.DATABASE_URL);
    const read = async (pragma: string) =>
      String(
        Object.values(
          (await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}`))[0] ?? {},
        )[0],
      );
    expect(await read("journal_mode")).toBe("wal");
    expect(await read("foreign_keys")).toBe("1");
    expect(await read("busy_timeout")).toBe("5000");
    await client.$disconnect();
  });
}

describe("the database", () => {
  it("rejects a row that points at a user who does not exist", async () => {
    await expect(
      testDb().painEntry.create({
        data: {
          patientId: "no-such-user",
          rating: 3,
          region: "LOWER_BACK",
          context: "CHECK_IN",
          recordedAt: new Date(),
          clientRequestId: "r1",
        },
      }),
    ).rejects.toThrow();
  });

  it("is healthy when every migration is applied, and unhealthy when one is missing", async () => {
    expect(await isHealthy()).toBe(true);
    const [latest] = await testDb().$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    await testDb().$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = finished_at WHERE id = '${latest?.id}'`,
    );
    expect(await isHealthy()).toBe(false);
    await testDb().$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = '${latest?.id}'`,
    );
    expect(await isHealthy()).toBe(true);
  });
});

describe("the demo data", () => {
  it("gives the demo patient at least 90 days of sessions and pain entries, and the physiotherapist three patients", async () => {
    const db = testDb();
    await seedCatalog(db);
    expect(await seedDemo(db, "demo password for tests")).toBe(true);
    const patient = await db.user.findUniqueOrThrow({ where: { email: demoAccounts.patient.email } });
    const physio = await db.user.findUniqueOrThrow({ where: { email: demoAccounts.physio.email } });
    const first = await db.painEntry.findFirstOrThrow({
      where: { patientId: patient.id },
      orderBy: { recordedAt: "asc" },
    });
    const days = (Date.now() - first.recordedAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(90);
    expect(await db.exerciseSession.count({ where: { patientId: patient.id } })).toBeGreaterThan(60);
    expect(await db.sessionEntry.count({ where: { session: { patientId: patient.id } } })).toBeGreaterThan(
      200,
    );
    expect(await db.careLink.count({ where: { physioId: physio.id, status: "ACTIVE" } })).toBe(3);
    expect(await db.routineItem.count({ where: { routine: { patientId: patient.id } } })).toBe(5);
  });

  it("is left alone when it exists already", async () => {
    const db = testDb();
    const before = await db.painEntry.count();
    expect(await seedDemo(db, "demo password for tests")).toBe(false);
    expect(await db.painEntry.count()).toBe(before);
  });
});
