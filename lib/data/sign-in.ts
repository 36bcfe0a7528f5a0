import "server-only";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import {
  accountThrottle,
  addressThrottle,
  recordFailure,
  retryAfterSeconds,
  type ThrottleRule,
} from "@/lib/domain/sign-in-throttle";
import { logEvent } from "@/lib/log-event";
import type { Role } from "@/lib/validation/auth";
import { recordAudit } from "./audit";

export type SignInResult =
  | { status: "ok"; user: { id: string; name: string; email: string; role: Role; sessionVersion: number } }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `address:${address}`;

async function throttleWait(key: string, rule: ThrottleRule, now: Date): Promise<number> {
  const state = await db.signInThrottle.findUnique({ where: { key } });
  return retryAfterSeconds(state, now, rule);
}

async function countFailure(key: string, rule: ThrottleRule, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const state = await tx.signInThrottle.findUnique({ where: { key } });
    const next = recordFailure(state, now, rule);
    await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
  });
}

/**
 * Checks an e-mail and password. Unknown e-mail and wrong password give the same answer after the
 * same argon2 work; throttling is keyed on the e-mail as typed, so it says nothing about whether
 * an account exists.
 */
export async function authenticate(
  email: string,
  password: string,
  clientAddress: string,
): Promise<SignInResult> {
  const now = new Date();
  const wait = Math.max(
    await throttleWait(accountKey(email), accountThrottle, now),
    await throttleWait(addressKey(clientAddress), addressThrottle, now),
  );
  if (wait > 0) {
    await recordAudit({
      actorId: null,
      actorRole: null,
      action: "SIGN_IN",
      outcome: "DENIED",
      clientAddress,
      detail: "throttled",
    });
    await logEvent("sign_in_throttled", { retryAfterSeconds: wait });
    return { status: "throttled", retryAfterSeconds: wait };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, sessionVersion: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (!user || !valid) {
    await countFailure(accountKey(email), accountThrottle, now);
    await countFailure(addressKey(clientAddress), addressThrottle, now);
    await recordAudit({
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      action: "SIGN_IN",
      outcome: "FAILED",
      clientAddress,
    });
    await logEvent("sign_in_failed", { userId: user?.id ?? null });
    return { status: "invalid" };
  }

  await db.signInThrottle.deleteMany({ where: { key: accountKey(email) } });
  await recordAudit({
    actorId: user.id,
    actorRole: user.role,
    action: "SIGN_IN",
    outcome: "SUCCESS",
    clientAddress,
  });
  return {
    status: "ok",
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role as Role,
      sessionVersion: user.sessionVersion,
    },
  };
}
