"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type CurrentUser, currentSessionId, getCurrentUser, getHalfSignedIn } from "@/lib/data/current-user";
import {
  confirmEnrolment,
  isEnrolled,
  proveSecondFactor,
  recordSecondFactorPass,
  TwoFactorKeyMismatch,
} from "@/lib/data/two-factor";
import { safeCallbackPath } from "@/lib/validation/auth";
import { enrolmentSchema, secondFactorSchema } from "@/lib/validation/two-factor";
import { ActionFailure, createAction } from "./action";

// The second sign-in step. These actions are "public" to createAction because a half-signed-in
// session is nobody to it; each finds its caller itself (getHalfSignedIn) and audits itself
// (lib/data/two-factor.ts).

const waitMessage = (seconds: number) =>
  `Too many wrong codes. Wait ${Math.max(1, Math.ceil(seconds / 60))} minute(s), then try again.`;

/**
 * Records in the database that this session passed the second factor: from the next request on it
 * is fully signed in, whichever cookie the browser sends (lib/data/current-user.ts).
 */
async function completeSignIn(userId: string): Promise<void> {
  const sessionId = await currentSessionId();
  if (!sessionId) throw new ActionFailure("Your sign-in has ended. Sign in again.");
  await recordSecondFactorPass(userId, sessionId);
}

async function withKeyCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TwoFactorKeyMismatch) throw new ActionFailure(error.message);
    throw error;
  }
}

/** A refused code as the form shows it: a wait, or a message at the code field. */
function refuseUnlessAccepted<R extends { status: string }>(
  result: R | { status: "throttled"; retryAfterSeconds: number },
  wrongMessage: string,
): asserts result is Extract<R, { status: "ok" }> {
  if (result.status === "throttled" && "retryAfterSeconds" in result) {
    throw new ActionFailure(waitMessage(result.retryAfterSeconds));
  }
  if (result.status !== "ok") {
    throw new ActionFailure("Please correct the marked fields.", {
      code: [
        result.status === "reused"
          ? "That code was already used. Wait for your app to show the next one."
          : wrongMessage,
      ],
    });
  }
}

export const proveSecondFactorAction = createAction(
  "public",
  secondFactorSchema,
  async (input, { clientAddress }) => {
    const caller = await getHalfSignedIn();
    if (!caller) redirect((await getCurrentUser()) ? "/home" : "/sign-in");
    if (!(await isEnrolled(caller.id))) redirect("/two-factor/setup");
    const result = await withKeyCheck(() => proveSecondFactor(caller, input.code, clientAddress));
    refuseUnlessAccepted(result, "That code is not right. Check your app's clock, or use a recovery code.");
    await completeSignIn(caller.id);
    // The form loads the next page itself (components/auth/two-factor-form.tsx), a full page load.
    // No revalidatePath here: re-rendering /two-factor in this response, now signed in, would
    // redirect to the callback page first and skip "/two-factor/recovery-used".
    const next =
      result.recoveryCodesLeft === undefined
        ? safeCallbackPath(input.callbackUrl, "/home")
        : "/two-factor/recovery-used";
    return { ok: true, message: "Signed in.", result: { next } };
  },
  null,
);

/** Whoever may enrol: someone half signed in (a physiotherapist's first sign-in) or signed in. */
async function enrollingCaller(): Promise<CurrentUser> {
  const half = await getHalfSignedIn();
  if (half) return half;
  const user = await getCurrentUser();
  if (user) return user;
  redirect("/sign-in");
}

export const confirmEnrolmentAction = createAction(
  "public",
  enrolmentSchema,
  async (input, { clientAddress }) => {
    const user = await enrollingCaller();
    const result = await withKeyCheck(() => confirmEnrolment(user, input.code, clientAddress));
    refuseUnlessAccepted(
      result,
      "That code does not match. Scan the QR code again and type the code your app shows now.",
    );
    // Someone signed in who turns it on keeps this session: it has just shown a code.
    await completeSignIn(user.id);
    revalidatePath("/", "layout");
    return {
      ok: true,
      message: "Two-factor sign-in is on.",
      result: { recoveryCodes: result.recoveryCodes.join(" ") },
    };
  },
  null,
);
