import { beforeAll, describe, expect, it } from "vitest";
import { listAccessLog } from "@/lib/data/access-log";
import { auditedReads, backgroundRefreshDetail } from "@/lib/data/audit";
import { auditReadRetentionMonths, readActions, runAuditRetention } from "@/lib/ops/audit-retention";
import { auditKey, createUser, linkCare, signInAs, type TestUser, testDb } from "../support/factories";

// `npm run audit:retention`: read events older than the documented period are folded into new
// aggregate rows and removed, as the owner; everything else stays, and the trail is append-only again.

const now = new Date("2026-12-02T10:00:00.000Z");
let patient: TestUser;
let physio: TestUser;

async function event(action: string, at: string, detail: string | null = null) {
  return testDb().auditEvent.create({
    data: {
      actorKey: await auditKey(physio),
      actorRole: "PHYSIO",
      action,
      patientKey: await auditKey(patient),
      outcome: "SUCCESS",
      detail,
      at: new Date(at),
    },
  });
}

beforeAll(async () => {
  [patient, physio] = await Promise.all([
    createUser("PATIENT"),
    createUser("PHYSIO", { name: "Noor Haddad" }),
  ]);
  await linkCare(physio.id, patient.id);
});

describe("audit retention", () => {
  it("knows every read action of the app", () => {
    expect([...readActions].sort()).toEqual(Object.keys(auditedReads).sort());
    expect(auditReadRetentionMonths).toBe(24);
  });

  it("folds old reads into aggregate rows, keeps writes and recent reads, and leaves the trail append-only", async () => {
    const oldReads = [
      await event("READ_SESSIONS", "2024-01-03T09:00:00.000Z"),
      await event("READ_SESSIONS", "2024-01-10T09:00:00.000Z"),
      await event("READ_SESSIONS", "2024-01-29T17:30:00.000Z"),
      await event("READ_CASELOAD_SUMMARY", "2024-01-05T08:00:00.000Z", backgroundRefreshDetail),
      await event("READ_CASELOAD_SUMMARY", "2024-01-05T09:00:00.000Z", backgroundRefreshDetail),
    ];
    const kept = [
      await event("COMMENT_ADDED", "2024-01-10T09:05:00.000Z"),
      await event("READ_SESSIONS", "2025-06-01T09:00:00.000Z"),
    ];

    expect(await runAuditRetention(process.env.DATABASE_URL ?? "", now)).toEqual({
      aggregated: 2,
      removed: 5,
      cutoff: new Date("2024-12-01T00:00:00.000Z"),
    });

    const rows = await testDb().auditEvent.findMany({ orderBy: [{ at: "asc" }, { action: "asc" }] });
    expect(rows.filter((row) => oldReads.some((old) => old.id === row.id))).toEqual([]);
    for (const row of kept) expect(rows).toContainEqual(row);
    const aggregates = rows.filter((row) => row.onceKey?.startsWith("retention:"));
    expect(aggregates.map((row) => [row.action, row.at.toISOString(), row.detail, row.patientKey])).toEqual([
      [
        "READ_SESSIONS",
        "2024-01-03T09:00:00.000Z",
        "3 read(s) in 2024-01, 2024-01-03T09:00:00.000Z to 2024-01-29T17:30:00.000Z",
        await auditKey(patient),
      ],
      ["READ_CASELOAD_SUMMARY", "2024-01-05T08:00:00.000Z", backgroundRefreshDetail, await auditKey(patient)],
    ]);

    // Run again: nothing left to fold, aggregates are not folded twice.
    expect(await runAuditRetention(process.env.DATABASE_URL ?? "", now)).toMatchObject({
      aggregated: 0,
      removed: 0,
    });
    await expect(
      testDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = '${kept[0]?.id}'`),
    ).rejects.toThrow(/append-only/);
    expect(await testDb().auditEvent.count({ where: { id: kept[0]?.id } })).toBe(1);

    // The patient still sees that this physiotherapist looked at their sessions in January 2024.
    signInAs(patient);
    const log = await listAccessLog(1);
    expect(log.items.map((entry) => [entry.who, entry.what, entry.at.toISOString()])).toEqual(
      [
        ["Noor Haddad", "Looked at your sessions", "2025-06-01T09:00:00.000Z"],
        ["Noor Haddad", "Looked at your sessions", "2024-01-03T09:00:00.000Z"],
        ["Noor Haddad", "Commented on your session", "2024-01-10T09:05:00.000Z"],
      ].sort((a, b) => (b[2] ?? "").localeCompare(a[2] ?? "")),
    );
  });
});
