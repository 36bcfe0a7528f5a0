// `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` in place of the
// current data. Refuses while the app runs. See README, "Operations".
import { restoreBackup } from "../lib/ops/restore.ts";
import { opsSettings } from "../lib/ops/settings.ts";

const args = process.argv.slice(2);
const withoutErasureLedger = args.includes("--no-erasure-ledger");
const positional = args.filter((arg) => arg !== "--no-erasure-ledger");
const folder = positional[0];
if (!folder || positional.length > 1 || positional.some((arg) => arg.startsWith("--"))) {
  console.error("Usage: npm run restore -- <backup folder> [--no-erasure-ledger]");
  console.error(
    "  --no-erasure-ledger: only for a brand-new installation where nobody ever erased an account.",
  );
  process.exit(2);
}
try {
  const settings = opsSettings();
  const result = await restoreBackup(settings, folder, { withoutErasureLedger });
  console.log(`Restored the backup of ${result.manifest.createdAt} from ${folder}`);
  if (result.replacedDir) console.log(`  the data it replaced is kept in ${result.replacedDir}`);
  if (result.migrationsApplied.length > 0) {
    console.log(`  applied ${result.migrationsApplied.length} newer migration(s)`);
  }
  for (const step of result.stepsRun) console.log(`  after-restore step: ${step}`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
