import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { initialActionState } from "@/lib/actions/action-state";
import { confirmEnrolmentAction, proveSecondFactorAction } from "@/lib/actions/two-factor";
import { totpCode } from "@/lib/auth/totp";
import { getCurrentUser, getHalfSignedIn, revokeCurrentSession } from "@/lib/data/current-user";
import {
  confirmEnrolment,
  proveSecondFactor,
  secondFactorRequired,
  startEnrolment,
  TwoFactorKeyMismatch,
} from "@/lib/data/two-factor";
import { removeDemoAccounts, resetTwoFactor, twoFactorKeyWarning } from "@/lib/ops/accounts";
import { seedCatalog } from "../../prisma/seed/catalog";
import { demoAccounts, seedDemo } from "../../prisma/seed/demo";
import {
  auditKey,
  createUser,
  navigationOutcome,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";
import { actAs } from "../support/test-session";

// Two-factor sign-in against a real database: enrolment, codes used once, recovery codes used once,
// throttling, the key fingerprint, the operator's reset, and nothing of the secret in plaintext.

const t0 = new Date("2026-12-02T10:00:05Z");
const step0 = Math.floor(t0.getTime() / 30_000);
const atStep = (step: number) => new Date(step * 30_000 + 5_000);
const isPostgres = (process.env.DATABASE_URL ?? "").startsWith("postgres");

let address = "198.51.100.1";
beforeEach(() => {
  // A fresh address per test, so one test's failures do not throttle the next.
  address = `198.51.100.${Math.floor(Math.random() * 200) + 20}-${randomUUID().slice(0, 4)}`;
});

async function enrolled(role: "PATIENT" | "PHYSIO" = "PHYSIO") {
  const user = await createUser(role);
  const enrolment = await startEnrolment(user);
  if (!enrolment) throw new Error("expected a new enrolment");
  const result = await confirmEnrolment(user, totpCode(enrolment.secret, t0), address, t0);
  if (result.status !== "ok") throw new Error(`enrolment failed: ${result.status}`);
  return { user, secret: enrolment.secret, recoveryCodes: result.recoveryCodes };
}

/** A new session after the password step: it has not passed the second factor (signInAs's has). */
function halfSignIn(user: TestUser) {
  actAs({ ...user, sessionId: `half-${user.id}` });
}

describe("who needs a second factor", () => {
  it("is every physiotherapist, and a patient only once they turned it on", async () => {
    const physio = await createUser("PHYSIO");
    const patient = await createUser("PATIENT");
    expect(await secondFactorRequired(physio.id)).toBe(true);
    expect(await secondFactorRequired(patient.id)).toBe(false);
    const { user } = await enrolled("PATIENT");
    expect(await secondFactorRequired(user.id)).toBe(true);
  });

  it("exempts a demo account only in the embedded mode, by its flag and never by its e-mail", async () => {
    const demo = await createUser("PHYSIO");
    await testDb().user.update({ where: { id: demo.id }, data: { demoAccount: true } });
    expect(await secondFactorRequired(demo.id)).toBe(isPostgres);
    const lookalike = await createUser("PHYSIO", { email: `physio-${randomUUID()}@demo.test` });
    expect(await secondFactorRequired(lookalike.id)).toBe(true);
  });
});

describe("enrolment", () => {
  it("keeps the secret only encrypted, and the recovery codes only hashed", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const row = await testDb().twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.enabledAt).toEqual(t0);
    expect(row.secret).not.toContain(secret);
    expect(row.secret).toMatch(/^v1\./);
    expect(row.lastUsedStep).toBe(step0);
    const stored = await testDb().recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(recoveryCodes).toHaveLength(10);
    const everything = JSON.stringify(stored);
    for (const code of recoveryCodes) {
      expect(everything).not.toContain(code);
      expect(everything).not.toContain(code.replace("-", ""));
    }
    const audit = await testDb().auditEvent.findMany({
      where: { actorKey: await auditKey(user), action: "TWO_FACTOR_ENABLED" },
    });
    expect(audit).toHaveLength(1);
  });

  it("shows the same secret until it is confirmed, and never replaces one that is on", async () => {
    const user = await createUser("PATIENT");
    const first = await startEnrolment(user);
    expect((await startEnrolment(user))?.secret).toBe(first?.secret);
    const wrong = await confirmEnrolment(user, "000000", address, t0);
    expect(wrong).toEqual({ status: "wrong" });
    expect((await testDb().twoFactor.findUniqueOrThrow({ where: { userId: user.id } })).enabledAt).toBeNull();
    const { user: on } = await enrolled();
    expect(await startEnrolment(on)).toBeNull();
  });

  it("refuses a wrong code at the field and turns nothing on", async () => {
    const user = await createUser("PATIENT");
    signInAs(user);
    await startEnrolment(user);
    const state = await confirmEnrolmentAction(initialActionState, { code: "12345" });
    expect(state.ok).toBe(false);
    expect(state.errors?.code).toEqual(["Enter the 6 digits your app shows."]);
    expect(await testDb().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the second step", () => {
  it("accepts a code once: the same code again, or an older one, is refused", async () => {
    const { user, secret } = await enrolled();
    // The code used to enrol, in the same step: already used.
    expect(await proveSecondFactor(user, totpCode(secret, t0), address, t0)).toEqual({ status: "reused" });
    const next = atStep(step0 + 1);
    const code = totpCode(secret, next);
    expect(await proveSecondFactor(user, code, address, next)).toEqual({ status: "ok" });
    expect(await proveSecondFactor(user, code, address, next)).toEqual({ status: "reused" });
    expect(await proveSecondFactor(user, totpCode(secret, t0), address, next)).toEqual({ status: "reused" });
    expect(await proveSecondFactor(user, "123456", address, next)).toEqual({ status: "wrong" });
  });

  it("lets only one of two parallel requests with the same code through", async () => {
    const { user, secret } = await enrolled();
    const next = atStep(step0 + 1);
    const code = totpCode(secret, next);
    const results = await Promise.all([
      proveSecondFactor(user, code, address, next),
      proveSecondFactor(user, code, address, next),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["ok", "reused"]);
  });

  it("takes each recovery code once, however it is typed", async () => {
    const { user, recoveryCodes } = await enrolled();
    const [first = "", second = ""] = recoveryCodes;
    expect(await proveSecondFactor(user, first.toUpperCase(), address, t0)).toEqual({
      status: "ok",
      recoveryCodesLeft: 9,
    });
    expect(await proveSecondFactor(user, first, address, t0)).toEqual({ status: "wrong" });
    expect(await proveSecondFactor(user, second.replace("-", ""), address, t0)).toEqual({
      status: "ok",
      recoveryCodesLeft: 8,
    });
    // Another person's recovery code is not this person's.
    const other = await enrolled();
    expect(await proveSecondFactor(user, other.recoveryCodes[0] ?? "", address, t0)).toEqual({
      status: "wrong",
    });
  });

  it("is throttled like passwords: after five wrong codes even the right one waits", async () => {
    const { user, secret } = await enrolled();
    const later = atStep(step0 + 4);
    // An address of its own: the other tests' codes count toward the shared per-address limit.
    const address = "192.0.2.150";
    for (let i = 0; i < 5; i++) {
      expect(await proveSecondFactor(user, "000000", address, later)).toEqual({ status: "wrong" });
    }
    const refused = await proveSecondFactor(user, totpCode(secret, later), address, later);
    expect(refused).toMatchObject({ status: "throttled" });
    // From another address the account is still throttled: the count is per account as well.
    expect(await proveSecondFactor(user, totpCode(secret, later), "192.0.2.200", later)).toMatchObject({
      status: "throttled",
    });
    const audits = await testDb().auditEvent.findMany({
      where: { actorKey: await auditKey(user), action: "SECOND_FACTOR" },
      select: { outcome: true },
    });
    expect(audits.filter((a) => a.outcome === "FAILED")).toHaveLength(5);
    expect(audits.filter((a) => a.outcome === "DENIED")).toHaveLength(2);
  });

  it("refuses a secret stored under another key with a message that says so", async () => {
    const { user, secret } = await enrolled();
    const original = process.env.TOTP_ENCRYPTION_KEY;
    vi.stubEnv("TOTP_ENCRYPTION_KEY", Buffer.alloc(32, 99).toString("base64"));
    try {
      const next = atStep(step0 + 1);
      await expect(proveSecondFactor(user, totpCode(secret, next), address, next)).rejects.toThrow(
        TwoFactorKeyMismatch,
      );
      halfSignIn(user);
      const state = await proveSecondFactorAction(initialActionState, { code: totpCode(secret, next) });
      expect(state.ok).toBe(false);
      expect(state.message).toContain("not the one the secrets were stored with");
      expect(await twoFactorKeyWarning(testDb(), process.env.TOTP_ENCRYPTION_KEY)).toMatch(
        /^Warning: \d+ two-factor secret\(s\) were stored under another TOTP encryption key/,
      );
    } finally {
      vi.unstubAllEnvs();
      expect(process.env.TOTP_ENCRYPTION_KEY).toBe(original);
      expect(await twoFactorKeyWarning(testDb(), original)).toBeNull();
    }
  });
});

describe("a half-signed-in session", () => {
  it("is nobody to the data layer, and only the second step knows it", async () => {
    const { user } = await enrolled();
    halfSignIn(user);
    expect(await getCurrentUser()).toBeNull();
    expect(await getHalfSignedIn()).toMatchObject({ id: user.id });
    signInAs(user);
    expect(await getHalfSignedIn()).toBeNull();
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  it("finishes signing in with a right code: the database, not the cookie, now counts the session in", async () => {
    const { user, secret } = await enrolled();
    halfSignIn(user);
    // The action reads the clock: set it one step after the enrolment's.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(atStep(step0 + 1));
    const code = totpCode(secret, atStep(step0 + 1));
    const state = await proveSecondFactorAction(initialActionState, {
      code,
      callbackUrl: "/caseload",
    }).finally(() => vi.useRealTimers());
    expect(state).toMatchObject({ ok: true, result: { next: "/caseload" } });
    // The same cookie as before the code (the browser may keep sending it) is now signed in.
    halfSignIn(user);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
    expect(await getHalfSignedIn()).toBeNull();
    // Another session of the same person still has to pass its own second factor.
    actAs({ ...user, sessionId: `other-${user.id}` });
    expect(await getCurrentUser()).toBeNull();
    expect(await getHalfSignedIn()).toMatchObject({ id: user.id });
  });

  it("gets a per-field message for a wrong code, and the session stays half signed in", async () => {
    const { user } = await enrolled();
    halfSignIn(user);
    const state = await proveSecondFactorAction(initialActionState, { code: "000000" });
    expect(state).toMatchObject({ ok: false, errors: { code: [expect.stringContaining("not right")] } });
    expect(await testDb().secondFactorPass.count({ where: { sessionId: `half-${user.id}` } })).toBe(0);
    expect(await getCurrentUser()).toBeNull();
  });

  it("ends with signing out: the old cookie is then nobody, and its pass is gone", async () => {
    const { user, secret } = await enrolled();
    halfSignIn(user);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(atStep(step0 + 1));
    const state = await proveSecondFactorAction(initialActionState, {
      code: totpCode(secret, atStep(step0 + 1)),
    }).finally(() => vi.useRealTimers());
    expect(state).toMatchObject({ ok: true });
    await revokeCurrentSession();
    expect(await testDb().secondFactorPass.count({ where: { sessionId: `half-${user.id}` } })).toBe(0);
    halfSignIn(user);
    expect(await getCurrentUser()).toBeNull();
    expect(await getHalfSignedIn()).toBeNull();
  });

  it("a patient who turns it on while signed in stays signed in in that session", async () => {
    const patient = await createUser("PATIENT");
    actAs({ ...patient, sessionId: `patient-${patient.id}` });
    expect(await getCurrentUser()).toMatchObject({ id: patient.id });
    const enrolment = await startEnrolment(patient);
    if (!enrolment) throw new Error("expected a new enrolment");
    const state = await confirmEnrolmentAction(initialActionState, {
      code: totpCode(enrolment.secret, new Date()),
    });
    expect(state).toMatchObject({ ok: true, message: "Two-factor sign-in is on." });
    expect(await getCurrentUser()).toMatchObject({ id: patient.id });
    actAs({ ...patient, sessionId: `patient-elsewhere-${patient.id}` });
    expect(await getCurrentUser()).toBeNull();
  });

  it("is sent to sign in when nobody is signed in at all", async () => {
    signInAs(null);
    expect(
      await navigationOutcome(() => proveSecondFactorAction(initialActionState, { code: "123456" })),
    ).toBe("redirect:/sign-in");
  });
});

describe("the operator's reset", () => {
  it("removes the secret and recovery codes, ends every session, and is audited", async () => {
    const { user } = await enrolled();
    expect(await resetTwoFactor(testDb(), user.email)).toBe("reset");
    expect(await testDb().twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb().secondFactorPass.count({ where: { userId: user.id } })).toBe(0);
    const after = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { action: "TWO_FACTOR_RESET", outcome: "SUCCESS" },
      orderBy: { at: "desc" },
    });
    expect(audit).toMatchObject({ actorRole: "OPERATOR", detail: "operator command" });
    expect(await resetTwoFactor(testDb(), `nobody-${randomUUID()}@example.test`)).toBe("no-account");
  });
});

describe("the demo accounts", () => {
  it("are flagged by the demo seed, and `npm run demo:remove` deletes them and their data only", async () => {
    await seedCatalog(testDb());
    const someoneElse = await createUser("PATIENT");
    expect(await seedDemo(testDb(), "demo passphrase here")).toBe(true);
    const demoEmails = [
      demoAccounts.patient.email,
      demoAccounts.physio.email,
      ...demoAccounts.otherPatients.map((p) => p.email),
    ];
    const demo = await testDb().user.findMany({
      where: { email: { in: demoEmails } },
      select: { id: true, demoAccount: true },
    });
    expect(demo).toHaveLength(4);
    expect(demo.every((u) => u.demoAccount)).toBe(true);
    // An earlier test flagged one account by hand: it goes too.
    const flagged = await testDb().user.count({ where: { demoAccount: true } });
    const ids = demo.map((u) => u.id);
    expect(await testDb().exerciseSession.count({ where: { patientId: { in: ids } } })).toBeGreaterThan(0);

    expect(await removeDemoAccounts(testDb())).toBe(flagged);
    expect(await testDb().user.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await testDb().exerciseSession.count({ where: { patientId: { in: ids } } })).toBe(0);
    expect(await testDb().careLink.count({ where: { patientId: { in: ids } } })).toBe(0);
    expect(await testDb().user.count({ where: { id: someoneElse.id } })).toBe(1);
    expect(await removeDemoAccounts(testDb())).toBe(0);
  });
});
