// Operator commands on accounts (`npm run admin`, `npm run demo:remove`). They run outside the web
// app, from a shell on the server: nothing here is reachable through a page or an action.
import { randomBytes } from "node:crypto";
import { keyFingerprint, keyFromBase64 } from "../auth/secret-box.ts";
import type { Db } from "../db/client.ts";

/**
 * Resets a person's two-factor sign-in: removes the secret and recovery codes and ends every session
 * (the version moves on), so they enrol again at their next sign-in. Audited in the same
 * transaction, by role only (the operator is not an account).
 */
export async function resetTwoFactor(db: Db, email: string): Promise<"reset" | "no-account"> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, role: true },
  });
  if (!user) return "no-account";
  await db.$transaction(async (tx) => {
    await tx.twoFactor.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.secondFactorPass.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    // Audit rows name people by their opaque subject key only (as lib/data/audit.ts does).
    const subject =
      user.role === "PATIENT"
        ? ((await tx.auditSubject.findUnique({ where: { userId: user.id }, select: { key: true } })) ??
          (await tx.auditSubject.create({
            data: { key: randomBytes(16).toString("hex"), userId: user.id },
            select: { key: true },
          })))
        : null;
    await tx.auditEvent.create({
      data: {
        actorKey: null,
        actorRole: "OPERATOR",
        action: "TWO_FACTOR_RESET",
        patientKey: subject?.key ?? null,
        outcome: "SUCCESS",
        clientAddress: null,
        detail: "operator command",
      },
    });
  });
  return "reset";
}

/**
 * Deletes the accounts the demo seed created (flagged demoAccount) and everything that belongs to
 * them. Audit rows stay (the trail is append-only); deleting the accounts' subject keys leaves them
 * naming nobody.
 */
export async function removeDemoAccounts(db: Db): Promise<number> {
  const demo = await db.user.findMany({ where: { demoAccount: true }, select: { id: true } });
  const ids = demo.map((user) => user.id);
  if (ids.length === 0) return 0;
  const mine = { in: ids };
  await db.$transaction(async (tx) => {
    // History rows that name a demo account without a cascading relation go first, then the
    // routine items they set; the rest cascades from the users.
    await tx.routineItemVersion.deleteMany({ where: { OR: [{ patientId: mine }, { changedById: mine }] } });
    await tx.exerciseSessionRevision.deleteMany({
      where: { OR: [{ patientId: mine }, { changedById: mine }] },
    });
    await tx.painEntryRevision.deleteMany({ where: { OR: [{ patientId: mine }, { changedById: mine }] } });
    await tx.routineItem.deleteMany({ where: { OR: [{ setById: mine }, { routine: { patientId: mine } }] } });
    await tx.careInvite.deleteMany({ where: { OR: [{ physioId: mine }, { acceptedById: mine }] } });
    // Their audit subject keys go too: the audit rows stay, naming nobody (as an erasure would).
    await tx.auditSubject.deleteMany({ where: { userId: mine } });
    await tx.user.deleteMany({ where: { id: mine } });
  });
  return ids.length;
}

/**
 * Said at start-up when some two-factor secrets were stored under another key than the configured
 * one (a backup restored without data/totp-encryption-key, say): those people cannot finish signing
 * in until the key is put back or their two-factor sign-in is reset.
 */
export async function twoFactorKeyWarning(db: Db, base64Key: string | undefined): Promise<string | null> {
  if (!base64Key) return null;
  const fingerprint = keyFingerprint(keyFromBase64(base64Key));
  const mismatched = await db.twoFactor.count({ where: { keyFingerprint: { not: fingerprint } } });
  if (mismatched === 0) return null;
  return (
    `Warning: ${mismatched} two-factor secret(s) were stored under another TOTP encryption key than this ` +
    "server's (restored without data/totp-encryption-key, or TOTP_ENCRYPTION_KEY changed?). Those people " +
    "cannot finish signing in: put the original key back, or run `npm run admin -- reset-2fa <e-mail>`."
  );
}
