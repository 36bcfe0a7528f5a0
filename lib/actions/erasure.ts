"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { deleteOwnAccount } from "@/lib/data/erasure";
import { TwoFactorKeyMismatch } from "@/lib/data/two-factor";
import { plural } from "@/lib/format";
import { deleteAccountSchema } from "@/lib/validation/erasure";
import { ActionFailure, createAction } from "./action";

const fix = "Please correct the marked fields.";

/**
 * "Delete my account" (/account/data). Audits itself (lib/data/erasure.ts): the row of a deletion
 * is written in the erasure's own transaction. Every session of the account ends with it (the
 * account no longer exists); this browser's cookie is cleared too.
 */
export const deleteAccountAction = createAction(
  "user",
  deleteAccountSchema,
  async (input, { clientAddress }) => {
    let result: Awaited<ReturnType<typeof deleteOwnAccount>>;
    try {
      result = await deleteOwnAccount(input, clientAddress);
    } catch (error) {
      if (error instanceof TwoFactorKeyMismatch) throw new ActionFailure(error.message);
      throw error;
    }
    switch (result.status) {
      case "throttled":
        throw new ActionFailure(fix, {
          password: [
            `Too many attempts. Try again in ${plural(Math.ceil(result.retryAfterSeconds / 60), "minute")}.`,
          ],
        });
      case "wrong-password":
        throw new ActionFailure(fix, { password: ["That is not your password. Nothing was deleted."] });
      case "code-needed":
        throw new ActionFailure(fix, {
          code: ["Enter the code from your authenticator app (or a recovery code)."],
        });
      case "wrong-code":
        throw new ActionFailure(fix, {
          code: [
            result.reused
              ? "That code was already used. Wait for your app to show the next one."
              : "That code is not right. Nothing was deleted.",
          ],
        });
      case "deleted":
        await signOut({ redirect: false });
        revalidatePath("/", "layout");
        redirect("/sign-in?accountDeleted=1");
    }
  },
  null,
);
