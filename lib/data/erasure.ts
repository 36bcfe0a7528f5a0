import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { type ErasedAccount, eraseAccount } from "@/lib/erasure/erase";
import { appendToLedger } from "@/lib/erasure/ledger";
import type { DeleteAccountInput } from "@/lib/validation/erasure";
import { recordAudit } from "./audit";
import { requireUser } from "./current-user";
import { checkOwnPassword, type PasswordGuessOptions } from "./sign-in";
import { isEnrolled, proveSecondFactor } from "./two-factor";

export type DeleteAccountResult =
  | { status: "deleted"; erased: ErasedAccount }
  | { status: "wrong-password" }
  | { status: "code-needed" }
  | { status: "wrong-code"; reused: boolean }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * "Delete my account": the person proves it is them with their password (a guess counted like a
 * sign-in's, on the same keys, before it is checked) and, when they have two-factor sign-in, a
 * code (checked and throttled by lib/data/two-factor.ts). Then, in one transaction: the audit row
 * (written while the person's subject key still exists, so it names them by key; the key is
 * deleted next and the row then names nobody), for a physiotherapist one "ended the care link" row
 * per linked patient (their access log shows it), the erasure (lib/erasure/erase.ts), and the line
 * in the erasure ledger, on disk before the transaction commits.
 */
export async function deleteOwnAccount(
  input: DeleteAccountInput,
  clientAddress: string,
  options: PasswordGuessOptions = {},
): Promise<DeleteAccountResult> {
  const me = await requireUser();
  const now = options.now ?? new Date();
  const refused = (outcome: "FAILED" | "DENIED", detail: string) =>
    recordAudit({
      actorId: me.id,
      actorRole: me.role,
      action: "ACCOUNT_DELETED",
      patientId: me.role === "PATIENT" ? me.id : null,
      outcome,
      clientAddress,
      detail,
    });

  const check = await checkOwnPassword(
    me,
    input.password,
    clientAddress,
    {
      action: "ACCOUNT_DELETED",
      patientId: me.role === "PATIENT" ? me.id : null,
      throttledEvent: "account_deletion_throttled",
    },
    options,
  );
  if (check.status !== "ok") return check;

  if (await isEnrolled(me.id)) {
    if (!input.code) return { status: "code-needed" };
    const check = await proveSecondFactor({ id: me.id, role: me.role }, input.code, clientAddress, now);
    if (check.status === "throttled") return check;
    if (check.status !== "ok") {
      await refused("FAILED", "wrong second-factor code");
      return { status: "wrong-code", reused: check.status === "reused" };
    }
  }

  const ledger = config().erasureLedgerPath;
  const erased = await db.$transaction(async (tx) => {
    await recordAudit(
      {
        actorId: me.id,
        actorRole: me.role,
        action: "ACCOUNT_DELETED",
        patientId: me.role === "PATIENT" ? me.id : null,
        outcome: "SUCCESS",
        clientAddress,
      },
      tx,
    );
    if (me.role === "PHYSIO") {
      const links = await tx.careLink.findMany({
        where: { physioId: me.id, status: "ACTIVE" },
        select: { patientId: true },
      });
      for (const link of links) {
        await recordAudit(
          {
            actorId: me.id,
            actorRole: me.role,
            action: "CARE_LINK_ENDED",
            patientId: link.patientId,
            outcome: "SUCCESS",
            clientAddress,
            detail: "account deleted",
          },
          tx,
        );
      }
    }
    const result = await eraseAccount(tx, me.id, now);
    if (!result) throw new Error("The account to delete was not found.");
    appendToLedger(ledger, { userId: me.id, erasedAt: now.toISOString() });
    return result;
  });
  return { status: "deleted", erased };
}
