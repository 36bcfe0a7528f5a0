// The erasure ledger: an append-only file of JSON lines, one per erased account, holding only the
// account's id and the time ({"userId":"…","erasedAt":"2026-12-02T07:00:00.000Z"}). It lives outside
// the database (in the embedded mode <DATA_DIR>/erasure-ledger.jsonl, on PostgreSQL the file named
// by ERASURE_LEDGER_PATH) so that restoring a backup taken before an erasure cannot bring the
// person back: `npm run restore` erases every account the ledger lists again (lib/ops/after-restore.ts).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export type LedgerEntry = { userId: string; erasedAt: string };

const entrySchema = z.strictObject({ userId: z.string().min(1).max(64), erasedAt: z.iso.datetime() });

/** Creates an empty ledger (0600, in a private folder) when there is none yet; never truncates one. */
export function ensureLedger(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, "a", 0o600));
}

/**
 * Appends one erasure and waits until it is on disk. Called inside the erasure's database
 * transaction, before it commits: if the line cannot be written, nothing is erased; if the commit
 * then fails, the ledger names someone still in the database, and a restore erases them (they had
 * asked for it).
 */
export function appendToLedger(file: string, entry: LedgerEntry): void {
  const line = `${JSON.stringify(entrySchema.parse(entry))}\n`;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, "a", 0o600);
  try {
    writeSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class MissingLedgerError extends Error {
  override name = "MissingLedgerError";
  constructor(file: string) {
    super(
      `The erasure ledger ${file} is missing. Without it, people who erased their account after this backup was taken would come back. ` +
        "Put the ledger back (from where you keep its copies), or, only for a brand-new installation where nobody ever erased an account, " +
        'run the restore with --no-erasure-ledger (README, "Your data: download and erasure").',
    );
  }
}

/**
 * Every entry of the ledger, oldest first. A last line without its newline is a write that never
 * finished (its erasure rolled back) and is skipped; any other unreadable line stops the caller.
 */
export function readLedger(file: string): LedgerEntry[] {
  if (!existsSync(file)) throw new MissingLedgerError(file);
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  // The last piece has no newline: empty, or an append that never finished (its erasure rolled back).
  lines.pop();
  return lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, index }) => {
      try {
        return entrySchema.parse(JSON.parse(line));
      } catch {
        throw new Error(
          `The erasure ledger ${file} has an unreadable line ${index + 1}: fix or restore the file first.`,
        );
      }
    });
}
