import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import {
  type AuditedWrite,
  type AuditOutcome,
  type PendingAudit,
  recordAnonymousRefusal,
  recordAudit,
  withPendingAudit,
} from "@/lib/data/audit";
import { type CurrentUser, getCurrentUser, requireRole, requireUser } from "@/lib/data/current-user";
import { NotFoundError, RuleError } from "@/lib/data/errors";
import { logServerError } from "@/lib/log-event";
import { isRedirect } from "@/lib/next-errors";
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
  /**
   * Whose data the write touched, when the default (the patient acting, or input.patientId) is
   * wrong. Set it before calling the data layer: the event is written inside the change's
   * transaction. Never a name or an e-mail address in `detail`.
   */
  audit: { patientId?: string | null; detail?: string };
};

/** Messages per field; nested fields are named by their path, e.g. "entries.2.sets". */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    const list = errors[key] ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    errors[key] = list;
  }
  return errors;
}

/** Form fields as an object; a name sent more than once (checkboxes) becomes an array. */
function formToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$")) continue;
    const existing = object[key];
    object[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

function echo(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
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
  /** The audit action every attempt records; null only for the sign-in actions, which audit themselves. */
  auditAs: AuditedWrite | null,
) {
  // Forms post FormData; client components with nested data (a session's entries) post an object.
  return async (
    _previous: ActionState,
    submitted: FormData | Record<string, unknown>,
  ): Promise<ActionState> => {
    const input = submitted instanceof FormData ? formToObject(submitted) : (submitted ?? {});
    const values = echo(input);
    let user: CurrentUser | null = null;
    let callerChecked = false;
    const audit: Context<A>["audit"] = {};
    const clientAddress = await currentClientAddress();
    const pending: PendingAudit = {
      written: false,
      event: async (outcome) => {
        const claimed = typeof input.patientId === "string" ? input.patientId.slice(0, 64) : null;
        return {
          actorId: user?.id ?? null,
          actorRole: user?.role ?? null,
          action: auditAs as AuditedWrite,
          patientId:
            audit.patientId !== undefined ? audit.patientId : user?.role === "PATIENT" ? user.id : claimed,
          outcome,
          clientAddress,
          detail: audit.detail ?? null,
        };
      },
    };
    // The outcome is recorded once: inside the change's transaction when the data layer wrote
    // through auditedTransaction, here otherwise (refusals, failures, actions that change nothing).
    const finish = async (outcome: AuditOutcome, detail?: string) => {
      if (!auditAs || !user || pending.written) return;
      const event = await pending.event(outcome);
      await recordAudit({ ...event, detail: audit.detail ?? detail });
    };
    try {
      if (access !== "public" && !(await getCurrentUser())) {
        // Anonymous calls are refused below (a redirect to sign-in) and recorded once per address
        // and hour, counted in the throttle table.
        await recordAnonymousRefusal(clientAddress, auditAs ?? "action");
      }
      user =
        access === "public"
          ? await getCurrentUser()
          : access === "user"
            ? await requireUser()
            : await requireRole(access as Role);
      callerChecked = true;
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        await finish("FAILED", "invalid input");
        return {
          ok: false,
          errors: fieldErrorsOf(parsed.error),
          values,
          message: "Please correct the marked fields.",
        };
      }
      const run = () => handler(parsed.data, { user, clientAddress, audit } as Context<A>);
      const state = (await (auditAs && user ? withPendingAudit(pending, run) : run())) ?? { ok: true };
      await finish(state.ok ? "SUCCESS" : "FAILED", state.ok ? undefined : state.message);
      return state;
    } catch (error) {
      if (isRedirect(error)) await finish("SUCCESS");
      // Someone else's object and a missing one get the same answer, and nothing is written. From
      // the role check it goes on to Next as a 404: the other role's actions do not exist for them.
      if (error instanceof NotFoundError && callerChecked) {
        await finish("DENIED", error.message);
        return { ok: false, message: error.message, values };
      }
      unstable_rethrow(error);
      if (error instanceof ActionFailure) {
        await finish("FAILED", error.message);
        return { ok: false, message: error.message, errors: error.errors, values };
      }
      if (error instanceof RuleError) {
        await finish("FAILED", error.message);
        return {
          ok: false,
          message: error.message,
          errors: error.field ? { [error.field]: [error.message] } : undefined,
          values,
        };
      }
      await logServerError("Server action failed", error);
      await finish("FAILED", "unexpected error").catch(() => undefined);
      return { ok: false, message: "Something went wrong and nothing was saved. Please try again.", values };
    }
  };
}
