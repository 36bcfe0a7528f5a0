// `npm run audit:retention`: keeps the audit trail useful without letting automatic and routine
// reads grow it forever. Individual read events older than the retention period are folded into
// one aggregate row per physiotherapist, patient, kind of read and calendar month (UTC), written as
// new rows; the originals are then removed. Writes, refusals, sign-ins and aggregate rows are kept
// for good. Runs as the database owner: the app's role may not delete audit rows, and the
// append-only triggers are lifted for this one transaction only.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../db/client.ts";
import { providerOf } from "../db/provider.ts";

/** Individual read events are kept this long (documented in the README, "Production"). */
export const auditReadRetentionMonths = 24;

// The read actions of lib/data/audit.ts (kept in step by tests/integration/audit-retention.test.ts).
export const readActions = [
  "READ_CASELOAD_SUMMARY",
  "READ_OVERVIEW",
  "READ_SUMMARY",
  "READ_PROGRESS",
  "READ_ROUTINE",
  "READ_SESSIONS",
  "READ_PAIN",
  "READ_NOTES",
  "READ_COMMENTS",
  "READ_OUTCOMES",
];
const backgroundRefreshDetail = "background refresh";
const aggregatePrefix = "retention:";

export function retentionCutoff(now: Date, months = auditReadRetentionMonths): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
}

const sqliteTriggers = [
  `CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent rows are append-only');
END`,
  `CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent rows are append-only');
END`,
];

export type RetentionResult = { aggregated: number; removed: number; cutoff: Date };

export async function runAuditRetention(ownerUrl: string, now = new Date()): Promise<RetentionResult> {
  const cutoff = retentionCutoff(now);
  const postgres = providerOf(ownerUrl) === "postgresql";
  const db = createPrismaClient(ownerUrl);
  try {
    return await db.$transaction(
      async (tx) => {
        const old = await tx.auditEvent.findMany({
          where: {
            action: { in: readActions },
            outcome: "SUCCESS",
            at: { lt: cutoff },
            OR: [{ onceKey: null }, { NOT: { onceKey: { startsWith: aggregatePrefix } } }],
          },
          select: {
            id: true,
            actorKey: true,
            actorRole: true,
            action: true,
            patientKey: true,
            detail: true,
            at: true,
          },
          orderBy: { at: "asc" },
        });
        if (old.length === 0) return { aggregated: 0, removed: 0, cutoff };
        type Group = {
          first: (typeof old)[number];
          last: Date;
          count: number;
          background: boolean;
          month: string;
        };
        const groups = new Map<string, Group>();
        for (const row of old) {
          const month = row.at.toISOString().slice(0, 7);
          const background = row.detail === backgroundRefreshDetail;
          const key = [row.actorKey, row.patientKey, row.action, month, background].join("|");
          const group = groups.get(key);
          if (group) {
            group.count++;
            group.last = row.at;
          } else groups.set(key, { first: row, last: row.at, count: 1, background, month });
        }
        for (const [key, group] of groups) {
          const { first } = group;
          await tx.auditEvent.create({
            data: {
              id: randomUUID(),
              actorKey: first.actorKey,
              actorRole: first.actorRole,
              action: first.action,
              patientKey: first.patientKey,
              outcome: "SUCCESS",
              // Background refreshes stay marked as such, so they are still not counted as looks.
              detail: group.background
                ? backgroundRefreshDetail
                : `${group.count} read(s) in ${group.month}, ${first.at.toISOString()} to ${group.last.toISOString()}`,
              onceKey: `${aggregatePrefix}${key}:${randomUUID()}`,
              at: first.at,
            },
          });
        }
        if (postgres)
          await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
        else {
          await tx.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_no_update"`);
          await tx.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_no_delete"`);
        }
        let removed = 0;
        const ids = old.map((row) => row.id);
        for (let start = 0; start < ids.length; start += 500) {
          removed += (
            await tx.auditEvent.deleteMany({ where: { id: { in: ids.slice(start, start + 500) } } })
          ).count;
        }
        if (postgres)
          await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
        else for (const trigger of sqliteTriggers) await tx.$executeRawUnsafe(trigger);
        return { aggregated: groups.size, removed, cutoff };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } finally {
    await db.$disconnect();
  }
}
