import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { type CurrentUser, getCurrentUser, requireRole, requireUser } from "@/lib/data/session";
import { currentClientAddress } from "@/lib/request-context";
import type { Role } from "@/lib/validation/auth";
import type { ActionState, FieldErrors } from "./action-state";

export type { ActionState, FieldErrors } from "./action-state";

export class ActionFailure extends Error {
  constructor(
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(message);
  }
}

type Access = "public" | "user" | Role;
type Context<A extends Access> = {
  user: A extends "public" ? CurrentUser | null : CurrentUser;
  clientAddress: string;
};

function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

/**
 * The one way to build a server action: resolve and check the caller, validate with the form's zod
 * schema, run the handler. Bad input returns per-field messages and writes nothing; an unexpected
 * error is logged and answered with a plain sentence, never a stack trace.
 */
export function createAction<A extends Access, S extends z.ZodType>(
  access: A,
  schema: S,
  handler: (input: z.output<S>, context: Context<A>) => Promise<ActionState | undefined>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = echo(formData);
    try {
      const user =
        access === "public"
          ? await getCurrentUser()
          : access === "user"
            ? await requireUser()
            : await requireRole(access as Role);
      const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
      if (!parsed.success) {
        return {
          ok: false,
          errors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
          values,
          message: "Please correct the fields marked below.",
        };
      }
      const clientAddress = await currentClientAddress();
      return (await handler(parsed.data, { user, clientAddress } as Context<A>)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ActionFailure)
        return { ok: false, message: error.message, errors: error.errors, values };
      console.error("Server action failed", error);
      return { ok: false, message: "Something went wrong and nothing was saved. Please try again.", values };
    }
  };
}
