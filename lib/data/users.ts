import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { ChangePasswordInput, SignUpInput } from "@/lib/validation/auth";
import { recordAudit } from "./audit";
import { requireUser } from "./current-user";
import { isUniqueViolation } from "./errors";

export type RegisterResult = { status: "created"; userId: string } | { status: "email-taken" };

/** Sign-up is open to anyone; the unique index on e-mail settles concurrent sign-ups. */
export async function registerUser(input: SignUpInput, clientAddress: string): Promise<RegisterResult> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { status: "email-taken" };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        timezone: input.timezone,
        passwordHash,
      },
      select: { id: true },
    });
    await recordAudit({
      actorId: user.id,
      actorRole: input.role,
      action: "SIGN_UP",
      outcome: "SUCCESS",
      clientAddress,
    });
    return { status: "created", userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "email-taken" };
    throw error;
  }
}

export type ChangePasswordResult = { status: "changed"; email: string } | { status: "wrong-password" };

/** Changing the password ends every other session (the session version moves on). */
export async function changeOwnPassword(
  input: ChangePasswordInput,
  clientAddress: string,
): Promise<ChangePasswordResult> {
  const me = await requireUser();
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
