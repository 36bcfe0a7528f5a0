import { createPrismaClient } from "../db/client.ts";
import type { DatabaseProvider } from "../db/provider.ts";
import { eraseAccount } from "../erasure/erase.ts";
import { readLedger } from "../erasure/ledger.ts";
import type { BackupManifest } from "./backup-manifest.ts";

export type RestoredData = {
  databaseUrl: string;
  provider: DatabaseProvider;
  dataDir: string;
  /** The manifest of the backup just restored: when it was taken, which migrations it had. */
  backup: BackupManifest;
  /** The live erasure ledger (never one from the backup); absent only after --no-erasure-ledger. */
  erasureLedgerPath: string;
};

export type AfterRestoreStep = { name: string; run: (restored: RestoredData) => Promise<void> | void };

/**
 * Erases again, in the restored database, every account the erasure ledger lists that the backup
 * brought back, each in its own transaction with an operator audit row that names nobody. Returns
 * how many were erased again.
 */
export async function reapplyErasureLedger(restored: RestoredData, now = new Date()): Promise<number> {
  const entries = readLedger(restored.erasureLedgerPath);
  if (entries.length === 0) return 0;
  const client = createPrismaClient(restored.databaseUrl);
  let erased = 0;
  try {
    for (const userId of new Set(entries.map((entry) => entry.userId))) {
      const done = await client.$transaction(async (tx) => {
        const result = await eraseAccount(tx, userId, now);
        if (!result) return false;
        await tx.auditEvent.create({
          data: {
            actorKey: null,
            actorRole: "OPERATOR",
            action: "ACCOUNT_ERASED_AFTER_RESTORE",
            patientKey: null,
            outcome: "SUCCESS",
            clientAddress: null,
            detail: "npm run restore: erasure ledger",
          },
        });
        return true;
      });
      if (done) erased++;
    }
  } finally {
    await client.$disconnect();
  }
  return erased;
}

export const erasureLedgerStep: AfterRestoreStep = {
  name: "erasure ledger",
  run: async (restored) => {
    await reapplyErasureLedger(restored);
  },
};

/**
 * Steps `npm run restore` runs, in order, once the backup is in place and migrated to this
 * version's schema, before the app may serve it. A feature whose effects must outlive any backup
 * adds itself here: the data-rights feature re-applies its erasure ledger, so a person erased
 * after the backup was taken does not come back with it.
 */
export const afterRestoreSteps: AfterRestoreStep[] = [erasureLedgerStep];
