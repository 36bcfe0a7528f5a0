// E-mail, verified sign-up, password reset, address change and invitations by e-mail, against a
// real SMTP server started here (tests/support/smtp.ts): every message is read as a mail client
// would read it, and every link in it is followed the way the pages follow it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { initialActionState } from "@/lib/actions/action-state";
import { changeEmailAction, forgotPasswordAction, signUpAction } from "@/lib/actions/auth";
import { acceptInviteAction } from "@/lib/actions/care";
import { getCurrentUser, getHalfSignedIn } from "@/lib/data/current-user";
import { confirmEmailLink, myEmailStatus, sendVerificationEmail } from "@/lib/data/email-address";
import { createInvite } from "@/lib/data/invitations";
import { requestPasswordReset, resetLinkUsable, resetPassword } from "@/lib/data/password-reset";
import { authenticate } from "@/lib/data/sign-in";
import { registerUser } from "@/lib/data/users";
import { passwordRules } from "@/lib/domain/throttle";
import { sendMail } from "@/lib/mail/send";
import { auditKey, createUser, navigationOutcome, signInAs, testDb } from "../support/factories";
import { linkIn, startTestSmtp, type TestSmtp } from "../support/smtp";
import { actAs } from "../support/test-session";

let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
beforeEach(() => {
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("APP_URL", "https://exercises.example.org");
  vi.stubEnv("MAIL_FROM", "Exercise programme <no-reply@exercises.example.org>");
  vi.stubEnv("SIGN_UP_LIMIT_PER_HOUR", "1000");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.close();
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

let counter = 0;
/** A fresh address, and a fresh client address so per-address throttles never meet across tests. */
function fresh(name: string) {
  counter += 1;
  return { email: `${name}-${counter}-${Date.now()}@example.test`, client: `198.51.100.${counter}` };
}

const signUpInput = (email: string, password = "a long passphrase") => ({
  name: "Rosa Díaz",
  email,
  password,
  role: "PATIENT" as const,
  timezone: "Europe/Madrid",
});

/** Nothing in any message says what the app is for or names a body part or a condition. */
function expectNeutral(mail: { subject: string; text: string; html: string }) {
  for (const part of [mail.subject, mail.text, mail.html]) {
    // Links hold random tokens, which may spell anything.
    const words = part.replace(/https?:\/\/[^\s"<]+/g, "");
    expect(words).not.toMatch(/\b(hip|back|pain|rehab\w*|physio\w*|injur\w*|condition\w*|health)\b/i);
  }
}

describe("sign-up reveals nothing", () => {
  it("answers a new and an already registered address alike, and sends each the right message", async () => {
    const newcomer = fresh("newcomer");
    const owner = await createUser("PATIENT");
    signInAs(null);
    const answerNew = await signUpAction(initialActionState, form({ ...signUpInput(newcomer.email) }));
    const answerTaken = await signUpAction(
      initialActionState,
      form({ ...signUpInput(owner.email.toUpperCase(), "somebody else's phrase") }),
    );
    expect(answerNew.ok).toBe(true);
    expect(answerTaken.ok).toBe(true);
    expect(answerTaken.message).toBe(answerNew.message);
    expect(answerNew.message).toMatch(/^We sent a message to the address you gave/);

    const [toNewcomer, ...moreNew] = smtp.to(newcomer.email);
    expect(moreNew).toEqual([]);
    expect(toNewcomer?.subject).toBe("Confirm your e-mail address");
    expect(toNewcomer?.parsed.from?.text).toBe('"Exercise programme" <no-reply@exercises.example.org>');
    const link = linkIn(toNewcomer as never, "/verify-email");
    expect(link.origin).toBe("https://exercises.example.org");
    expect(toNewcomer?.html).toContain(link.searchParams.get("token"));
    expectNeutral(toNewcomer as never);

    const [toOwner, ...moreOwner] = smtp.to(owner.email);
    expect(moreOwner).toEqual([]);
    expect(toOwner?.subject).toBe("Someone tried to create an account with your address");
    expect(toOwner?.text).not.toMatch(/verify-email|token=/);
    expectNeutral(toOwner as never);

    // No account yet for the newcomer, and the existing one is untouched.
    expect(await testDb().user.count({ where: { email: newcomer.email } })).toBe(0);
    const after = await testDb().user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(after.sessionVersion).toBe(owner.sessionVersion);
    expect(await testDb().pendingRegistration.count({ where: { email: owner.email } })).toBe(0);
  });

  it("creates the verified account when the link is followed, once", async () => {
    const { email, client } = fresh("rosa");
    expect(await registerUser(signUpInput(email), client)).toEqual({ status: "sent" });
    const token = linkIn(smtp.to(email).at(-1) as never, "/verify-email").searchParams.get("token") as string;
    const pending = await testDb().pendingRegistration.findUniqueOrThrow({ where: { email } });
    // Only a hash is stored.
    expect(pending.tokenHash).not.toContain(token);
    expect(pending.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await confirmEmailLink(token, client)).toEqual({ status: "account-created", email });
    const user = await testDb().user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user.timezone).toBe("Europe/Madrid");
    expect(await testDb().pendingRegistration.count({ where: { email } })).toBe(0);
    expect(
      await testDb().auditEvent.count({ where: { action: "SIGN_UP", actorKey: await auditKey(user) } }),
    ).toBe(1);
    // The password chosen at sign-up signs in.
    expect((await authenticate(email, "a long passphrase", client)).status).toBe("ok");

    // Single use.
    expect(await confirmEmailLink(token, client)).toEqual({ status: "invalid" });
    expect(await testDb().user.count({ where: { email } })).toBe(1);
  });

  it("lets a link lapse after 24 hours", async () => {
    const { email, client } = fresh("late");
    const sentAt = new Date();
    await registerUser(signUpInput(email), client, sentAt);
    const token = linkIn(smtp.to(email).at(-1) as never, "/verify-email").searchParams.get("token") as string;
    const dayLater = new Date(sentAt.getTime() + 24 * 3600_000 + 1000);
    expect(await confirmEmailLink(token, client, dayLater)).toEqual({ status: "invalid" });
    expect(await testDb().user.count({ where: { email } })).toBe(0);
  });

  it("replaces an unconfirmed sign-up with a newer one, so nobody can hold an address they cannot read", async () => {
    const { email, client } = fresh("squatted");
    // Someone without access to the inbox signs up first, with their own password.
    await registerUser({ ...signUpInput(email, "the squatter's phrase"), name: "Squatter" }, client);
    const squatterLink = linkIn(smtp.to(email).at(-1) as never, "/verify-email");
    // The owner signs up too: the first link stops working.
    await registerUser(signUpInput(email, "the owner's own phrase"), "198.51.100.250");
    const ownerLink = linkIn(smtp.to(email).at(-1) as never, "/verify-email");
    expect(await testDb().pendingRegistration.count({ where: { email } })).toBe(1);
    expect(await confirmEmailLink(squatterLink.searchParams.get("token") as string, client)).toEqual({
      status: "invalid",
    });
    expect(await confirmEmailLink(ownerLink.searchParams.get("token") as string, client)).toMatchObject({
      status: "account-created",
    });
    const user = await testDb().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Rosa Díaz");
    expect((await authenticate(email, "the squatter's phrase", "198.51.100.251")).status).not.toBe("ok");
  });

  it("keeps a sign-up that came from an invitation on its way back to it", async () => {
    const { email, client } = fresh("invited");
    await registerUser(signUpInput(email), client, new Date(), "/invite/abc");
    const link = linkIn(smtp.to(email).at(-1) as never, "/verify-email");
    expect(link.searchParams.get("callbackUrl")).toBe("/invite/abc");
  });

  it("refuses more than a few messages an hour to one address, whether or not it has an account", async () => {
    const owner = await createUser("PATIENT");
    const { email } = fresh("flood");
    for (const target of [owner.email, email]) {
      const before = smtp.to(target).length;
      const results = [];
      for (let n = 0; n < 4; n++) results.push(await registerUser(signUpInput(target), `192.0.2.${100 + n}`));
      expect(results.map((r) => r.status)).toEqual(["sent", "sent", "sent", "throttled"]);
      expect(smtp.to(target).length - before).toBe(3);
    }
  });
});

describe("password reset", () => {
  it("answers an unknown address exactly like a known one, and e-mails only the owner", async () => {
    const owner = await createUser("PATIENT");
    const unknown = fresh("nobody");
    signInAs(null);
    const known = await forgotPasswordAction(initialActionState, form({ email: owner.email }));
    const nobody = await forgotPasswordAction(initialActionState, form({ email: unknown.email }));
    expect(known.ok).toBe(true);
    expect(nobody).toEqual({ ...known, values: { email: unknown.email } });
    expect(smtp.to(unknown.email)).toEqual([]);
    const [mail] = smtp.to(owner.email);
    expect(mail?.subject).toBe("Choose a new password");
    expectNeutral(mail as never);
    expect(
      await testDb().accountToken.count({ where: { userId: owner.id, purpose: "RESET_PASSWORD" } }),
    ).toBe(1);
  });

  it("sets the new password once, ends every session, verifies the address and tells the owner", async () => {
    const owner = await createUser("PATIENT");
    await testDb().user.update({ where: { id: owner.id }, data: { emailVerifiedAt: null } });
    const { client } = fresh("reset");
    await requestPasswordReset(owner.email, client);
    const token = linkIn(smtp.to(owner.email).at(-1) as never, "/reset-password").searchParams.get(
      "token",
    ) as string;
    expect(await resetLinkUsable(token)).toBe(true);

    // A session signed in before the reset.
    actAs(owner);
    expect(await getCurrentUser()).not.toBeNull();

    expect(await resetPassword(token, "a fresh new passphrase", client)).toEqual({
      status: "reset",
      email: owner.email,
    });
    expect(await getCurrentUser()).toBeNull();
    const after = await testDb().user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(after.sessionVersion).toBe(owner.sessionVersion + 1);
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await authenticate(owner.email, "a fresh new passphrase", client)).status).toBe("ok");
    expect((await authenticate(owner.email, owner.password, "198.51.100.201")).status).not.toBe("ok");
    expect(smtp.to(owner.email).at(-1)?.subject).toBe("Your password was changed");
    expect(
      await testDb().auditEvent.count({
        where: { action: "PASSWORD_RESET", actorKey: await auditKey(owner) },
      }),
    ).toBe(1);

    // Single use.
    expect(await resetLinkUsable(token)).toBe(false);
    expect(await resetPassword(token, "yet another passphrase", client)).toEqual({ status: "invalid" });
  });

  it("lets the link lapse after 30 minutes, and a newer link replaces an older one", async () => {
    const owner = await createUser("PATIENT");
    const { client } = fresh("lapse");
    const sentAt = new Date();
    await requestPasswordReset(owner.email, client, sentAt);
    const first = linkIn(smtp.to(owner.email).at(-1) as never, "/reset-password").searchParams.get(
      "token",
    ) as string;
    const later = new Date(sentAt.getTime() + 30 * 60_000 + 1000);
    expect(await resetPassword(first, "a fresh new passphrase", client, later)).toEqual({
      status: "invalid",
    });

    await requestPasswordReset(owner.email, client);
    const second = linkIn(smtp.to(owner.email).at(-1) as never, "/reset-password").searchParams.get(
      "token",
    ) as string;
    await requestPasswordReset(owner.email, client);
    const third = linkIn(smtp.to(owner.email).at(-1) as never, "/reset-password").searchParams.get(
      "token",
    ) as string;
    expect(await resetPassword(second, "a fresh new passphrase", client)).toEqual({ status: "invalid" });
    expect(await resetPassword(third, "a fresh new passphrase", client)).toMatchObject({ status: "reset" });
  });

  it("is throttled per e-mail address and per client address, known or not", async () => {
    const owner = await createUser("PATIENT");
    const unknown = fresh("unknown-throttle");
    for (const email of [owner.email, unknown.email]) {
      const results = [];
      for (let n = 0; n < 4; n++)
        results.push((await requestPasswordReset(email, `192.0.2.${200 + n}`)).status);
      expect(results).toEqual(["sent", "sent", "sent", "throttled"]);
    }
    expect(smtp.to(owner.email)).toHaveLength(3);
    // One client asking for many addresses.
    const statuses = [];
    for (let n = 0; n < 21; n++)
      statuses.push((await requestPasswordReset(`probe-${n}@example.test`, "192.0.2.99")).status);
    expect(statuses.filter((status) => status === "throttled")).toEqual(["throttled"]);
    expect(statuses.at(-1)).toBe("throttled");
  });

  it("still asks for the second factor at the next sign-in where one is enrolled", async () => {
    const physio = await createUser("PHYSIO");
    await testDb().twoFactor.create({
      data: { userId: physio.id, secret: "sealed", keyFingerprint: "fp", enabledAt: new Date() },
    });
    const { client } = fresh("second-factor");
    await requestPasswordReset(physio.email, client);
    const token = linkIn(smtp.to(physio.email).at(-1) as never, "/reset-password").searchParams.get(
      "token",
    ) as string;
    await resetPassword(token, "a fresh new passphrase", client);
    expect(await testDb().twoFactor.findUnique({ where: { userId: physio.id } })).toMatchObject({
      enabledAt: expect.any(Date),
    });
    expect(await testDb().secondFactorPass.count({ where: { userId: physio.id } })).toBe(0);
    // A new session after the reset is only half signed in until the code is given.
    actAs({ ...physio, sessionVersion: physio.sessionVersion + 1, sessionId: "after-reset" });
    expect(await getCurrentUser()).toBeNull();
    expect((await getHalfSignedIn())?.id).toBe(physio.id);
  });
});

describe("confirming an existing account's address", () => {
  it("lets an account made before verification be used, but not accept an invitation until confirmed", async () => {
    const physio = await createUser("PHYSIO");
    const patient = await createUser("PATIENT");
    await testDb().user.update({ where: { id: patient.id }, data: { emailVerifiedAt: null } });
    signInAs(physio);
    const invite = await createInvite(patient.email, new Date(), { sendEmail: true });
    expect(invite.emailed).toBe("sent");

    signInAs(patient);
    expect(await getCurrentUser()).not.toBeNull();
    expect(await myEmailStatus()).toMatchObject({ verified: false });
    const refused = await acceptInviteAction(initialActionState, form({ token: invite.token }));
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/confirm your e-mail address first/);
    expect(await testDb().careLink.count({ where: { patientId: patient.id } })).toBe(0);

    await sendVerificationEmail("198.51.100.30");
    const mail = smtp.to(patient.email).at(-1);
    expect(mail?.subject).toBe("Confirm your e-mail address");
    expectNeutral(mail as never);
    const token = linkIn(mail as never, "/verify-email").searchParams.get("token") as string;
    expect(await confirmEmailLink(token, "198.51.100.30")).toEqual({
      status: "verified",
      userId: patient.id,
    });
    expect(await confirmEmailLink(token, "198.51.100.30")).toEqual({ status: "invalid" });
    expect(await myEmailStatus()).toMatchObject({ verified: true });

    expect(
      await navigationOutcome(() => acceptInviteAction(initialActionState, form({ token: invite.token }))),
    ).toBe("redirect:/account?answered=accept");
    expect(await testDb().careLink.count({ where: { patientId: patient.id, status: "ACTIVE" } })).toBe(1);
  });
});

