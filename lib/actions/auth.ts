"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { revokeCurrentSession } from "@/lib/data/current-user";
import { changeOwnPassword, endAllSessions, registerUser } from "@/lib/data/users";
import { plural } from "@/lib/format";
import {
  changePasswordSchema,
  type Role,
  safeCallbackPath,
  signInSchema,
  signUpSchema,
} from "@/lib/validation/auth";
import { ActionFailure, createAction } from "./action";

const homeFor = (role: Role) => (role === "PHYSIO" ? "/caseload" : "/today");

const genericSignInFailure = "That e-mail and password do not match an account.";
const throttledSignInFailure =
  "Too many attempts to sign in. Wait a few minutes, then try again, or reset your password with your clinic.";

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

export const signUpAction = createAction(
  "public",
  signUpSchema,
  async (input, { clientAddress }) => {
    const result = await registerUser(input, clientAddress);
    if (result.status === "throttled") {
      throw new ActionFailure(
        `Too many sign-ups from your network. Try again in ${plural(Math.ceil(result.retryAfterSeconds / 60), "minute")}.`,
      );
    }
    if (result.status === "email-taken") {
      throw new ActionFailure("Please correct the marked fields.", {
        email: ["An account with this e-mail already exists. Sign in instead."],
      });
    }
    await startSession(input.email, input.password);
    refreshLayout();
    // Someone who came from an invitation goes back to it to answer.
    redirect(safeCallbackPath(input.callbackUrl, homeFor(input.role)));
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
