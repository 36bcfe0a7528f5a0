import { describe, expect, it, vi } from "vitest";
import { initialActionState } from "@/lib/actions/action-state";
import { changePasswordAction, confirmEmailAction, signUpAction } from "@/lib/actions/auth";
import { getCurrentUser, revokeCurrentSession } from "@/lib/data/current-user";
import { authenticate } from "@/lib/data/sign-in";
import { changeOwnPassword, confirmRegistration, endAllSessions, registerUser } from "@/lib/data/users";
import { passwordRules } from "@/lib/domain/throttle";
import { auditKey, createUser, navigationOutcome, signInAs, testDb } from "../support/factories";
import { latestOutboxLink, outboxLinks } from "../support/outbox";
import { actAs } from "../support/test-session";

/** Follows the link of the newest sign-up message to this address, as its owner would. */
async function confirm(email: string) {
  const token = latestOutboxLink(email, "/verify-email").searchParams.get("token") as string;
  expect(await confirmRegistration(token, "192.0.2.1")).toMatchObject({ status: "created" });
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe("sign-up", () => {
  it("stores the e-mail in lower case and the password as an argon2id hash at ASVS parameters", async () => {
    const result = await registerUser(
      {
        name: "Ada",
        email: "ADA@example.test".toLowerCase(),
        password: "a long passphrase",
        role: "PATIENT",
        timezone: "Europe/Paris",
      },
      "192.0.2.1",
    );
    expect(result.status).toBe("sent");
    await confirm("ada@example.test");
    const user = await testDb().user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain("a long passphrase");
    expect(user.timezone).toBe("Europe/Paris");
  });

  it("keeps one pending sign-up per address, even when two arrive at once, and makes one account", async () => {
    const input = {
      name: "Bo",
      email: "bo@example.test",
      password: "another passphrase",
      role: "PATIENT" as const,
      timezone: "UTC",
    };
    const results = await Promise.allSettled([
      registerUser(input, "192.0.2.2"),
      registerUser(input, "192.0.2.3"),
    ]);
    // Both upserts target the one row; should both race to insert, the loser fails, never a second row.
    expect(results.some((r) => r.status === "fulfilled" && r.value.status === "sent")).toBe(true);
    expect(await testDb().pendingRegistration.count({ where: { email: "bo@example.test" } })).toBe(1);
    // Each sent sign-up mailed a link, but only the one whose row survived may open an account: which
    // of the two that is depends on commit order, not on which message was written last.
    const tokens = outboxLinks("bo@example.test", "/verify-email").map(
      (url) => url.searchParams.get("token") as string,
    );
    expect(tokens.length).toBe(
      results.filter((r) => r.status === "fulfilled" && r.value.status === "sent").length,
    );
    const outcomes = [];
    for (const token of tokens) outcomes.push((await confirmRegistration(token, "192.0.2.1")).status);
    expect(outcomes.filter((status) => status === "created")).toHaveLength(1);
    expect(await testDb().user.count({ where: { email: "bo@example.test" } })).toBe(1);
  });

  it("answers bad input field by field, keeps what was typed except the password, and writes nothing", async () => {
    signInAs(null);
    const before = await testDb().user.count();
    const state = await signUpAction(
      initialActionState,
      form({ name: "  ", email: "not-an-email", password: "short", role: "ADMIN", timezone: "Mars/Olympus" }),
    );
    expect(state.ok).toBe(false);
    expect(state.errors?.name).toEqual(["Enter your name."]);
    expect(state.errors?.email?.[0]).toMatch(/valid e-mail/);
    expect(state.errors?.password).toEqual(["Use at least 8 characters."]);
    expect(state.errors?.role?.[0]).toMatch(/patient or a physiotherapist/);
    expect(state.values).toMatchObject({ email: "not-an-email", role: "ADMIN" });
    expect(state.values).not.toHaveProperty("password");
    expect(await testDb().user.count()).toBe(before);
  });

  it("refuses one of the most common passwords", async () => {
    const state = await signUpAction(
      initialActionState,
      form({ name: "Cy", email: "cy@example.test", password: "password1", role: "PATIENT", timezone: "UTC" }),
    );
    expect(state.errors?.password?.[0]).toMatch(/too common/);
    expect(await testDb().user.count({ where: { email: "cy@example.test" } })).toBe(0);
  });

  it("answers someone whose e-mail is taken exactly like a newcomer, and changes nothing", async () => {
    const existing = await createUser("PATIENT");
    signInAs(null);
    const submit = (email: string) =>
      signUpAction(
        initialActionState,
        form({ name: "Dee", email, password: "yet another passphrase", role: "PHYSIO", timezone: "UTC" }),
      );
    const taken = await submit(existing.email.toUpperCase());
    const newcomer = await submit("dee@example.test");
    expect(taken.ok).toBe(true);
    expect(taken.message).toBe(newcomer.message);
    expect(taken.errors).toBeUndefined();
    expect(await testDb().user.count({ where: { email: existing.email } })).toBe(1);
    expect(await testDb().pendingRegistration.count({ where: { email: existing.email } })).toBe(0);
  });

  it("creates a physiotherapist's account only when the link is followed, then sends them to sign in", async () => {
    signInAs(null);
    const state = await signUpAction(
      initialActionState,
      form({
        name: "Eve",
        email: "eve@example.test",
        password: "physio passphrase",
        role: "PHYSIO",
        timezone: "UTC",
      }),
    );
    expect(state.ok).toBe(true);
    expect(await testDb().user.count({ where: { email: "eve@example.test" } })).toBe(0);
    const token = latestOutboxLink("eve@example.test", "/verify-email").searchParams.get("token") as string;
    const outcome = await navigationOutcome(() => confirmEmailAction(initialActionState, form({ token })));
    expect(outcome).toBe("redirect:/sign-in?confirmed=account");
    expect(
      await testDb().user.findUnique({ where: { email: "eve@example.test" }, select: { role: true } }),
    ).toEqual({
      role: "PHYSIO",
    });
  });
});

describe("sign-up throttling", () => {
  it("refuses sign-ups past SIGN_UP_LIMIT_PER_HOUR from one address, writes nothing, and not elsewhere", async () => {
    vi.stubEnv("SIGN_UP_LIMIT_PER_HOUR", "3");
    try {
      const attempt = (n: number, address: string) =>
        registerUser(
          {
            name: `Prober ${n}`,
            email: `probe-${n}-${address}@example.test`,
            password: "a long passphrase",
            role: "PATIENT",
            timezone: "UTC",
          },
          address,
        );
      const existing = await createUser("PATIENT");
      // Probing for a registered e-mail counts too.
      expect(
        await registerUser(
          {
            name: "X",
            email: existing.email,
            password: "a long passphrase",
            role: "PATIENT",
            timezone: "UTC",
          },
          "192.0.2.80",
        ),
      ).toEqual({ status: "sent" });
      expect((await attempt(1, "192.0.2.80")).status).toBe("sent");
      expect((await attempt(2, "192.0.2.80")).status).toBe("sent");
      expect(await attempt(3, "192.0.2.80")).toMatchObject({ status: "throttled" });
      expect(
        await testDb().pendingRegistration.count({ where: { email: "probe-3-192.0.2.80@example.test" } }),
      ).toBe(0);
      expect((await attempt(4, "192.0.2.81")).status).toBe("sent");
      // An hour later the address may sign up again.
      const later = new Date(Date.now() + 3601_000);
      expect(
        (
          await registerUser(
            {
              name: "Later",
              email: "later@example.test",
              password: "a long passphrase",
              role: "PATIENT",
              timezone: "UTC",
            },
            "192.0.2.80",
            later,
          )
        ).status,
      ).toBe("sent");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("answers a throttled sign-up form with a sentence and creates no account", async () => {
    vi.stubEnv("SIGN_UP_LIMIT_PER_HOUR", "1");
    try {
      const submit = (email: string) =>
        signUpAction(
          initialActionState,
          form({ name: "Flo", email, password: "another passphrase", role: "PATIENT", timezone: "UTC" }),
        );
      // The test session's address (203.0.113.7) may already have signed up in this file.
      await navigationOutcome(() => submit("flo-first@example.test")).catch(() => undefined);
      const state = await submit("flo-second@example.test");
      expect(state.ok).toBe(false);
      expect(state.message).toMatch(/^Too many sign-ups\. Try again in \d+ minutes?\.$/);
      expect(await testDb().pendingRegistration.count({ where: { email: "flo-second@example.test" } })).toBe(
        0,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("changing the password", () => {
  it("counts wrong current passwords like sign-in guesses and refuses past the limit, even the right one", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const change = (currentPassword: string) =>
      changePasswordAction(
        initialActionState,
        form({
          currentPassword,
          newPassword: "brand new passphrase",
          confirmPassword: "brand new passphrase",
        }),
      );
    for (let i = 0; i < passwordRules.pair.limit; i++) {
      expect((await change(`wrong ${i}`)).errors?.currentPassword).toEqual([
        "That is not your current password.",
      ]);
    }
    const refused = await change(patient.password);
    expect(refused.errors?.currentPassword?.[0]).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    // Nothing changed: the old password still works (from another address).
    expect(await authenticate(patient.email, patient.password, "192.0.2.90")).toMatchObject({ status: "ok" });
    const denied = await testDb().auditEvent.count({
      where: { actorKey: await auditKey(patient), action: "CHANGE_PASSWORD", outcome: "DENIED" },
    });
    expect(denied).toBe(1);
  });

  it("sends someone who is not signed in to sign-in and changes nothing", async () => {
    signInAs(null);
    const outcome = await navigationOutcome(() =>
      changePasswordAction(
        initialActionState,
        form({ currentPassword: "x", newPassword: "new passphrase 1", confirmPassword: "new passphrase 1" }),
      ),
    );
    expect(outcome).toBe("redirect:/sign-in");
  });

  it("refuses a wrong current password and keeps the old one working", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const state = await changePasswordAction(
      initialActionState,
      form({
        currentPassword: "wrong",
        newPassword: "brand new passphrase",
        confirmPassword: "brand new passphrase",
      }),
    );
    expect(state.errors?.currentPassword).toEqual(["That is not your current password."]);
    expect(await authenticate(patient.email, patient.password, "192.0.2.30")).toMatchObject({ status: "ok" });
  });

  it("switches to the new password and ends every other session", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    await changeOwnPassword(
      {
        currentPassword: patient.password,
        newPassword: "brand new passphrase",
        confirmPassword: "brand new passphrase",
      },
      "192.0.2.31",
    );
    expect(await authenticate(patient.email, patient.password, "192.0.2.32")).toEqual({ status: "invalid" });
    expect(await authenticate(patient.email, "brand new passphrase", "192.0.2.33")).toMatchObject({
      status: "ok",
      user: { sessionVersion: 1 },
    });
    // The session issued before the change (version 0) no longer counts.
    expect(await getCurrentUser()).toBeNull();
  });

  it("through the form, starts a fresh session and reloads the account page", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const outcome = await navigationOutcome(() =>
      changePasswordAction(
        initialActionState,
        form({
          currentPassword: patient.password,
          newPassword: "form passphrase 7",
          confirmPassword: "form passphrase 7",
        }),
      ),
    );
    expect(outcome).toBe("redirect:/account?passwordChanged=1");
    expect(await authenticate(patient.email, "form passphrase 7", "192.0.2.34")).toMatchObject({
      status: "ok",
    });
  });
});

it("signing out everywhere ends the sessions issued before it", async () => {
  const physio = await createUser("PHYSIO");
  signInAs(physio);
  expect(await getCurrentUser()).toMatchObject({ id: physio.id });
  await endAllSessions("192.0.2.40");
  expect(await getCurrentUser()).toBeNull();
  const audit = await testDb().auditEvent.findFirst({
    where: { actorKey: await auditKey(physio), action: "SIGN_OUT_EVERYWHERE" },
  });
  expect(audit?.outcome).toBe("SUCCESS");
});

it("signing out ends that session on the server, even if its cookie comes back, and no other", async () => {
  const patient = await createUser("PATIENT");
  const phone = { ...patient, sessionId: "session-on-phone" };
  const laptop = { ...patient, sessionId: "session-on-laptop" };
  actAs(phone);
  await revokeCurrentSession();
  expect(await getCurrentUser()).toBeNull();
  actAs(laptop);
  expect(await getCurrentUser()).toMatchObject({ id: patient.id });
});
