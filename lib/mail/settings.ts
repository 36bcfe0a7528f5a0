// How this installation sends e-mail, decided from the settings (lib/config.ts) alone:
//   smtp     SMTP_URL is set
//   disabled MAIL_DISABLED=1 (and no SMTP_URL)
//   outbox   neither, in the embedded mode: each message becomes a file under <DATA_DIR>/outbox/
// PostgreSQL is the production mode: there a missing SMTP_URL stops start-up unless e-mail is
// turned off on purpose, because a server nobody can read the outbox of would silently lose
// every verification and reset link.
import type { Config } from "../config.ts";

export type MailMode = "smtp" | "outbox" | "disabled";

export function mailMode(settings: Pick<Config, "smtpUrl" | "mailDisabled">): MailMode {
  if (settings.smtpUrl) return "smtp";
  return settings.mailDisabled ? "disabled" : "outbox";
}

/** The one line that stops `npm start`, or undefined when the mail settings can work. */
export function mailStartupProblem(
  settings: Pick<Config, "smtpUrl" | "mailDisabled" | "databaseProvider" | "appUrl">,
): string | undefined {
  if (settings.databaseProvider !== "postgresql") return undefined;
  if (settings.smtpUrl && !settings.appUrl) {
    return 'APP_URL is not set: links in e-mails need the address people open the app at (see README, "E-mail")';
  }
  if (settings.smtpUrl || settings.mailDisabled) return undefined;
  return 'SMTP_URL is not set: on PostgreSQL e-mail goes through SMTP; set SMTP_URL, or MAIL_DISABLED=1 to run without e-mail (see README, "E-mail")';
}

/** Whether messages go anywhere a person can read them (SMTP, or the embedded outbox). */
export function mailReachesPeople(settings: Pick<Config, "smtpUrl" | "mailDisabled">): boolean {
  return mailMode(settings) !== "disabled";
}

/** The origin links in e-mails start with: APP_URL, else the embedded mode's own address. */
export function appOrigin(settings: Pick<Config, "appUrl" | "port">): string {
  return settings.appUrl ?? `http://localhost:${settings.port}`;
}
