import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { mailRules, throttleKeys } from "@/lib/domain/throttle";
import { messages } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send";
import { mailReachesPeople } from "@/lib/mail/settings";
import { appLink, hashLinkToken, linkLifetimes, newLinkToken, sendNotice } from "./account-links";
import { recordAudit } from "./audit";
import { getCurrentUser, requireUser } from "./current-user";
import { isUniqueViolation, RuleError } from "./errors";
import { checkOwnPassword, type PasswordGuessOptions } from "./sign-in";
import { takeAttempts } from "./throttle";
import { confirmRegistration } from "./users";

/** For the header's banner: a signed-in user whose address is not confirmed yet (false for nobody). */
export async function signedInWithUnconfirmedEmail(): Promise<boolean> {
  const me = await getCurrentUser();
  if (!me) return false;
  const user = await db.user.findUnique({ where: { id: me.id }, select: { emailVerifiedAt: true } });
  return user !== null && user.emailVerifiedAt === null;
}

/** Whether the signed-in user's address is confirmed (accounts from before verification are not). */
export async function myEmailStatus(): Promise<{
  email: string;
  verified: boolean;
  pendingEmail: string | null;
}> {
  const me = await requireUser();
  const [user, change] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: me.id }, select: { emailVerifiedAt: true } }),
    db.accountToken.findFirst({
      where: { userId: me.id, purpose: "CHANGE_EMAIL", usedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { newEmail: true },
    }),
  ]);
  return { email: me.email, verified: user.emailVerifiedAt !== null, pendingEmail: change?.newEmail ?? null };
}

function mailThrottled(retryAfterSeconds: number): RuleError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new RuleError(
    `We sent several messages already. Please wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`,
  );
}

/** Sends the signed-in user a link that confirms their current address. */
export async function sendVerificationEmail(clientAddress: string, now = new Date()): Promise<void> {
  const me = await requireUser();
  if (!mailReachesPeople(config()))
    throw new RuleError("This server sends no e-mail, so addresses cannot be confirmed here.");
  const verdict = await takeAttempts(
    [{ key: throttleKeys.mailRecipient("verify", me.email), rule: mailRules.recipient }],
    now,
  );
  if (verdict.status === "refused") throw mailThrottled(verdict.retryAfterSeconds);
  const token = newLinkToken();
  await db.$transaction(async (tx) => {
    await tx.accountToken.deleteMany({ where: { userId: me.id, purpose: "VERIFY_EMAIL", usedAt: null } });
    await tx.accountToken.create({
      data: {
        userId: me.id,
        purpose: "VERIFY_EMAIL",
        tokenHash: hashLinkToken(token),
        // The address it was sent to: the link confirms that one only.
        newEmail: me.email,
        expiresAt: new Date(now.getTime() + linkLifetimes.verifyEmail),
        createdAt: now,
      },
    });
    await recordAudit(
      {
        actorId: me.id,
        actorRole: me.role,
        action: "EMAIL_VERIFICATION_SENT",
        outcome: "SUCCESS",
        clientAddress,
      },
      tx,
    );
  });
  await sendMail({ to: me.email, ...messages.confirmAddress(appLink("/verify-email", { token })) });
}

