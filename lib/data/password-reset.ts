import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { mailRules, throttleKeys } from "@/lib/domain/throttle";
import { messages } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send";
import { mailReachesPeople } from "@/lib/mail/settings";
import { appLink, hashLinkToken, linkLifetimes, newLinkToken, sendNotice } from "./account-links";
import { recordAudit } from "./audit";
import { takeAttempts } from "./throttle";

export type ResetRequestResult =
  | { status: "sent" }
  | { status: "throttled"; retryAfterSeconds: number }
  | { status: "mail-off" };

/**
 * "Forgot your password": the answer is the same whether or not an account uses the address (only
 * the owner's inbox learns which). Throttled per e-mail address (so per account) and per client
 * address before anything is looked up. A new link replaces any older one.
 */
export async function requestPasswordReset(
  email: string,
  clientAddress: string,
  now = new Date(),
): Promise<ResetRequestResult> {
  if (!mailReachesPeople(config())) return { status: "mail-off" };
  const verdict = await takeAttempts(
    [
      { key: throttleKeys.mailRecipient("reset", email), rule: mailRules.recipient },
      { key: throttleKeys.mailAddress("reset", clientAddress), rule: mailRules.address },
    ],
    now,
  );
  if (verdict.status === "refused")
    return { status: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (!user) return { status: "sent" };
  const token = newLinkToken();
  await db.$transaction(async (tx) => {
    // Links of every account that have expired are of no use to anyone.
    await tx.accountToken.deleteMany({ where: { expiresAt: { lt: now } } });
    await tx.accountToken.deleteMany({ where: { userId: user.id, purpose: "RESET_PASSWORD", usedAt: null } });
    await tx.accountToken.create({
      data: {
        userId: user.id,
        purpose: "RESET_PASSWORD",
        tokenHash: hashLinkToken(token),
        expiresAt: new Date(now.getTime() + linkLifetimes.resetPassword),
        createdAt: now,
      },
    });
    await recordAudit(
      {
        actorId: null,
        actorRole: null,
        action: "PASSWORD_RESET_REQUESTED",
        patientId: user.role === "PATIENT" ? user.id : null,
        outcome: "SUCCESS",
        clientAddress,
      },
      tx,
    );
  });
  await sendMail({ to: email, ...messages.resetPassword(appLink("/reset-password", { token })) });
  return { status: "sent" };
}

async function usableResetToken(token: string, now: Date) {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, userId: true, purpose: true, expiresAt: true, usedAt: true },
  });
  if (row?.purpose !== "RESET_PASSWORD" || row.usedAt || row.expiresAt <= now) return null;
  return row;
}

/** Whether the reset page should show its form (an unknown, used or expired link shows one message). */
export async function resetLinkUsable(token: string, now = new Date()): Promise<boolean> {
  return (await usableResetToken(token, now)) !== null;
}

/**
 * Sets the new password. The link is spent in the same transaction; every session ends (the
 * session version moves on, second-factor passes are dropped) and the address counts as verified,
 * since the owner just read a message sent to it. Two-factor sign-in stays as it was: the next
 * sign-in still asks for the code. The owner is told by e-mail.
 */
export async function resetPassword(
  token: string,
  newPassword: string,
  clientAddress: string,
  now = new Date(),
): Promise<{ status: "reset"; email: string } | { status: "invalid" }> {
  const row = await usableResetToken(token, now);
  if (!row) return { status: "invalid" };
  const passwordHash = await hashPassword(newPassword);
  const user = await db.$transaction(async (tx) => {
    const { count } = await tx.accountToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) return null;
    const current = await tx.user.findUniqueOrThrow({
      where: { id: row.userId },
      select: { emailVerifiedAt: true },
    });
    const updated = await tx.user.update({
      where: { id: row.userId },
      data: {
        passwordHash,
        sessionVersion: { increment: 1 },
        emailVerifiedAt: current.emailVerifiedAt ?? now,
      },
      select: { id: true, email: true, role: true },
    });
    await tx.secondFactorPass.deleteMany({ where: { userId: row.userId } });
    await recordAudit(
      {
        actorId: updated.id,
        actorRole: updated.role,
        action: "PASSWORD_RESET",
        outcome: "SUCCESS",
        clientAddress,
      },
      tx,
    );
    return updated;
  });
  if (!user) return { status: "invalid" };
  await sendNotice({ to: user.email, ...messages.passwordChanged(appLink("/forgot-password")) });
  return { status: "reset", email: user.email };
}
