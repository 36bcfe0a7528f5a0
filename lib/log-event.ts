import "server-only";
import { headers } from "next/headers";
import { logger } from "@/lib/log";
import { isSaneRequestId, requestIdHeader } from "@/lib/request-log";
import type { Role } from "@/lib/validation/auth";

/**
 * The security events an operator watches for, each with the only fields it may carry: opaque ids
 * and fixed words, never an e-mail address, a token or anything a user typed.
 */
type EventFields = {
  sign_in_failed: { userId: string | null };
  sign_in_throttled: { retryAfterSeconds: number };
  sign_in_slowed: { delaySeconds: number };
  invite_code_throttled: { userId: string; retryAfterSeconds: number };
  password_change_throttled: { userId: string; retryAfterSeconds: number };
  account_deletion_throttled: { userId: string; retryAfterSeconds: number };
  sign_up_throttled: { retryAfterSeconds: number };
  second_factor_failed: { userId: string };
  second_factor_throttled: { userId: string; retryAfterSeconds: number };
  access_refused: { userId: string; role: Role; reason: "no_care_link" | "other_patient" | "wrong_role" };
};
export type LogEventName = keyof EventFields;

/** The id scripts/server.ts gave this request (absent outside a request, or under `next dev`). */
async function currentRequestId(): Promise<string | undefined> {
  try {
    const id = (await headers()).get(requestIdHeader);
    return isSaneRequestId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export async function logEvent<E extends LogEventName>(event: E, fields: EventFields[E]): Promise<void> {
  const line: Record<string, unknown> = { event, ...fields, requestId: await currentRequestId() };
  logger.warn(line, event.replaceAll("_", " "));
}

/** An unexpected error, with its stack, for the operator; the user is answered with a plain sentence. */
export async function logServerError(message: string, error: unknown): Promise<void> {
  logger.error({ err: error, requestId: await currentRequestId() }, message);
}