export type EmailChangeResult =
  | { status: "sent" }
  | { status: "wrong-password" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Asks to move the account to another address: needs the current password (a guess counted like a
 * sign-in's), and takes effect only when the link sent to the new address is followed. The old
 * address is told. An address another account uses gets the same answer and no message, so the
 * form cannot be used to find out who has an account.
 */
export async function requestEmailChange(
  input: { newEmail: string; currentPassword: string },
  clientAddress: string,
  now = new Date(),
  options: PasswordGuessOptions = {},
): Promise<EmailChangeResult> {
  const me = await requireUser();
  if (!mailReachesPeople(config()))
    throw new RuleError("This server sends no e-mail, so the address cannot be changed here.");
  if (input.newEmail === me.email) throw new RuleError("That is already your address.", "newEmail");
  const check = await checkOwnPassword(
    me,
    input.currentPassword,
    clientAddress,
    { action: "EMAIL_CHANGE_REQUESTED", throttledEvent: "password_change_throttled" },
    { now, ...options },
  );
  if (check.status !== "ok") return check;
  const mailVerdict = await takeAttempts(
    [{ key: throttleKeys.mailRecipient("change", me.id), rule: mailRules.recipient }],
    now,
  );
  if (mailVerdict.status === "refused") throw mailThrottled(mailVerdict.retryAfterSeconds);
  const token = newLinkToken();
  await db.$transaction(async (tx) => {
    await tx.accountToken.deleteMany({ where: { userId: me.id, purpose: "CHANGE_EMAIL", usedAt: null } });
    await tx.accountToken.create({
      data: {
        userId: me.id,
        purpose: "CHANGE_EMAIL",
        tokenHash: hashLinkToken(token),
        newEmail: input.newEmail,
        expiresAt: new Date(now.getTime() + linkLifetimes.changeEmail),
        createdAt: now,
      },
    });
    await recordAudit(
      {
        actorId: me.id,
        actorRole: me.role,
        action: "EMAIL_CHANGE_REQUESTED",
        outcome: "SUCCESS",
        clientAddress,
      },
      tx,
    );
  });
  const taken = await db.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
  if (!taken) {
    await sendMail({
      to: input.newEmail,
      ...messages.confirmNewAddress(appLink("/verify-email", { token })),
    });
  }
  await sendNotice({ to: me.email, ...messages.addressChangeRequested() });
  return { status: "sent" };
}

export type ConfirmEmailResult =
  | { status: "account-created"; email: string }
  | { status: "verified"; userId: string }
  | { status: "changed"; userId: string; email: string }
  | { status: "invalid" };

/**
 * Follows any link of /verify-email: a sign-up's (creates the account), a confirmation of the
 * current address, or of a new one (the account moves to it; the old address is told). Each works
 * once, until it expires, and only for the address it was sent to.
 */
export async function confirmEmailLink(
  token: string,
  clientAddress: string,
  now = new Date(),
): Promise<ConfirmEmailResult> {
  const registration = await confirmRegistration(token, clientAddress, now);
  if (registration.status === "created") return { status: "account-created", email: registration.email };
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      userId: true,
      purpose: true,
      newEmail: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true, role: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= now || !row.newEmail) return { status: "invalid" };
  if (row.purpose !== "VERIFY_EMAIL" && row.purpose !== "CHANGE_EMAIL") return { status: "invalid" };
  // A confirmation of an address the account no longer has confirms nothing.
  if (row.purpose === "VERIFY_EMAIL" && row.newEmail !== row.user.email) return { status: "invalid" };
  const oldEmail = row.user.email;
  const newEmail = row.newEmail;
  try {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.accountToken.updateMany({
        where: { id: row.id, usedAt: null },
        data: { usedAt: now },
      });
      if (count !== 1) return false;
      await tx.user.update({
        where: { id: row.userId },
        data: { email: newEmail, emailVerifiedAt: now },
      });
      await recordAudit(
        {
          actorId: row.userId,
          actorRole: row.user.role,
          action: row.purpose === "CHANGE_EMAIL" ? "EMAIL_CHANGED" : "EMAIL_VERIFIED",
          outcome: "SUCCESS",
          clientAddress,
        },
        tx,
      );
      return true;
    });
    if (!done) return { status: "invalid" };
  } catch (error) {
    // Someone else's account took the address meanwhile.
    if (isUniqueViolation(error)) return { status: "invalid" };
    throw error;
  }
  if (row.purpose === "VERIFY_EMAIL") return { status: "verified", userId: row.userId };
  await sendNotice({ to: oldEmail, ...messages.addressChanged() });
  return { status: "changed", userId: row.userId, email: newEmail };
}

/** Refuses an unconfirmed account before it may accept an invitation (by link or by code). */
export async function requireVerifiedEmail(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) {
    throw new RuleError(
      "Please confirm your e-mail address first: open Settings and send yourself a confirmation link. Then come back to this invitation.",
    );
  }
}
