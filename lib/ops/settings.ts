import { config, type DatabaseProvider, type Environment, readConfig } from "../config.ts";

export type OpsSettings = {
  databaseUrl: string;
  provider: DatabaseProvider;
  /** Where the embedded mode keeps its secrets (and, by default, its database). */
  dataDir: string;
  /** Where `npm run backup` writes. */
  backupDir: string;
  /** The erasure ledger `npm run restore` re-applies (lib/erasure/ledger.ts); never in a backup. */
  erasureLedgerPath: string;
};

// What the backup and restore scripts need, from lib/config.ts as `npm start` reads it, so both
// find the same database and data folder.
export function opsSettings(env?: Environment): OpsSettings {
  const settings = env ? readConfig(env) : config();
  return {
    databaseUrl: settings.databaseUrl,
    provider: settings.databaseProvider,
    dataDir: settings.dataDir,
    backupDir: settings.backupDir,
    erasureLedgerPath: settings.erasureLedgerPath,
  };
}
