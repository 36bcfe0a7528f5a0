import "server-only";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { passwordRules, throttleKeys, type Verdict } from "@/lib/domain/throttle";
import { logEvent } from "@/lib/log-event";
import type { Role } from "@/lib/validation/auth";
import { type AuditEventInput, recordAudit } from "./audit";
import { forgetAttempts, giveBackAttempt, realSleep, type Sleep, takeAttempts } from "./throttle";

export type SignInResult =
  | { status: "ok"; user: { id: string; name: string; email: string; role: Role; sessionVersion: number } }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

export type PasswordGuessOptions = { now?: Date; sleep?: Sleep };

/**
 * Takes a password guess's attempt on its three keys before the password is checked: the pair and
 * the address refuse over their limits, the account alone only slows the answer down (waited here).
 * Sign-in and password change share the keys, so a stolen session cannot guess any faster.
 */
export async function takePasswordAttempt(
  email: string,
  clientAddress: string,
  { now = new Date(), sleep = realSleep }: PasswordGuessOptions = {},
): Promise<Verdict> {
  const verdict = await takeAttempts(
    [
      { key: throttleKeys.pair(email, clientAddress), rule: passwordRules.pair },
      { key: throttleKeys.address(clientAddress), rule: passwordRules.address },
      { key: throttleKeys.account(email), rule: passwordRules.account },
    ],
    now,
  );
  if (verdict.status === "go" && verdict.delaySeconds > 0) {
    await logEvent("sign_in_slowed", { delaySeconds: verdict.delaySeconds });
    await sleep(verdict.delaySeconds * 1000);
  }
  return verdict;
}

/**
 * The right password: the guesses from this pair are forgotten, and the address and the account get
 * their attempt back (a correct password is not a guess: an owner who signs in often is never slowed).
 */
export async function passwordAccepted(email: string, clientAddress: string): Promise<void> {
  await forgetAttempts([throttleKeys.pair(email, clientAddress)]);
  await giveBackAttempt(throttleKeys.address(clientAddress));
  await giveBackAttempt(throttleKeys.account(email));
}

export type OwnPasswordCheck =
  | { status: "ok" }
  | { status: "throttled"; retryAfterSeconds: number }
  | { status: "wrong-password" };

/**
 * A signed-in person confirming a sensitive change with their current password (change of password
 * or e-mail, deleting the account): the guess is counted on the sign-in keys before the check, a
 * refusal or a wrong password is audited under the change's own action, and the right password
 * gives the attempt back.
 */
export async function checkOwnPassword(
  me: { id: string; email: string; role: Role },
  password: string,
  clientAddress: string,
  audit: { action: AuditEventInput["action"]; patientId?: string | null; throttledEvent: ThrottledEvent },
  options: PasswordGuessOptions = {},
): Promise<OwnPasswordCheck> {
  const refused = (outcome: "FAILED" | "DENIED", detail: string) =>
    recordAudit({
      actorId: me.id,
      actorRole: me.role,
      action: audit.action,
      patientId: audit.patientId ?? null,
      outcome,
      clientAddress,
      detail,
    });
  const verdict = await takePasswordAttempt(me.email, clientAddress, options);
  if (verdict.status === "refused") {
    await refused("DENIED", "throttled");
    await logEvent(audit.throttledEvent, { userId: me.id, retryAfterSeconds: verdict.retryAfterSeconds });
    return { status: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const account = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(account.passwordHash, password))) {
    await refused("FAILED", "wrong password");
    return { status: "wrong-password" };
  }
  await passwordAccepted(me.email, clientAddress);
  return { status: "ok" };
}

type ThrottledEvent = "password_change_throttled" | "account_deletion_throttled";

/**
 * Checks an e-mail and password. Unknown e-mail and wrong password give the same answer after the
 * same argon2 work; throttling is keyed on the e-mail as typed, so it says nothing about whether
 * an account exists.
 */
export async function authenticate(
  email: string,
  password: string,
  clientAddress: string,
  options: PasswordGuessOptions = {},
): Promise<SignInResult> {
  const verdict = await takePasswordAttempt(email, clientAddress, options);
  if (verdict.status === "refused") {
    await recordAudit({
      actorId: null,
      actorRole: null,
      action: "SIGN_IN",
      outcome: "DENIED",
      clientAddress,
      detail: "throttled",
    });
    await logEvent("sign_in_throttled", { retryAfterSeconds: verdict.retryAfterSeconds });
    return { status: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, sessionVersion: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (!user || !valid) {
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

  await passwordAccepted(email, clientAddress);
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
