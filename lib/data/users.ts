import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { mailRules, signUpRule, throttleKeys } from "@/lib/domain/throttle";
import { logEvent } from "@/lib/log-event";
import { messages } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send";
import { mailReachesPeople } from "@/lib/mail/settings";
import type { ChangePasswordInput, SignUpInput } from "@/lib/validation/auth";
import { appLink, hashLinkToken, linkLifetimes, newLinkToken, sendNotice } from "./account-links";
import { recordAudit } from "./audit";
import { requireUser } from "./current-user";
import { isUniqueViolation } from "./errors";
import { checkOwnPassword, type PasswordGuessOptions } from "./sign-in";
import { takeAttempts } from "./throttle";

export type RegisterResult =
  | { status: "sent" }
  | { status: "throttled"; retryAfterSeconds: number }
  | { status: "mail-off" };

/**
 * Sign-up reveals nothing about who has an account: every accepted sign-up answers "check your
 * e-mail", and the e-mail says what happened. A new address becomes a PendingRegistration whose
 * link (24 hours, single use) creates the account; a new sign-up for the same address replaces it,
 * so whoever can read the inbox wins. An address that has an account gets a note telling its owner,
 * and nothing changes. Each client address may try SIGN_UP_LIMIT_PER_HOUR times an hour and each
 * e-mail address gets at most a few messages an hour (counted before the e-mail is looked up).
 * The password is hashed either way, so the time taken says nothing either.
 */
export async function registerUser(
  input: SignUpInput,
  clientAddress: string,
  now = new Date(),
  callbackUrl?: string,
): Promise<RegisterResult> {
  if (!mailReachesPeople(config())) return { status: "mail-off" };
  const verdict = await takeAttempts(
    [
      { key: throttleKeys.signUpAddress(clientAddress), rule: signUpRule(config().signUpLimitPerHour) },
      { key: throttleKeys.mailRecipient("sign-up", input.email), rule: mailRules.recipient },
    ],
    now,
  );
  if (verdict.status === "refused") {
    await logEvent("sign_up_throttled", { retryAfterSeconds: verdict.retryAfterSeconds });
    return { status: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    const letter = messages.signUpOnExistingAccount(appLink("/sign-in"), appLink("/forgot-password"));
    await sendMail({ to: input.email, ...letter });
    return { status: "sent" };
  }
  const token = newLinkToken();
  const fields = {
    name: input.name,
    role: input.role,
    timezone: input.timezone,
    passwordHash,
    tokenHash: hashLinkToken(token),
    expiresAt: new Date(now.getTime() + linkLifetimes.signUp),
    createdAt: now,
  };
  // Sign-ups nobody confirmed in time hold a name and a password hash: they go on the way.
  await db.pendingRegistration.deleteMany({ where: { expiresAt: { lt: now } } });
  // One row per address: a second sign-up replaces the first, and its link stops working.
  await db.pendingRegistration.upsert({
    where: { email: input.email },
    create: { email: input.email, ...fields },
    update: fields,
  });
  await sendMail({
    to: input.email,
    ...messages.confirmSignUp(appLink("/verify-email", { token, callbackUrl })),
  });
  return { status: "sent" };
}

export type ConfirmRegistrationResult =
  | { status: "created"; userId: string; email: string }
  | { status: "invalid" };

/**
 * Following a sign-up link creates the account, verified. Single use: the pending row is deleted
 * in the same transaction, and only one of two concurrent confirmations can delete it.
 */
export async function confirmRegistration(
  token: string,
  clientAddress: string,
  now = new Date(),
): Promise<ConfirmRegistrationResult> {
  const pending = await db.pendingRegistration.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!pending || pending.expiresAt <= now) return { status: "invalid" };
  try {
    const user = await db.$transaction(async (tx) => {
      const { count } = await tx.pendingRegistration.deleteMany({
        where: { id: pending.id, tokenHash: pending.tokenHash },
      });
      if (count !== 1) return null;
      const created = await tx.user.create({
        data: {
          email: pending.email,
          name: pending.name,
          role: pending.role,
          timezone: pending.timezone,
          passwordHash: pending.passwordHash,
          emailVerifiedAt: now,
          // The zone history starts with the browser's zone, in force for all time before any change.
          timeZones: { create: { timeZone: pending.timezone, validFrom: new Date(0) } },
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: created.id,
          actorRole: pending.role,
          action: "SIGN_UP",
          outcome: "SUCCESS",
          clientAddress,
        },
        tx,
      );
      return created;
    });
    return user ? { status: "created", userId: user.id, email: pending.email } : { status: "invalid" };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "invalid" };
    throw error;
  }
}

export type ChangePasswordResult =
  | { status: "changed"; email: string }
  | { status: "wrong-password" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Changing the password ends every other session (the session version moves on). The current
 * password is a guess like a sign-in's, counted on the same keys before it is checked.
 */
export async function changeOwnPassword(
  input: ChangePasswordInput,
  clientAddress: string,
  options: PasswordGuessOptions = {},
): Promise<ChangePasswordResult> {
  const me = await requireUser();
  const check = await checkOwnPassword(
    me,
    input.currentPassword,
    clientAddress,
    { action: "CHANGE_PASSWORD", throttledEvent: "password_change_throttled" },
    options,
  );
  if (check.status !== "ok") return check;
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.secondFactorPass.deleteMany({ where: { userId: me.id } });
    await recordAudit(
      { actorId: me.id, actorRole: me.role, action: "CHANGE_PASSWORD", outcome: "SUCCESS", clientAddress },
      tx,
    );
  });
  await sendNotice({ to: me.email, ...messages.passwordChanged(appLink("/forgot-password")) });
  return { status: "changed", email: me.email };
}

export async function endAllSessions(clientAddress: string): Promise<void> {
  const me = await requireUser();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.id }, data: { sessionVersion: { increment: 1 } } });
    await tx.secondFactorPass.deleteMany({ where: { userId: me.id } });
    await recordAudit(
      {
        actorId: me.id,
        actorRole: me.role,
        action: "SIGN_OUT_EVERYWHERE",
        outcome: "SUCCESS",
        clientAddress,
      },
      tx,
    );
  });
}
