import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { keyFingerprint, keyFromBase64, open, seal } from "@/lib/auth/secret-box";
import {
  checkTotp,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpUri,
} from "@/lib/auth/totp";
import { config, sessionPolicy } from "@/lib/config";
import { db } from "@/lib/db";
import { passwordRules, throttleKeys } from "@/lib/domain/throttle";
import { logEvent } from "@/lib/log-event";
import type { Role } from "@/lib/validation/auth";
import { recordAudit } from "./audit";
import { forgetAttempts, giveBackAttempt, takeAttempts } from "./throttle";

// Two-factor sign-in (TOTP, RFC 6238). The password step signs in "half": the session carries
// a pending second factor, and lib/data/current-user.ts treats it as nobody for every data
// function. This module is what such a session may do: enrol, or prove the second factor.

export class TwoFactorKeyMismatch extends Error {
  override name = "TwoFactorKeyMismatch";
  constructor() {
    super(
      "Two-factor sign-in cannot be checked: this server's TOTP encryption key is not the one the " +
        "secrets were stored with (restored a backup without data/totp-encryption-key, or changed " +
        "TOTP_ENCRYPTION_KEY?). Put the original key back, or reset the person's two-factor sign-in " +
        "with `npm run admin -- reset-2fa <e-mail>`.",
    );
  }
}

/** The key the TOTP secrets are sealed with: TOTP_ENCRYPTION_KEY, or in the embedded mode ./data's file. */
export function totpKey(): Buffer {
  const settings = config();
  if (settings.totpEncryptionKey) return keyFromBase64(settings.totpEncryptionKey);
  const file = path.join(settings.dataDir, "totp-encryption-key");
  if (settings.databaseProvider === "sqlite" && existsSync(file))
    return keyFromBase64(readFileSync(file, "utf8"));
  throw new Error('TOTP_ENCRYPTION_KEY is not set (see README, "Security").');
}

/**
 * Whether a person must pass a second factor after the password: physiotherapists always (they read
 * other people's health data), patients once they turned it on. Accounts the demo seed created are
 * exempt, and only in the embedded mode: a PostgreSQL deployment honours no such flag.
 */
export function needsSecondFactor(user: { role: string; demoAccount: boolean; enabled: boolean }): boolean {
  if (user.demoAccount && config().databaseProvider === "sqlite") return false;
  return user.role === "PHYSIO" || user.enabled;
}

export async function secondFactorRequired(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, demoAccount: true, twoFactor: { select: { enabledAt: true } } },
  });
  if (!user) return true;
  return needsSecondFactor({ ...user, enabled: Boolean(user.twoFactor?.enabledAt) });
}

/**
 * Records that a session passed the second factor: from now on lib/data/current-user.ts counts it
 * as signed in, whatever its cookie says. Called only after a code was accepted. Rows older than
 * the longest session are cleared on the way.
 */
export async function recordSecondFactorPass(
  userId: string,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  await db.secondFactorPass.upsert({
    where: { sessionId },
    create: { sessionId, userId, passedAt: now },
    update: { userId, passedAt: now },
  });
  const oldest = new Date(now.getTime() - sessionPolicy.maxAgeSeconds * 1000);
  await db.secondFactorPass.deleteMany({ where: { passedAt: { lt: oldest } } });
}

export async function isEnrolled(userId: string): Promise<boolean> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(row?.enabledAt);
}

function openSecret(row: { secret: string; keyFingerprint: string }): string {
  const key = totpKey();
  if (row.keyFingerprint !== keyFingerprint(key)) throw new TwoFactorKeyMismatch();
  return open(key, row.secret);
}

export type Enrolment = { secret: string; uri: string };

/**
 * The secret to show while enrolling: the one started earlier (so reloading the page shows the same
 * QR code), or a new one. Never replaces a secret already turned on: only an operator resets that.
 */
export async function startEnrolment(user: { id: string; email: string }): Promise<Enrolment | null> {
  const existing = await db.twoFactor.findUnique({ where: { userId: user.id } });
  if (existing?.enabledAt) return null;
  const key = totpKey();
  if (existing && existing.keyFingerprint === keyFingerprint(key)) {
    const secret = open(key, existing.secret);
    return { secret, uri: totpUri(secret, user.email) };
  }
  const secret = newTotpSecret();
  const row = { secret: seal(key, secret), keyFingerprint: keyFingerprint(key), lastUsedStep: 0 };
  await db.twoFactor.upsert({ where: { userId: user.id }, create: { userId: user.id, ...row }, update: row });
  return { secret, uri: totpUri(secret, user.email) };
}

export type SecondFactorCaller = { id: string; role: Role };

export type CodeCheck =
  | { status: "ok"; recoveryCodesLeft?: number }
  | { status: "wrong" }
  | { status: "reused" }
  | { status: "throttled"; retryAfterSeconds: number };

// The one place the second factor is throttled, with the sign-in mechanism (lib/data/throttle.ts):
// the attempt is counted before the code is checked, so parallel guesses check at most the limit.
// Per account it refuses (the password is already known to whoever types codes), and per address
// it shares the passwords' counter, so a code is no easier to guess than a password.
const codeKey = (userId: string) => `second-factor:${userId}`;

