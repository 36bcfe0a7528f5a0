import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { logServerError } from "@/lib/log-event";
import { type MailMessage, sendMail } from "@/lib/mail/send";
import { appOrigin } from "@/lib/mail/settings";

// The single-use links the account pages e-mail: 256 random bits in the link, only a sha256 of it
// in the database (PendingRegistration.tokenHash, AccountToken.tokenHash), so a copy of the
// database holds no link that works.

export const linkLifetimes = {
  signUp: 24 * 3600_000,
  verifyEmail: 24 * 3600_000,
  changeEmail: 24 * 3600_000,
  resetPassword: 30 * 60_000,
} as const;

export type AccountTokenPurpose = "VERIFY_EMAIL" | "RESET_PASSWORD" | "CHANGE_EMAIL";

export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(`account-link:${token}`).digest("hex");
}

/** Tokens are 43 base64url characters; anything else is refused before a lookup. */
export function isLinkToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** An absolute link into the app, from APP_URL (never from a request's Host header). */
export function appLink(pathname: string, params: Record<string, string | undefined> = {}): string {
  const url = new URL(pathname, `${appOrigin(config())}/`);
  for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * A notice about something already done (a password or address changed): a mail server that is
 * down must not turn the finished change into an error, so the failure is logged for the operator.
 */
export async function sendNotice(message: MailMessage): Promise<void> {
  try {
    await sendMail(message);
  } catch (error) {
    await logServerError("A notice e-mail could not be sent", error);
  }
}
