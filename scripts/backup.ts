// `npm run backup`: a consistent copy of the database and the data folder's secrets while the app
// keeps serving. See README, "Operations".
import { createBackup } from "../lib/ops/backup.ts";
import { opsSettings } from "../lib/ops/settings.ts";

try {
  const { folder, manifest } = await createBackup(opsSettings());
  console.log(`Backup written to ${folder}`);
  console.log(
    `  ${Object.keys(manifest.files).join(", ")}, ${manifest.migrations.length} migration(s) applied`,
  );
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
