import { describe, expect, it } from "vitest";
import { messages } from "@/lib/mail/messages";

const link = "https://exercises.example.org/verify-email?token=abc&callbackUrl=%2Finvite%2Fx";
const every = {
  confirmSignUp: messages.confirmSignUp(link),
  signUpOnExistingAccount: messages.signUpOnExistingAccount(link, link),
  confirmAddress: messages.confirmAddress(link),
  resetPassword: messages.resetPassword(link),
  passwordChanged: messages.passwordChanged(link),
  confirmNewAddress: messages.confirmNewAddress(link),
  addressChangeRequested: messages.addressChangeRequested(),
  addressChanged: messages.addressChanged(),
  invitation: messages.invitation({
    fromName: "Sam <b>O'Neil</b>",
    link,
    code: "ABCD-EFGH",
    expiresOn: "9 Dec 2026",
  }),
};

describe("e-mail wording", () => {
  it.each(Object.entries(every))(
    "%s says nothing about health, the app's purpose or a condition",
    (_name, mail) => {
      for (const part of [mail.subject, mail.text, mail.html.replaceAll(link.replaceAll("&", "&amp;"), "")]) {
        expect(part).not.toMatch(
          /\b(hip|back|pain|rehab\w*|physio\w*|injur\w*|condition\w*|health|coach)\b/i,
        );
      }
    },
  );

  it.each(Object.entries(every))(
    "%s has a plain-text and an HTML body with the same links",
    (_name, mail) => {
      const inText = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
      const inHtml = [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) =>
        (m[1] ?? "").replaceAll("&amp;", "&"),
      );
      expect(inHtml).toEqual(inText);
      expect(mail.text.trim().length).toBeGreaterThan(40);
    },
  );

  it("escapes a name in the HTML body", () => {
    expect(every.invitation.html).toContain("Sam &lt;b&gt;O&#39;Neil&lt;/b&gt;");
    expect(every.invitation.html).not.toContain("<b>O'Neil</b>");
    expect(every.invitation.subject).not.toContain("Sam");
  });
});
