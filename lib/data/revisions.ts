import "server-only";
import type { db } from "@/lib/db";
import { auditedTransaction } from "./audit";
import { requireRole } from "./current-user";
import { isUniqueViolation, NotFoundError, RuleError } from "./errors";

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
export type RevisionChange = "EDITED" | "DELETED" | "RESTORED";
export type WriteResult = { id: string; created: boolean };

type Revisable = { version: number; deletedAt: Date | null };

/**
 * Writes a new record at most once per client request id. An earlier write with the same id (a
 * double click, a retry) is returned instead; when two copies of a request race, the unique index
 * on (patientId, clientRequestId) stops the second, which returns the first one's record.
 */
export async function createOnce<T>(
  find: () => Promise<T | null>,
  create: () => Promise<T>,
): Promise<{ value: T; created: boolean }> {
  const existing = await find();
  if (existing !== null) return { value: existing, created: false };
  try {
    return { value: await create(), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await find();
    if (winner === null) throw error;
    return { value: winner, created: false };
  }
}

/**
 * A change to one of the signed-in patient's records that keeps the state before it as a
 * revision, at most once per client request id: a repeat returns without writing, a concurrent
 * change by another request is answered as a conflict (never reported as saved), and a record
 * that is not the patient's is "not found".
 */
export async function reviseOnce<Row extends Revisable>(change: {
  /** "That session": how a missing record is named to the user. */
  what: string;
  id: string;
  clientRequestId: string;
  kind: RevisionChange;
  /** The record an earlier use of this request id revised, if any. */
  findRepeat: (patientId: string) => Promise<string | null>;
  load: (tx: Tx, patientId: string) => Promise<Row | null>;
  recordRevision: (tx: Tx, patientId: string, current: Row) => Promise<void>;
  apply: (tx: Tx, current: Row) => Promise<void>;
}): Promise<WriteResult> {
  const patient = await requireRole("PATIENT");
  const repeat = await change.findRepeat(patient.id);
  if (repeat !== null) {
    if (repeat !== change.id) throw new NotFoundError(change.what);
    return { id: change.id, created: false };
  }
  try {
    await auditedTransaction(async (tx) => {
      const current = await change.load(tx, patient.id);
      if (!current || (change.kind === "EDITED" && current.deletedAt)) throw new NotFoundError(change.what);
      if (change.kind === "DELETED" && current.deletedAt) return;
      if (change.kind === "RESTORED" && !current.deletedAt) return;
      await change.recordRevision(tx, patient.id, current);
      await change.apply(tx, current);
    });
  } catch (error) {
    // A repeat of this request is fine; any other clash is a concurrent change to the same record.
    if (!isUniqueViolation(error)) throw error;
    if ((await change.findRepeat(patient.id)) === null) {
      throw new RuleError("This was changed elsewhere at the same moment. Reload and try again.");
    }
  }
  return { id: change.id, created: true };
}
