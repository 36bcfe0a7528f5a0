import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { signUpRule, throttleKeys } from "@/lib/domain/throttle";
import { logEvent } from "@/lib/log-event";
import type { ChangePasswordInput, SignUpInput } from "@/lib/validation/auth";
import { recordAudit } from "./audit";
import { requireUser } from "./current-user";
import { isUniqueViolation } from "./errors";
import { type PasswordGuessOptions, passwordAccepted, takePasswordAttempt } from "./sign-in";
import { takeAttempt } from "./throttle";

export type RegisterResult =
  | { status: "created"; userId: string }
  | { status: "email-taken" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Sign-up is open to anyone, but each address may try only SIGN_UP_LIMIT_PER_HOUR times an hour
 * (counted before the e-mail is looked up), which also slows probing for registered e-mails. The
 * unique index on e-mail settles concurrent sign-ups.
 */
export async function registerUser(
  input: SignUpInput,
  clientAddress: string,
  now = new Date(),
): Promise<RegisterResult> {
  const verdict = await takeAttempt(
    throttleKeys.signUpAddress(clientAddress),
    signUpRule(config().signUpLimitPerHour),
    now,
  );
  if (verdict.status === "refused") {
    await logEvent("sign_up_throttled", { retryAfterSeconds: verdict.retryAfterSeconds });
    return { status: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { status: "email-taken" };
  const passwordHash = await hashPassword(input.password);
  try {
    // The account and its audit row commit together.
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          timezone: input.timezone,
          passwordHash,
          // The zone history starts with the browser's zone, in force for all time before any change.
          timeZones: { create: { timeZone: input.timezone, validFrom: new Date(0) } },
        },
        select: { id: true },
      });
      await recordAudit(
        { actorId: created.id, actorRole: input.role, action: "SIGN_UP", outcome: "SUCCESS", clientAddress },
        tx,
      );
      return created;
    });
    return { status: "created", userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "email-taken" };
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
  const verdict = await takePasswordAttempt(me.email, clientAddress, options);
  if (verdict.status === "refused") {
    await recordAudit({
      actorId: me.id,
      actorRole: me.role,
      action: "CHANGE_PASSWORD",
      outcome: "DENIED",
      clientAddress,
      detail: "throttled",
    });
    await logEvent("password_change_throttled", {
      userId: me.id,
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
    return { status: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const current = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    await recordAudit({
      actorId: me.id,
      actorRole: me.role,
      action: "CHANGE_PASSWORD",
      outcome: "FAILED",
      clientAddress,
    });
    return { status: "wrong-password" };
  }
  await passwordAccepted(me.email, clientAddress);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.secondFactorPass.deleteMany({ where: { userId: me.id } });
    await recordAudit(
      { actorId: me.id, actorRole: me.role, action: "CHANGE_PASSWORD", outcome: "SUCCESS", clientAddress },
      tx,
    );
  });
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
