// Every e-mail the account pages send, in plain text and HTML. Rules: neutral words (the subject
// and body never say what the app is for, name a condition or show any health data), one link per
// message, the link also written out in full, and a line saying what to do if it was not you.
import type { MailMessage } from "./send.ts";

export type Letter = Omit<MailMessage, "to">;

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

type Part = { text: string } | { link: string; label: string };

/** Builds both bodies from the same paragraphs, so they always say the same thing. */
function letter(subject: string, parts: Part[]): Letter {
  const text = parts
    .map((part) => ("link" in part ? `${part.label}:\n${part.link}` : part.text))
    .join("\n\n");
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">',
    ...parts.map((part) =>
      "link" in part
        ? `<p><a href="${escapeHtml(part.link)}">${escapeHtml(part.label)}</a></p><p style="font-size:0.9em;color:#444">Or copy this address into your browser: ${escapeHtml(part.link)}</p>`
        : `<p>${escapeHtml(part.text)}</p>`,
    ),
    "</body></html>",
  ].join("\n");
  return { subject, text: `${text}\n`, html };
}

const notYou = "If this was not you, you can ignore this message; nothing changes.";

export const messages = {
  confirmSignUp: (link: string): Letter =>
    letter("Confirm your e-mail address", [
      { text: "Hello," },
      { text: "Someone, hopefully you, asked to create an account with this e-mail address." },
      { link, label: "Confirm your address and create the account" },
      { text: "The link works once, for 24 hours." },
      { text: notYou },
    ]),

  signUpOnExistingAccount: (signInLink: string, resetLink: string): Letter =>
    letter("Someone tried to create an account with your address", [
      { text: "Hello," },
      {
        text: "Someone just tried to create a new account with this e-mail address. You already have an account, so nothing was created and nothing about your account changed.",
      },
      { link: signInLink, label: "Sign in to your account" },
      { link: resetLink, label: "Forgot your password? Choose a new one" },
      { text: "If this was not you, you do not need to do anything." },
    ]),

  confirmAddress: (link: string): Letter =>
    letter("Confirm your e-mail address", [
      { text: "Hello," },
      { text: "Please confirm that this e-mail address belongs to you." },
      { link, label: "Confirm my address" },
      { text: "The link works once, for 24 hours." },
      { text: notYou },
    ]),

  resetPassword: (link: string): Letter =>
    letter("Choose a new password", [
      { text: "Hello," },
      { text: "Someone, hopefully you, asked to choose a new password for the account with this address." },
      { link, label: "Choose a new password" },
      { text: "The link works once, for 30 minutes." },
      { text: "If this was not you, ignore this message: your password stays as it is." },
    ]),

  passwordChanged: (resetLink: string): Letter =>
    letter("Your password was changed", [
      { text: "Hello," },
      {
        text: "The password of your account was just changed, and every other place where you were signed in was signed out.",
      },
      { text: "If you did this, there is nothing more to do." },
      { link: resetLink, label: "If it was not you, choose a new password now" },
    ]),

  confirmNewAddress: (link: string): Letter =>
    letter("Confirm your new e-mail address", [
      { text: "Hello," },
      { text: "You asked to use this e-mail address for your account from now on." },
      { link, label: "Confirm this address" },
      { text: "Until you confirm, your account keeps its old address. The link works once, for 24 hours." },
      { text: notYou },
    ]),

  addressChangeRequested: (): Letter =>
    letter("A change of e-mail address was asked for", [
      { text: "Hello," },
      {
        text: "Someone signed in to your account and asked to move it to a different e-mail address. The change happens only once the new address is confirmed.",
      },
      {
        text: "If this was not you, sign in, change your password and choose 'Sign out everywhere'. Until the new address is confirmed, this one stays in use.",
      },
    ]),

  addressChanged: (): Letter =>
    letter("Your account has a new e-mail address", [
      { text: "Hello," },
      {
        text: "Your account now uses a different e-mail address, confirmed just now. Messages go there from now on.",
      },
      {
        text: "If this was not you, contact the people who run this service straight away.",
      },
    ]),

  invitation: (input: { fromName: string; link: string; code: string; expiresOn: string }): Letter =>
    // The subject names nobody: it is what the outbox mode logs, and what a lock screen shows.
    letter("An invitation to share your exercise diary", [
      { text: "Hello," },
      {
        text: `${input.fromName} asked you to connect your accounts, so that they can follow the exercises you log. You choose whether to accept, and you can end it at any time.`,
      },
      { link: input.link, label: "Open the invitation" },
      {
        text: `Or, once signed in, enter this code: ${input.code}. The invitation can be used until ${input.expiresOn}, and only from an account with this e-mail address.`,
      },
      { text: "If you do not know this person, ignore this message." },
    ]),
};
