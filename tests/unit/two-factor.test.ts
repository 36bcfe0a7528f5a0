import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyFingerprint, open, seal } from "@/lib/auth/secret-box";
import {
  checkTotp,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpCode,
  totpUri,
} from "@/lib/auth/totp";
import { enrolmentSchema, secondFactorSchema } from "@/lib/validation/two-factor";

// RFC 6238 appendix B: the SHA-1 test secret "12345678901234567890" and its 8-digit codes; the
// app uses 6 digits, which are the last 6 of those.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const rfcVectors: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
];

describe("TOTP codes", () => {
  it.each(rfcVectors)("match RFC 6238's test vector at %i s", (seconds, code) => {
    expect(totpCode(rfcSecret, new Date(seconds * 1000))).toBe(code);
    expect(checkTotp(rfcSecret, code, new Date(seconds * 1000), 0)).toEqual({
      ok: true,
      step: Math.floor(seconds / 30),
    });
  });

  const now = new Date("2026-12-02T10:00:10Z");
  const step = Math.floor(now.getTime() / 30_000);
  const codeAt = (s: number) => totpCode(rfcSecret, new Date(s * 30_000));

  it("accepts one step of clock drift either side, and no more", () => {
    expect(checkTotp(rfcSecret, codeAt(step - 1), now, 0)).toEqual({ ok: true, step: step - 1 });
    expect(checkTotp(rfcSecret, codeAt(step + 1), now, 0)).toEqual({ ok: true, step: step + 1 });
    expect(checkTotp(rfcSecret, codeAt(step - 2), now, 0)).toEqual({ ok: false, reason: "wrong" });
    expect(checkTotp(rfcSecret, codeAt(step + 2), now, 0)).toEqual({ ok: false, reason: "wrong" });
  });

  it("refuses a code of the last accepted step or before it as reused (RFC 6238 section 5.2)", () => {
    const code = codeAt(step);
    const first = checkTotp(rfcSecret, code, now, 0);
    expect(first).toEqual({ ok: true, step });
    expect(checkTotp(rfcSecret, code, now, step)).toEqual({ ok: false, reason: "reused" });
    // An older code still inside the drift window is no way round it.
    expect(checkTotp(rfcSecret, codeAt(step - 1), now, step)).toEqual({ ok: false, reason: "reused" });
    // The next step's code is new.
    expect(checkTotp(rfcSecret, codeAt(step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses anything but six digits", () => {
    const code = codeAt(step);
    for (const typed of [
      ` ${code}`,
      `${code}0`,
      code.slice(1),
      "",
      "abcdef",
      `${code.slice(0, 3)} ${code.slice(3)}`,
    ]) {
      expect(checkTotp(rfcSecret, typed, now, 0)).toEqual({ ok: false, reason: "wrong" });
    }
  });

  it("makes 160-bit secrets and an otpauth URI that names the app and the account", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "sam@clinic.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Hip & Back Coach");
    expect(decodeURIComponent(uri.pathname)).toBe("/Hip & Back Coach:sam@clinic.example");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, hashed the same however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const [first = ""] = codes;
    expect(hashRecoveryCode(first.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(first));
    expect(hashRecoveryCode(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(first)).not.toContain(first.replace("-", ""));
  });
});

describe("the secret box (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips, with a fresh IV each time and no plaintext in the sealed value", () => {
    const secret = newTotpSecret();
    const a = seal(key, secret);
    const b = seal(key, secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(a.startsWith("v1.")).toBe(true);
    expect(open(key, a)).toBe(secret);
  });

  it("refuses another key and any changed byte", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP");
    expect(() => open(randomBytes(32), sealed)).toThrow();
    const [version, iv, ciphertext, tag] = sealed.split(".");
    const flipped = Buffer.from(ciphertext ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => open(key, [version, iv, flipped.toString("base64url"), tag].join("."))).toThrow();
    expect(() => open(key, "plain text")).toThrow("Not a sealed value.");
  });

  it("names a key by a fingerprint that differs between keys", () => {
    const fingerprint = keyFingerprint(key);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(keyFingerprint(Buffer.from(key))).toBe(fingerprint);
    expect(keyFingerprint(randomBytes(32))).not.toBe(fingerprint);
  });
});

describe("the code forms", () => {
  it("take six digits or a recovery code, and refuse anything else at the field", () => {
    expect(secondFactorSchema.safeParse({ code: " 123 456 " }).data?.code).toBe("123 456");
    expect(secondFactorSchema.safeParse({ code: "abcde-23456" }).success).toBe(true);
    for (const code of ["", "12345", "1234567", "12345a", "abc", "x".repeat(40), "<script>"]) {
      const result = secondFactorSchema.safeParse({ code });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["code"]);
    }
    expect(enrolmentSchema.safeParse({ code: "abcde-23456" }).success).toBe(false);
    expect(enrolmentSchema.safeParse({ code: "654321" }).success).toBe(true);
  });
});
