import { verify } from "@node-rs/argon2";
import { describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/data/sign-in";
import { auditKey, createUser, testDb } from "../support/factories";

// The real argon2, observed: the test counts the verifications each sign-in performs.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...original, verify: vi.fn(original.verify) };
});

const address = "198.51.100.20";

describe("signing in", () => {
  it("accepts the right password and returns the user's role and session version", async () => {
    const patient = await createUser("PATIENT");
    const result = await authenticate(patient.email, patient.password, address);
    expect(result).toEqual({
      status: "ok",
      user: { id: patient.id, name: patient.name, email: patient.email, role: "PATIENT", sessionVersion: 0 },
    });
  });

  it("answers a wrong password and an unknown e-mail identically", async () => {
    const patient = await createUser("PATIENT");
    const wrongPassword = await authenticate(patient.email, "not the password at all", "198.51.100.21");
    const unknownEmail = await authenticate(
      "nobody-here@example.test",
      "not the password at all",
      "198.51.100.21",
    );
    expect(wrongPassword).toEqual({ status: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("does the same argon2 work for an unknown e-mail as for a wrong password", async () => {
    const patient = await createUser("PATIENT");
    const argon2Verify = vi.mocked(verify);
    argon2Verify.mockClear();
    await authenticate(`unknown-${patient.id}@example.test`, "some password", "192.0.2.101");
    const forUnknown = argon2Verify.mock.calls.length;
    argon2Verify.mockClear();
    await authenticate(patient.email, "some password", "192.0.2.102");
    const forWrong = argon2Verify.mock.calls.length;
    // Without the dummy verification an unknown e-mail would answer in ~1 ms instead of ~80 ms.
    expect(forUnknown).toBe(1);
    expect(forWrong).toBe(1);
    // The dummy hash uses the same argon2id parameters as real ones.
    expect(String(argon2Verify.mock.calls[0]?.[0])).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("slows down an account after five failures, even for the right password, and lets it in after the wait", async () => {
    const patient = await createUser("PATIENT");
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(patient.email, "wrong", `203.0.113.${i + 1}`)).toEqual({ status: "invalid" });
    }
    const blocked = await authenticate(patient.email, patient.password, "203.0.113.50");
    expect(blocked).toMatchObject({ status: "throttled" });
    expect(blocked.status === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(0);

    // Pretend the last failure was long ago: the account is never locked for good.
    await testDb().signInThrottle.update({
      where: { key: `account:${patient.email}` },
      data: { lastFailure: new Date(Date.now() - 16 * 60_000) },
    });
    expect(await authenticate(patient.email, patient.password, "203.0.113.50")).toMatchObject({
      status: "ok",
    });
  });

  it("throttles an address that tries many accounts, without blocking those accounts elsewhere", async () => {
    const spray = "198.51.100.99";
    for (let i = 0; i < 20; i++) {
      await authenticate(`victim-${i}@example.test`, "wrong", spray);
    }
    const patient = await createUser("PATIENT");
    expect(await authenticate(patient.email, patient.password, spray)).toMatchObject({ status: "throttled" });
    expect(await authenticate(patient.email, patient.password, "198.51.100.100")).toMatchObject({
      status: "ok",
    });
  });

  it("records every attempt in the audit trail with its outcome and address", async () => {
    const physio = await createUser("PHYSIO");
    await authenticate(physio.email, "wrong", "192.0.2.10");
    await authenticate(physio.email, physio.password, "192.0.2.10");
    const events = await testDb().auditEvent.findMany({
      where: { actorKey: await auditKey(physio), action: "SIGN_IN" },
      orderBy: { at: "asc" },
      select: { outcome: true, clientAddress: true },
    });
    expect(events).toEqual([
      { outcome: "FAILED", clientAddress: "192.0.2.10" },
      { outcome: "SUCCESS", clientAddress: "192.0.2.10" },
    ]);
  });
});
