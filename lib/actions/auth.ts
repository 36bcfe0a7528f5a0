"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { revokeCurrentSession } from "@/lib/data/current-user";
import { confirmEmailLink, requestEmailChange, sendVerificationEmail } from "@/lib/data/email-address";
import { requestPasswordReset, resetPassword } from "@/lib/data/password-reset";
import { changeOwnPassword, endAllSessions, registerUser } from "@/lib/data/users";
import { plural } from "@/lib/format";
import {
  changeEmailSchema,
  changePasswordSchema,
  confirmEmailSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  safeCallbackPath,
  signInSchema,
  signUpSchema,
} from "@/lib/validation/auth";
import { ActionFailure, createAction } from "./action";

const genericSignInFailure = "That e-mail and password do not match an account.";
const throttledSignInFailure =
  "Too many attempts to sign in. Wait a few minutes, then try again, or choose a new password with 'Forgot your password?'.";

async function startSession(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      throw new ActionFailure(error.code === "throttled" ? throttledSignInFailure : genericSignInFailure);
    }
    throw error;
  }
}

/** The header shows who is signed in: render the layout again whenever the session changes. */
function refreshLayout(): void {
  revalidatePath("/", "layout");
}

export const signInAction = createAction(
  "public",
  signInSchema,
  async (input) => {
    await startSession(input.email, input.password);
    refreshLayout();
    redirect(safeCallbackPath(input.callbackUrl, "/home"));
  },
  null,
);

/** The one answer to every accepted sign-up, whoever owns the address. */
const signUpSentMessage =
  "We sent a message to the address you gave: follow the link in it to finish. It works for 24 hours.";
const mailOffMessage =
  "This server sends no e-mail, so new accounts cannot be confirmed here. Please ask the people who run it.";

function minutesFrom(seconds: number): string {
  return plural(Math.ceil(seconds / 60), "minute");
}

export const signUpAction = createAction(
  "public",
  signUpSchema,
  async (input, { clientAddress }) => {
    const callbackUrl = safeCallbackPath(input.callbackUrl, "") || undefined;
    const result = await registerUser(input, clientAddress, new Date(), callbackUrl);
    if (result.status === "throttled") {
      throw new ActionFailure(`Too many sign-ups. Try again in ${minutesFrom(result.retryAfterSeconds)}.`);
    }
    if (result.status === "mail-off") throw new ActionFailure(mailOffMessage);
    return { ok: true, message: signUpSentMessage, values: { email: input.email } };
  },
  null,
);

/** Follows a link from an e-mail (the page asks for a click first, so mail scanners spend nothing). */
export const confirmEmailAction = createAction(
  "public",
  confirmEmailSchema,
  async (input, { clientAddress, user }) => {
    const result = await confirmEmailLink(input.token, clientAddress);
    if (result.status === "invalid") {
      throw new ActionFailure(
        "This link does not work any more. It may have been used already, replaced by a newer one, or expired. Ask for a new one.",
      );
    }
    refreshLayout();
    const callbackUrl = safeCallbackPath(input.callbackUrl, "");
    const withCallback = callbackUrl ? `&callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
    if (result.status === "account-created") redirect(`/sign-in?confirmed=account${withCallback}`);
    // The settings page only for the account the link was for; anyone else is sent to sign in.
    if (user?.id === result.userId) {
      redirect(`/settings?confirmed=${result.status === "changed" ? "changed" : "verified"}`);
    }
    redirect(`/sign-in?confirmed=${result.status === "changed" ? "changed" : "verified"}`);
  },
  null,
);

export const forgotPasswordAction = createAction(
  "public",
  forgotPasswordSchema,
  async (input, { clientAddress }) => {
    const result = await requestPasswordReset(input.email, clientAddress);
    if (result.status === "mail-off") {
      throw new ActionFailure(
        "This server sends no e-mail, so passwords cannot be reset here. Please ask the people who run it.",
      );
    }
    if (result.status === "throttled") {
      throw new ActionFailure(
        `We sent several messages for this already. Try again in ${minutesFrom(result.retryAfterSeconds)}.`,
      );
    }
    return {
      ok: true,
      message:
        "Check your e-mail. If an account uses this address, we sent it a link to choose a new password. The link works for 30 minutes.",
      values: { email: input.email },
    };
  },
  null,
);

export const resetPasswordAction = createAction(
  "public",
  resetPasswordSchema,
  async (input, { clientAddress }) => {
    const result = await resetPassword(input.token, input.newPassword, clientAddress);
    if (result.status === "invalid") {
      throw new ActionFailure(
        "This link does not work any more. It may have been used already, replaced by a newer one, or expired after 30 minutes. Ask for a new one.",
      );
    }
    // Every session ended: this browser's too, if it had one.
    await revokeCurrentSession();
    await signOut({ redirect: false });
    refreshLayout();
    redirect("/sign-in?passwordReset=1");
  },
  null,
);

export const sendVerificationAction = createAction(
  "user",
  z.object({}),
  async (_input, { clientAddress }) => {
    await sendVerificationEmail(clientAddress);
    return { ok: true, message: "We sent you a link. Open it from your inbox to confirm your address." };
  },
  null,
);

export const changeEmailAction = createAction(
  "user",
  changeEmailSchema,
  async (input, { clientAddress }) => {
    const result = await requestEmailChange(input, clientAddress);
    if (result.status === "throttled") {
      throw new ActionFailure("Please correct the marked fields.", {
        currentPassword: [`Too many attempts. Try again in ${minutesFrom(result.retryAfterSeconds)}.`],
      });
    }
    if (result.status === "wrong-password") {
      throw new ActionFailure("Please correct the marked fields.", {
        currentPassword: ["That is not your current password."],
      });
    }
    return {
      ok: true,
      message: `Check the inbox of ${input.newEmail}: follow the link there to confirm it. Until then your account keeps its current address.`,
    };
  },
  null,
);

export const changePasswordAction = createAction(
  "user",
  changePasswordSchema,
  async (input, { clientAddress }) => {
    const result = await changeOwnPassword(input, clientAddress);
    if (result.status === "throttled") {
      throw new ActionFailure("Please correct the marked fields.", {
        currentPassword: [
          `Too many attempts. Try again in ${plural(Math.ceil(result.retryAfterSeconds / 60), "minute")}.`,
        ],
      });
    }
    if (result.status === "wrong-password") {
      throw new ActionFailure("Please correct the marked fields.", {
        currentPassword: ["That is not your current password."],
      });
    }
    // The version moved on, which ended every session including this one: start a fresh one, then
    // load the page again so that it renders with the new session cookie.
    await startSession(result.email, input.newPassword);
    refreshLayout();
    redirect("/account?passwordChanged=1");
  },
  null,
);

export const signOutEverywhereAction = createAction(
  "user",
  z.object({}),
  async (_input, { clientAddress }) => {
    await endAllSessions(clientAddress);
    await signOut({ redirect: false });
    refreshLayout();
    redirect("/sign-in?signedOut=everywhere");
  },
  null,
);

export const signOutAction = createAction(
  "public",
  z.object({}),
  async () => {
    await revokeCurrentSession();
    await signOut({ redirect: false });
    refreshLayout();
    redirect("/sign-in?signedOut=1");
  },
  null,
);
