// The app's one way to send an e-mail (lib/mail/settings.ts decides where it goes). Callers pass
// a finished message: plain text and HTML in neutral words, never a health detail, since mail
// passes through servers and inboxes nobody here controls. Nothing here logs an address, a link
// or a body: the outbox mode logs the file's path and the subject only.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "../config.ts";
import { logger } from "../log.ts";
import { mailMode } from "./settings.ts";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe on reminders. */
  headers?: Record<string, string>;
};

let smtp: { url: string; transporter: Transporter } | undefined;

function smtpTransporter(url: string): Transporter {
  if (smtp?.url !== url) {
    smtp?.transporter.close();
    smtp = { url, transporter: nodemailer.createTransport(url) };
  }
  return smtp.transporter;
}

/** Where the embedded mode writes messages when no SMTP server is configured. */
export function outboxDir(): string {
  return path.join(config().dataDir, "outbox");
}

/** Sortable by time, unique across instances and retries. */
function outboxName(now: Date): string {
  return `${now.toISOString().replaceAll(":", "-")}-${randomBytes(4).toString("hex")}`;
}

async function writeToOutbox(message: MailMessage, from: string): Promise<void> {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transporter.sendMail({ from, ...message });
  const dir = outboxDir();
  // The messages hold sign-in links: readable by the server's owner only.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const base = path.join(dir, outboxName(new Date()));
  await writeFile(`${base}.eml`, info.message as Buffer, { mode: 0o600 });
  // The plain body alone, so a link can be copied from a terminal or an editor.
  const plain = `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`;
  await writeFile(`${base}.txt`, plain, { mode: 0o600 });
  logger.info(
    { event: "mail_written", file: `${base}.txt`, subject: message.subject },
    "e-mail written to the outbox",
  );
}

/**
 * Sends one message, or writes it to the outbox, or (MAIL_DISABLED=1) drops it. Throws when the
 * SMTP server refuses it: the caller decides whether the person is told.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const settings = config();
  const mode = mailMode(settings);
  if (mode === "disabled") {
    logger.info(
      { event: "mail_skipped", subject: message.subject },
      "e-mail is turned off; message not sent",
    );
    return;
  }
  if (mode === "outbox") return writeToOutbox(message, settings.mailFrom);
  await smtpTransporter(settings.smtpUrl as string).sendMail({ from: settings.mailFrom, ...message });
}
