import { verify } from "@node-rs/argon2";
import { describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/data/sign-in";
import { passwordRules } from "@/lib/domain/throttle";
import { auditKey, createUser, testDb } from "../support/factories";

// The real argon2, observed: the test counts the verifications each sign-in performs.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...original, verify: vi.fn(original.verify) };
});

const address = "198.51.100.20";
/** No real time passes for an account's slow-down. */
const noWait = { sleep: async () => undefined };

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

  it("refuses a sixth guess from one address at one account, even the right password, and not elsewhere", async () => {
    const patient = await createUser("PATIENT");
    const guesser = "203.0.113.40";
    for (let i = 0; i < passwordRules.pair.limit; i++) {
      expect(await authenticate(patient.email, "wrong", guesser, noWait)).toEqual({ status: "invalid" });
    }
    const blocked = await authenticate(patient.email, patient.password, guesser, noWait);
    expect(blocked).toMatchObject({ status: "throttled" });
    expect(blocked.status === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(0);
    // The owner at their own address is not locked out by someone else's guesses.
    expect(await authenticate(patient.email, patient.password, "198.51.100.77", noWait)).toMatchObject({
      status: "ok",
    });
    // The window ends and the guesser's pair may try again: never a permanent lock.
    const later = new Date(Date.now() + (passwordRules.pair.windowSeconds + 1) * 1000);
    expect(
      await authenticate(patient.email, patient.password, guesser, { now: later, sleep: noWait.sleep }),
    ).toMatchObject({ status: "ok" });
  });

  it("only slows an account guessed at from many addresses; the owner still gets in", async () => {
    const patient = await createUser("PATIENT");
    const waits: number[] = [];
    const sleep = async (milliseconds: number) => {
      waits.push(milliseconds);
    };
    for (let i = 0; i < 20; i++) {
      expect(await authenticate(patient.email, "wrong", `203.0.113.${100 + i}`, { sleep })).toEqual({
        status: "invalid",
      });
    }
    expect(await authenticate(patient.email, patient.password, "198.51.100.78", { sleep })).toMatchObject({
      status: "ok",
    });
    // Free up to the limit, then 1, 2, 4 and 8 s, never more.
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(8000);
    expect(waits).toHaveLength(21 - passwordRules.account.limit);
  });

  it("never slows an owner who signs in with the right password many times", async () => {
    const patient = await createUser("PATIENT");
    const waits: number[] = [];
    const sleep = async (milliseconds: number) => {
      waits.push(milliseconds);
    };
    for (let i = 0; i < passwordRules.account.limit * 2; i++) {
      expect(await authenticate(patient.email, patient.password, "198.51.100.79", { sleep })).toMatchObject({
        status: "ok",
      });
    }
    expect(waits).toEqual([]);
  });

  it("checks at most the limit's passwords of 40 guesses sent at once", async () => {
    const patient = await createUser("PATIENT");
    const argon2Verify = vi.mocked(verify);
    argon2Verify.mockClear();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        authenticate(patient.email, `wrong guess ${i}`, "203.0.113.60", noWait),
      ),
    );
    expect(argon2Verify.mock.calls.length).toBe(passwordRules.pair.limit);
    expect(answers.filter((answer) => answer.status === "invalid")).toHaveLength(passwordRules.pair.limit);
    expect(answers.filter((answer) => answer.status === "throttled")).toHaveLength(
      40 - passwordRules.pair.limit,
    );
  });

  it("refuses an address that tries many accounts, without blocking those accounts elsewhere", async () => {
    const spray = "198.51.100.99";
    for (let i = 0; i < passwordRules.address.limit; i++) {
      await authenticate(`victim-${i}@example.test`, "wrong", spray, noWait);
    }
    const patient = await createUser("PATIENT");
    expect(await authenticate(patient.email, patient.password, spray, noWait)).toMatchObject({
      status: "throttled",
    });
    expect(await authenticate(patient.email, patient.password, "198.51.100.100", noWait)).toMatchObject({
      status: "ok",
    });
  });

  it("gives a shared address its attempt back for each right password", async () => {
    const clinic = "198.51.100.150";
    for (let i = 0; i < passwordRules.address.limit + 5; i++) {
      const patient = await createUser("PATIENT");
      expect(await authenticate(patient.email, patient.password, clinic, noWait)).toMatchObject({
        status: "ok",
      });
    }
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
