import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { requirePatientAccess, requireRole } from "@/lib/data/current-user";
import { inviteCodeAttempts, previewInviteByCode } from "@/lib/data/invitations";
import { authenticate } from "@/lib/data/sign-in";
import { logger } from "@/lib/log";
import { answerWith } from "@/lib/route-answers";
import { createUser, signInAs } from "../support/factories";

// The security events and unexpected errors an operator reads in the server's log: which are
// written, with which fields, and that no e-mail address or typed value is among them.

let warn: MockInstance;
let error: MockInstance;

beforeEach(() => {
  warn = vi.spyOn(logger, "warn");
  error = vi.spyOn(logger, "error");
});

afterEach(() => {
  vi.restoreAllMocks();
});

function events(name: string): Record<string, unknown>[] {
  return warn.mock.calls.map(([fields]) => fields as Record<string, unknown>).filter((f) => f.event === name);
}

async function refusal(run: () => Promise<unknown>): Promise<void> {
  await expect(run()).rejects.toBeDefined();
}

describe("log events", () => {
  it("a wrong password logs a failed sign-in with the account's id, an unknown e-mail with none", async () => {
    const patient = await createUser("PATIENT");
    await authenticate(patient.email, "not the password", "198.51.100.60");
    await authenticate(`nobody-${patient.id}@example.test`, "not the password", "198.51.100.60");
    expect(events("sign_in_failed")).toEqual([
      expect.objectContaining({ userId: patient.id }),
      expect.objectContaining({ userId: null }),
    ]);
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).not.toContain(patient.email);
    expect(logged).not.toContain("not the password");
  });

  it("a throttled sign-in is logged with the wait", async () => {
    const patient = await createUser("PATIENT");
    // Guesses from one address at one account: the pair is refused past its limit.
    for (let i = 0; i < 5; i++) await authenticate(patient.email, "wrong", "203.0.113.60");
    await authenticate(patient.email, patient.password, "203.0.113.60");
    expect(events("sign_in_throttled")).toEqual([
      expect.objectContaining({ retryAfterSeconds: expect.any(Number) }),
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(patient.email);
  });

  it("refused access to a patient is logged with who asked and why, not whom they asked for", async () => {
    const physio = await createUser("PHYSIO");
    const patient = await createUser("PATIENT");
    const other = await createUser("PATIENT");
    signInAs(physio);
    await refusal(() => requirePatientAccess(patient.id));
    signInAs(other);
    await refusal(() => requirePatientAccess(patient.id));
    expect(events("access_refused")).toEqual([
      expect.objectContaining({ userId: physio.id, role: "PHYSIO", reason: "no_care_link" }),
      expect.objectContaining({ userId: other.id, role: "PATIENT", reason: "other_patient" }),
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(patient.id);
  });

  it("a page or action of the other role is logged as refused", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    await refusal(() => requireRole("PHYSIO"));
    expect(events("access_refused")).toEqual([
      expect.objectContaining({ userId: patient.id, role: "PATIENT", reason: "wrong_role" }),
    ]);
  });

  it("pausing code entry is logged, without the codes tried", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    for (let attempt = 0; attempt <= inviteCodeAttempts.limit; attempt++) {
      await previewInviteByCode("ABCD2345").catch(() => undefined);
    }
    const logged = events("invite_code_throttled");
    expect(logged).toEqual([expect.objectContaining({ userId: patient.id })]);
    // The wait until the window that started with the first code ends.
    expect(logged[0]?.retryAfterSeconds).toBeGreaterThan(inviteCodeAttempts.windowMinutes * 60 - 60);
    expect(logged[0]?.retryAfterSeconds).toBeLessThanOrEqual(inviteCodeAttempts.windowMinutes * 60);
    expect(JSON.stringify(warn.mock.calls)).not.toContain("ABCD2345");
  });

  it("an unexpected error in a route handler is logged with its stack and answered without it", async () => {
    const failure = new Error("the disk is full");
    const response = await answerWith(async () => {
      throw failure;
    }, "Sign in.");
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("disk");
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ err: failure }), "Route handler failed");
  });
});
