import { describe, expect, it } from "vitest";
import { mailMode, mailStartupProblem } from "@/lib/mail/settings";

describe("mail settings", () => {
  it("sends through SMTP whenever SMTP_URL is set, else writes to the outbox unless e-mail is off", () => {
    expect(mailMode({ smtpUrl: "smtp://127.0.0.1:2525", mailDisabled: false })).toBe("smtp");
    expect(mailMode({ smtpUrl: "smtp://127.0.0.1:2525", mailDisabled: true })).toBe("smtp");
    expect(mailMode({ smtpUrl: undefined, mailDisabled: false })).toBe("outbox");
    expect(mailMode({ smtpUrl: undefined, mailDisabled: true })).toBe("disabled");
  });

  it("stops start-up on PostgreSQL without SMTP unless e-mail is turned off on purpose", () => {
    const postgres = { databaseProvider: "postgresql" as const, appUrl: "https://exercises.example.org" };
    expect(mailStartupProblem({ ...postgres, smtpUrl: undefined, mailDisabled: false })).toMatch(
      /^SMTP_URL is not set/,
    );
    expect(mailStartupProblem({ ...postgres, smtpUrl: undefined, mailDisabled: true })).toBeUndefined();
    expect(
      mailStartupProblem({ ...postgres, smtpUrl: "smtp://mail:25", mailDisabled: false }),
    ).toBeUndefined();
    expect(
      mailStartupProblem({
        databaseProvider: "sqlite",
        smtpUrl: undefined,
        mailDisabled: false,
        appUrl: undefined,
      }),
    ).toBeUndefined();
    // Links in e-mails are never built from a request's Host header.
    expect(
      mailStartupProblem({ ...postgres, appUrl: undefined, smtpUrl: "smtp://mail:25", mailDisabled: false }),
    ).toMatch(/^APP_URL is not set/);
  });
});
