import type { DatabaseProvider } from "../db/provider.ts";
import type { BackupManifest } from "./backup-manifest.ts";

export type RestoredData = {
  databaseUrl: string;
  provider: DatabaseProvider;
  dataDir: string;
  /** The manifest of the backup just restored: when it was taken, which migrations it had. */
  backup: BackupManifest;
};

export type AfterRestoreStep = { name: string; run: (restored: RestoredData) => Promise<void> | void };

/**
 * Steps `npm run restore` runs, in order, once the backup is in place and migrated to this
 * version's schema, before the app may serve it. A feature whose effects must outlive any backup
 * adds itself here: the data-rights feature re-applies its erasure ledger, so a person erased
 * after the backup was taken does not come back with it.
 */
export const afterRestoreSteps: AfterRestoreStep[] = [];