async function takeCodeAttempt(userId: string, address: string, now: Date): Promise<number> {
  const verdict = await takeAttempts(
    [
      { key: codeKey(userId), rule: passwordRules.pair },
      { key: throttleKeys.address(address), rule: passwordRules.address },
    ],
    now,
  );
  return verdict.status === "refused" ? verdict.retryAfterSeconds : 0;
}

/** The right code: the account's streak of wrong codes ends and the address gets its attempt back. */
async function codeAccepted(userId: string, address: string): Promise<void> {
  await forgetAttempts([codeKey(userId)]);
  await giveBackAttempt(throttleKeys.address(address));
}

const looksLikeRecoveryCode = (typed: string) =>
  /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(typed)) && /[a-z]/i.test(typed);

/** Uses a TOTP code: accepted only for a step after the last accepted one, claimed atomically. */
async function claimTotpCode(userId: string, code: string, now: Date): Promise<"ok" | "wrong" | "reused"> {
  const row = await db.twoFactor.findUnique({ where: { userId } });
  if (!row) return "wrong";
  const check = checkTotp(openSecret(row), code, now, row.lastUsedStep);
  if (!check.ok) return check.reason;
  // Two requests with the same code at once: only the first moves lastUsedStep on.
  const claimed = await db.twoFactor.updateMany({
    where: { userId, lastUsedStep: { lt: check.step } },
    data: { lastUsedStep: check.step },
  });
  return claimed.count === 1 ? "ok" : "reused";
}

async function spendRecoveryCode(userId: string, typed: string, now: Date): Promise<"ok" | "wrong"> {
  const spent = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(typed), usedAt: null },
    data: { usedAt: now },
  });
  return spent.count === 1 ? "ok" : "wrong";
}

/**
 * The second sign-in step for an enrolled person: a code from their app, or one of their recovery
 * codes (each works once). Throttled like passwords; every attempt is audited.
 */
export async function proveSecondFactor(
  caller: SecondFactorCaller,
  typed: string,
  clientAddress: string,
  now = new Date(),
): Promise<CodeCheck> {
  const audit = (outcome: "SUCCESS" | "FAILED" | "DENIED", detail?: string) =>
    recordAudit({
      actorId: caller.id,
      actorRole: caller.role,
      action: "SECOND_FACTOR",
      outcome,
      clientAddress,
      detail: detail ?? null,
    });
  const wait = await takeCodeAttempt(caller.id, clientAddress, now);
  if (wait > 0) {
    await audit("DENIED", "throttled");
    await logEvent("second_factor_throttled", { userId: caller.id, retryAfterSeconds: wait });
    return { status: "throttled", retryAfterSeconds: wait };
  }
  if (!(await isEnrolled(caller.id))) return { status: "wrong" };
  const trimmed = typed.trim();
  if (looksLikeRecoveryCode(trimmed)) {
    if ((await spendRecoveryCode(caller.id, trimmed, now)) === "ok") {
      const left = await db.recoveryCode.count({ where: { userId: caller.id, usedAt: null } });
      await codeAccepted(caller.id, clientAddress);
      await audit("SUCCESS", "recovery code");
      return { status: "ok", recoveryCodesLeft: left };
    }
  } else {
    const result = await claimTotpCode(caller.id, trimmed.replace(/\s/g, ""), now);
    if (result === "ok") {
      await codeAccepted(caller.id, clientAddress);
      await audit("SUCCESS");
      return { status: "ok" };
    }
    if (result === "reused") {
      await audit("FAILED", "code already used");
      return { status: "reused" };
    }
  }
  await audit("FAILED");
  await logEvent("second_factor_failed", { userId: caller.id });
  return { status: "wrong" };
}

export type EnrolmentResult =
  | { status: "ok"; recoveryCodes: string[] }
  | { status: "wrong" }
  | { status: "reused" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Turns two-factor sign-in on once the person typed a code from the secret they were shown, and
 * hands back ten recovery codes to show once (only their hashes are kept).
 */
export async function confirmEnrolment(
  caller: SecondFactorCaller,
  typed: string,
  clientAddress: string,
  now = new Date(),
): Promise<EnrolmentResult> {
  const wait = await takeCodeAttempt(caller.id, clientAddress, now);
  if (wait > 0) return { status: "throttled", retryAfterSeconds: wait };
  const row = await db.twoFactor.findUnique({ where: { userId: caller.id } });
  if (!row || row.enabledAt) return { status: "wrong" };
  const result = await claimTotpCode(caller.id, typed.trim().replace(/\s/g, ""), now);
  if (result !== "ok") {
    return { status: result };
  }
  await codeAccepted(caller.id, clientAddress);
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.twoFactor.update({ where: { userId: caller.id }, data: { enabledAt: now } });
    await tx.recoveryCode.deleteMany({ where: { userId: caller.id } });
    await tx.recoveryCode.createMany({
      data: recoveryCodes.map((code) => ({ userId: caller.id, codeHash: hashRecoveryCode(code) })),
    });
    await recordAudit(
      {
        actorId: caller.id,
        actorRole: caller.role,
        action: "TWO_FACTOR_ENABLED",
        patientId: caller.role === "PATIENT" ? caller.id : null,
        outcome: "SUCCESS",
        clientAddress,
      },
      tx,
    );
  });
  return { status: "ok", recoveryCodes };
}

export async function recoveryCodesLeft(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
