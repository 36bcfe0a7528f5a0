import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { inviteCodeRules, throttleKeys } from "@/lib/domain/throttle";
import { formatDate, plural } from "@/lib/format";
import { logEvent, logServerError } from "@/lib/log-event";
import { messages } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send";
import { mailReachesPeople } from "@/lib/mail/settings";
import { currentClientAddress } from "@/lib/request-context";
import { inviteCodeAlphabet, inviteCodeLength } from "@/lib/validation/care";
import { appLink } from "./account-links";
import { auditedTransaction, recordAudit } from "./audit";
import { getCurrentUser, requireRole } from "./current-user";
import { requireVerifiedEmail } from "./email-address";
import { isUniqueViolation, NotFoundError, RuleError } from "./errors";
import { takeAttempts } from "./throttle";

// Invitations: a physiotherapist asks a patient to link; the patient answers by link or code.
export const inviteLifetimeDays = 7;
/** Codes a patient may enter (checking and answering each count) in the window before entry pauses. */
export const inviteCodeAttempts = {
  limit: inviteCodeRules.account.limit,
  windowMinutes: inviteCodeRules.account.windowSeconds / 60,
} as const;

/** One answer for every unusable invitation, so a guess learns nothing about which it was. */
function invalidInvite(): NotFoundError {
  const error = new NotFoundError();
  error.message =
    "This invitation is not valid. It may have expired, been used or cancelled, or been sent to a different e-mail address.";
  return error;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Tokens and codes are stored only as hashes; the database never holds one that works. */
export const hashInviteToken = (token: string) => sha256(`invite-token:${token}`);
export const hashInviteCode = (code: string) => sha256(`invite-code:${code}`);

function newCode(): string {
  let code = "";
  for (let index = 0; index < inviteCodeLength; index++) code += inviteCodeAlphabet[randomInt(32)];
  return code;
}

export const formatInviteCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** "p•••@example.com": enough for the right person to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

export type InviteStatus = "PENDING" | "ACCEPTED" | "DECLINED" | "CANCELLED" | "EXPIRED";

function statusOf(row: { status: string; expiresAt: Date }, now: Date): InviteStatus {
  return row.status === "PENDING" && row.expiresAt <= now ? "EXPIRED" : (row.status as InviteStatus);
}

export type CreatedInvite = {
  inviteId: string;
  token: string;
  code: string;
  expiresAt: Date;
  patientEmail: string;
  /** Whether it went out by e-mail too: not asked, sent, or failed (the link and code still work). */
  emailed: "no" | "sent" | "failed";
};

/**
 * A physiotherapist invites a patient by e-mail. The link carries 256 random bits and the code 40;
 * both are shown once, here, and only their hashes are kept.
 */
export async function createInvite(
  email: string,
  now = new Date(),
  options: { sendEmail?: boolean } = {},
): Promise<CreatedInvite> {
  const physio = await requireRole("PHYSIO");
  const patientEmail = email.trim().toLowerCase();
  if (patientEmail === physio.email)
    throw new RuleError("Invite your patient's e-mail, not your own.", "patientEmail");
  const expiresAt = new Date(now.getTime() + inviteLifetimeDays * 86_400_000);
  for (let attempt = 0; ; attempt++) {
    const token = randomBytes(32).toString("base64url");
    const code = newCode();
    try {
      const invite = await auditedTransaction((tx) =>
        tx.careInvite.create({
          data: {
            physioId: physio.id,
            patientEmail,
            tokenHash: hashInviteToken(token),
            codeHash: hashInviteCode(code),
            expiresAt,
          },
          select: { id: true },
        }),
      );
      const created = { inviteId: invite.id, token, code: formatInviteCode(code), expiresAt, patientEmail };
      const emailed = options.sendEmail ? await emailInvite(physio, created) : "no";
      return { ...created, emailed };
    } catch (error) {
      // A code already issued (one chance in a trillion per pair): draw again.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/**
 * The invitation by e-mail: who asks, the link and the code, and nothing about why (no condition,
 * no clinic's speciality). A failure is reported to the physiotherapist, who can still share the
 * link by hand; the error goes to the operator's log.
 */
async function emailInvite(
  physio: { name: string; timezone: string },
  invite: { token: string; code: string; expiresAt: Date; patientEmail: string },
): Promise<"sent" | "failed"> {
  if (!mailReachesPeople(config())) return "failed";
  try {
    await sendMail({
      to: invite.patientEmail,
      ...messages.invitation({
        fromName: physio.name,
        link: appLink(`/invite/${invite.token}`),
        code: invite.code,
        expiresOn: formatDate(invite.expiresAt, physio.timezone),
      }),
    });
    return "sent";
  } catch (error) {
    await logServerError("An invitation e-mail could not be sent", error);
    return "failed";
  }
}

export type SentInvite = {
  id: string;
  patientEmail: string;
  /** ENDED: accepted, and the care link it made has ended since. */
  status: InviteStatus | "ENDED";
  createdAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  /** For ENDED: when and by whom, when known (a link started again by a later invitation keeps only its latest end). */
  ended: { at: Date; by: "you" | "patient" } | null;
};

export async function listSentInvites(now = new Date()): Promise<SentInvite[]> {
  const physio = await requireRole("PHYSIO");
  const rows = await db.careInvite.findMany({
    where: { physioId: physio.id },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      patientEmail: true,
      status: true,
      createdAt: true,
      expiresAt: true,
      respondedAt: true,
      acceptedById: true,
    },
  });
  const acceptedBy = rows.flatMap((row) =>
    row.status === "ACCEPTED" && row.acceptedById ? [row.acceptedById] : [],
  );
  const links =
    acceptedBy.length === 0
      ? []
      : await db.careLink.findMany({
          where: { physioId: physio.id, patientId: { in: acceptedBy } },
          select: { patientId: true, status: true, consentedAt: true, revokedAt: true, revokedById: true },
        });
  const linkOf = new Map(links.map((link) => [link.patientId, link]));
  return rows.map(({ acceptedById, ...row }) => {
    const link = acceptedById ? linkOf.get(acceptedById) : undefined;
    if (row.status !== "ACCEPTED" || !link || !row.respondedAt)
      return { ...row, status: statusOf(row, now), ended: null };
    // The link this invitation made is the one consented at its answer; a later consent means it ended before.
    const madeThisLink = link.consentedAt.getTime() === row.respondedAt.getTime();
    if (madeThisLink && link.status === "ACTIVE") return { ...row, status: "ACCEPTED" as const, ended: null };
    return {
      ...row,
      status: "ENDED" as const,
      ended:
        madeThisLink && link.revokedAt
          ? {
              at: link.revokedAt,
              by: link.revokedById === physio.id ? ("you" as const) : ("patient" as const),
            }
          : null,
    };
  });
}

export async function cancelInvite(inviteId: string, now = new Date()): Promise<void> {
  const physio = await requireRole("PHYSIO");
  await auditedTransaction(async (tx) => {
    const { count } = await tx.careInvite.updateMany({
      where: { id: inviteId, physioId: physio.id, status: "PENDING", expiresAt: { gt: now } },
      data: { status: "CANCELLED", respondedAt: now },
    });
    if (count !== 1) throw new NotFoundError("That invitation");
  });
}

export type InvitePreview = {
  physioName: string;
  sentTo: string;
  expiresAt: Date;
  /** Whether the person looking can answer it: the invited patient, signed in. */
  viewer: "invited-patient" | "signed-out" | "other-account";
};

const inviteSelect = {
  id: true,
  physioId: true,
  patientEmail: true,
  status: true,
  expiresAt: true,
  physio: { select: { name: true } },
} as const;

async function findUsableInvite(where: { tokenHash: string } | { codeHash: string }, now: Date) {
  const invite = await db.careInvite.findUnique({ where, select: inviteSelect });
  if (!invite || statusOf(invite, now) !== "PENDING") return null;
  return invite;
}

/**
 * What the invitation link shows: who is asking, and whether the person looking can answer. An
 * unknown, used, cancelled or expired token shows nothing at all.
 */
export async function previewInvite(token: string, now = new Date()): Promise<InvitePreview | null> {
  const invite = await findUsableInvite({ tokenHash: hashInviteToken(token) }, now);
  if (!invite) return null;
  const user = await getCurrentUser();
  const viewer = !user
    ? "signed-out"
    : user.role === "PATIENT" && user.email === invite.patientEmail
      ? "invited-patient"
      : "other-account";
  return {
    physioName: invite.physio.name,
    sentTo: maskEmail(invite.patientEmail),
    expiresAt: invite.expiresAt,
    viewer,
  };
}

/**
 * The address an invitation link was sent to, to fill in the sign-up form the link leads to. Only
 * while the invitation can still be used and nobody is signed in: the link is the credential, and
 * it reached that inbox.
 */
export async function invitedEmailForSignUp(token: string, now = new Date()): Promise<string | null> {
  if (await getCurrentUser()) return null;
  const invite = await findUsableInvite({ tokenHash: hashInviteToken(token) }, now);
  return invite?.patientEmail ?? null;
}

/**
 * Codes are short enough to guess at, so each patient, and each address, may try only a few per
 * window (lib/domain/throttle.ts). The attempt is counted before the code is looked up, so attempts
 * sent all at once are counted too.
 */
async function throttleCodeAttempt(patient: { id: string; role: string }, now: Date): Promise<void> {
  const clientAddress = await currentClientAddress();
  await recordAudit({
    actorId: patient.id,
    actorRole: patient.role,
    action: "INVITE_CODE_ENTERED",
    patientId: patient.id,
    outcome: "SUCCESS",
    clientAddress,
  });
  const verdict = await takeAttempts(
    [
      { key: throttleKeys.inviteCodeAccount(patient.id), rule: inviteCodeRules.account },
      { key: throttleKeys.inviteCodeAddress(clientAddress), rule: inviteCodeRules.address },
    ],
    now,
  );
  if (verdict.status === "refused") {
    await logEvent("invite_code_throttled", {
      userId: patient.id,
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
    throw new RuleError(
      `Too many codes entered. Wait ${plural(Math.ceil(verdict.retryAfterSeconds / 60), "minute")}, or use the invitation link instead.`,
      "code",
    );
  }
}

/** A signed-in patient typed the code read out to them: who is asking? */
export async function previewInviteByCode(code: string, now = new Date()): Promise<InvitePreview> {
  const patient = await requireRole("PATIENT");
  await throttleCodeAttempt(patient, now);
  const invite = await findUsableInvite({ codeHash: hashInviteCode(code) }, now);
  if (!invite || invite.patientEmail !== patient.email) throw invalidInvite();
  return {
    physioName: invite.physio.name,
    sentTo: maskEmail(invite.patientEmail),
    expiresAt: invite.expiresAt,
    viewer: "invited-patient",
  };
}

/**
 * The invited patient accepts or declines. Single use: the invite leaves PENDING in the same
 * transaction that creates the link, so two answers at once cannot both count.
 */
export async function answerInvite(
  input: { token?: string; code?: string; answer: "accept" | "decline" },
  now = new Date(),
): Promise<{ physioName: string }> {
  const patient = await requireRole("PATIENT");
  if (input.code) await throttleCodeAttempt(patient, now);
  const where = input.token
    ? { tokenHash: hashInviteToken(input.token) }
    : { codeHash: hashInviteCode(input.code ?? "") };
  const invite = await findUsableInvite(where, now);
  if (!invite || invite.patientEmail !== patient.email) throw invalidInvite();
  // Only someone who proved they read this address may join by it (accounts from before
  // verification existed have not yet).
  if (input.answer === "accept") await requireVerifiedEmail(patient.id);
  await auditedTransaction(async (tx) => {
    const { count } = await tx.careInvite.updateMany({
      where: { id: invite.id, status: "PENDING", expiresAt: { gt: now } },
      data: {
        status: input.answer === "accept" ? "ACCEPTED" : "DECLINED",
        acceptedById: patient.id,
        respondedAt: now,
      },
    });
    if (count !== 1) throw invalidInvite();
    if (input.answer === "decline") return;
    await tx.careLink.upsert({
      where: { physioId_patientId: { physioId: invite.physioId, patientId: patient.id } },
      create: { physioId: invite.physioId, patientId: patient.id, status: "ACTIVE", consentedAt: now },
      update: { status: "ACTIVE", consentedAt: now, revokedAt: null, revokedById: null },
    });
  });
  return { physioName: invite.physio.name };
}
