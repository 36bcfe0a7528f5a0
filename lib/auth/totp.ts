import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

// TOTP as RFC 6238 describes it and authenticator apps expect: SHA-1, 6 digits, 30-second steps.
// One step either side is accepted for clock drift (RFC 6238 section 5.2), and a code of a step
// at or before the last accepted one is refused, so a code works once.

export const totpPeriodSeconds = 30;
const issuer = "Hip & Back Coach";

function totpFor(secretBase32: string, label = "account"): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: totpPeriodSeconds,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as apps show it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountLabel: string): string {
  return totpFor(secretBase32, accountLabel).toString();
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "wrong" | "reused" };

/**
 * Checks a 6-digit code at `now`. `lastUsedStep` is the step of the last accepted code (0 if none):
 * the same code, or an older one still inside the drift window, is "reused".
 */
export function checkTotp(secretBase32: string, code: string, now: Date, lastUsedStep: number): TotpCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "wrong" };
  const timestamp = now.getTime();
  const delta = totpFor(secretBase32).validate({ token: code, timestamp, window: 1 });
  if (delta === null) return { ok: false, reason: "wrong" };
  const step = Math.floor(timestamp / 1000 / totpPeriodSeconds) + delta;
  if (step <= lastUsedStep) return { ok: false, reason: "reused" };
  return { ok: true, step };
}

/** The code for `now` (tests, and nothing else in the app: the person's app makes codes). */
export function totpCode(secretBase32: string, now: Date): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}

export const recoveryCodeCount = 10;

/** Ten one-time recovery codes, about 50 random bits each, written as xxxxx-xxxxx (no look-alike letters). */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** How a typed recovery code is compared: case, spaces and the dash do not matter. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}
