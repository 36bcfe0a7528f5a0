"use server";

import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { changeOwnPassword, endAllSessions, registerUser } from "@/lib/data/users";
import {
  changePasswordSchema,
  type Role,
  safeCallbackPath,
  signInSchema,
  signUpSchema,
} from "@/lib/validation/auth";
import { ActionFailure, type ActionState, createAction } from "./action";

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

export const signInAction = createAction("public", signInSchema, async (input) => {
  await startSession(input.email, input.password);
  redirect(safeCallbackPath(input.callbackUrl, "/home"));
});

export const signUpAction = createAction("public", signUpSchema, async (input, { clientAddress }) => {
  const result = await registerUser(input, clientAddress);
  if (result.status === "email-taken") {
    throw new ActionFailure("Please correct the fields marked below.", {
      email: ["An account with this e-mail already exists. Sign in instead."],
    });
  }
  await startSession(input.email, input.password);
  redirect(homeFor(input.role));
});

export const changePasswordAction = createAction(
  "user",
  changePasswordSchema,
  async (input, { clientAddress }) => {
    const result = await changeOwnPassword(input, clientAddress);
    if (result.status === "wrong-password") {
      throw new ActionFailure("Please correct the fields marked below.", {
        currentPassword: ["That is not your current password."],
      });
    }
    // The version moved on, which ended every session including this one: start a fresh one here.
    await startSession(result.email, input.newPassword);
    return {
      ok: true,
      message: "Your password was changed. You were signed out on every other device.",
    } satisfies ActionState;
  },
);

export const signOutEverywhereAction = createAction(
  "user",
  z.object({}),
  async (_input, { clientAddress }) => {
    await endAllSessions(clientAddress);
    await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
    return undefined;
  },
);

export const signOutAction = createAction("public", z.object({}), async () => {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
  return undefined;
});