describe("invitations by e-mail", () => {
  it("sends the link and the code, naming who asks and nothing about why", async () => {
    const physio = await createUser("PHYSIO", { name: "Jo Mensah" });
    const patient = fresh("invitee");
    signInAs(physio);
    const invite = await createInvite(patient.email, new Date(), { sendEmail: true });
    const [mail, ...more] = smtp.to(patient.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe("An invitation to share your exercise diary");
    expect(mail?.text).toContain("Jo Mensah asked you to connect your accounts");
    expect(linkIn(mail as never, `/invite/${invite.token}`).origin).toBe("https://exercises.example.org");
    expect(mail?.text).toContain(invite.code);
    expectNeutral(mail as never);
    // Without the box ticked nothing is sent.
    const other = fresh("not-emailed");
    expect((await createInvite(other.email)).emailed).toBe("no");
    expect(smtp.to(other.email)).toEqual([]);
  });
});

describe("changing the e-mail address", () => {
  it("needs the current password, confirms the new address before it takes effect, and tells the old one", async () => {
    const patient = await createUser("PATIENT");
    const next = fresh("moved");
    signInAs(patient);
    const wrong = await changeEmailAction(
      initialActionState,
      form({ newEmail: next.email, currentPassword: "not my password" }),
    );
    expect(wrong.errors?.currentPassword).toEqual(["That is not your current password."]);
    expect(smtp.to(next.email)).toEqual([]);

    const sent = await changeEmailAction(
      initialActionState,
      form({ newEmail: next.email, currentPassword: patient.password }),
    );
    expect(sent.ok).toBe(true);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: patient.id } })).email).toBe(patient.email);
    expect(smtp.to(patient.email).at(-1)?.subject).toBe("A change of e-mail address was asked for");
    const mail = smtp.to(next.email).at(-1);
    expect(mail?.subject).toBe("Confirm your new e-mail address");
    const token = linkIn(mail as never, "/verify-email").searchParams.get("token") as string;

    expect(await confirmEmailLink(token, "198.51.100.40")).toEqual({
      status: "changed",
      userId: patient.id,
      email: next.email,
    });
    const after = await testDb().user.findUniqueOrThrow({ where: { id: patient.id } });
    expect(after.email).toBe(next.email);
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect(smtp.to(patient.email).at(-1)?.subject).toBe("Your account has a new e-mail address");
    expect(await confirmEmailLink(token, "198.51.100.40")).toEqual({ status: "invalid" });
    expect(
      await testDb().auditEvent.count({
        where: { action: "EMAIL_CHANGED", actorKey: await auditKey(patient) },
      }),
    ).toBe(1);
  });

  it("answers the same for an address another account uses, and sends it nothing", async () => {
    const patient = await createUser("PATIENT");
    const other = await createUser("PATIENT");
    signInAs(patient);
    const before = smtp.to(other.email).length;
    const state = await changeEmailAction(
      initialActionState,
      form({ newEmail: other.email, currentPassword: patient.password }),
    );
    expect(state.ok).toBe(true);
    expect(smtp.to(other.email).length).toBe(before);
  });

  it("counts wrong passwords like sign-in guesses, refuses past the limit even the right one, and audits both", async () => {
    const patient = await createUser("PATIENT");
    const next = fresh("guessed");
    signInAs(patient);
    const change = (currentPassword: string) =>
      changeEmailAction(initialActionState, form({ newEmail: next.email, currentPassword }));
    for (let i = 0; i < passwordRules.pair.limit; i++) {
      expect((await change(`wrong ${i}`)).errors?.currentPassword).toEqual([
        "That is not your current password.",
      ]);
    }
    const refused = await change(patient.password);
    expect(refused.errors?.currentPassword?.[0]).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    expect(smtp.to(next.email)).toEqual([]);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: patient.id } })).email).toBe(patient.email);
    const outcomes = await testDb().auditEvent.groupBy({
      by: ["outcome"],
      where: { actorKey: await auditKey(patient), action: "EMAIL_CHANGE_REQUESTED" },
      _count: true,
    });
    expect(Object.fromEntries(outcomes.map((row) => [row.outcome, row._count]))).toEqual({
      FAILED: passwordRules.pair.limit,
      DENIED: 1,
    });
  });
});

describe("the outbox of the embedded mode", () => {
  it("writes each message as .eml with a plain .txt beside it when no SMTP server is set", async () => {
    vi.stubEnv("SMTP_URL", "");
    await sendMail({
      to: "someone@example.test",
      subject: "Choose a new password",
      text: "Choose a new password:\nhttps://exercises.example.org/reset-password?token=abc",
      html: "<p>Choose</p>",
    });
    const outbox = path.join(process.env.DATA_DIR as string, "outbox");
    expect(existsSync(outbox)).toBe(true);
    const files = readdirSync(outbox).sort();
    expect(files.map((file) => path.extname(file))).toEqual([".eml", ".txt"]);
    const txt = readFileSync(path.join(outbox, files[1] as string), "utf8");
    expect(txt).toContain("https://exercises.example.org/reset-password?token=abc");
    const eml = readFileSync(path.join(outbox, files[0] as string), "utf8");
    expect(eml).toMatch(/^Subject: Choose a new password$/m);
    expect(eml).toMatch(/^From: Exercise programme <no-reply@exercises.example.org>$/m);
  });
});
