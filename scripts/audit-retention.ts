// `npm run audit:retention`: see lib/ops/audit-retention.ts. Runs as the owner
// (MIGRATION_DATABASE_URL on PostgreSQL, else DATABASE_URL).
import { config } from "../lib/config.ts";
import { createPrismaClient } from "../lib/db/client.ts";
import { detachedNoteRetentionYears, purgeExpiredDetachedNotes } from "../lib/erasure/retention.ts";
import { auditReadRetentionMonths, runAuditRetention } from "../lib/ops/audit-retention.ts";

try {
  const { databaseUrl, migrationDatabaseUrl } = config();
  const result = await runAuditRetention(migrationDatabaseUrl ?? databaseUrl);
  console.log(
    `Audit retention (${auditReadRetentionMonths} months): ${result.removed} read event(s) before ${result.cutoff.toISOString().slice(0, 10)} folded into ${result.aggregated} aggregate row(s).`,
  );
  // Clinical notes kept after a patient erased their account, past their retention period.
  const client = createPrismaClient(databaseUrl);
  try {
    const purged = await purgeExpiredDetachedNotes(client);
    console.log(
      `Clinical notes of erased patients (${detachedNoteRetentionYears} years after the erasure): ${purged} deleted.`,
    );
  } finally {
    await client.$disconnect();
  }
} catch (error) {
  console.error(`Audit retention failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
