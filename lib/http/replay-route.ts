import "server-only";
import type { NextRequest } from "next/server";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { readLimitedBody } from "@/lib/body-limit";
import { getCurrentUser } from "@/lib/data/current-user";
import { logServerError } from "@/lib/log-event";
import { isNotFound, isRedirect } from "@/lib/next-errors";
import { answer } from "@/lib/route-answers";
import { isSameOrigin } from "./same-origin";

/** A session or a check-in with a few notes is a few KiB; 64 KiB is generous. */
export const replayBodyLimitBytes = 64 * 1024;

/** What the offline queue (lib/offline/queue.ts) reads from an answer. */
export type ReplayAnswer =
  | { ok: true; message?: string }
  | { ok: false; error: ReplayError; message: string; errors?: Record<string, string[] | undefined> };
export type ReplayError =
  | "cross-origin"
  | "not-json"
  | "too-large"
  | "signed-out"
  | "not-found"
  | "other-user"
  | "invalid"
  | "refused"
  | "server-error";

function refuse(status: number, error: ReplayError, message: string, extra: object = {}): Response {
  return answer(status, { ok: false, error, message, ...extra } satisfies ReplayAnswer);
}

/**
 * A versioned JSON route for a write the offline queue replays (server action ids change with every
 * build, so a queue kept across an update could not name them). It runs the very server action the
 * page uses, so the caller check, the validation, the idempotency by client request id and the
 * audit are the same; here they answer in JSON:
 * 403 another site's page, 415 not JSON, 413 over 64 KiB, 401 no session (or no second factor yet),
 * 404 the other role, 409 the queue belongs to someone else, 422 per-field errors, 200 saved (also
 * when the same client request id was saved before).
 */
export function replayRoute(
  action: (previous: ActionState, input: Record<string, unknown>) => Promise<ActionState>,
) {
  return async (request: NextRequest): Promise<Response> => {
    if (!isSameOrigin(request)) {
      return refuse(403, "cross-origin", "This request did not come from this site's own pages.");
    }
    if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
      return refuse(415, "not-json", "Send the record as JSON.");
    }
    const raw = await readLimitedBody(request, replayBodyLimitBytes);
    if (raw === null) {
      return refuse(413, "too-large", `The request body is over ${replayBodyLimitBytes / 1024} KiB.`);
    }
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return refuse(422, "invalid", "The record could not be read.", {
        errors: { form: ["Not valid JSON."] },
      });
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      return refuse(422, "invalid", "The record could not be read.", {
        errors: { form: ["Not an object."] },
      });
    }
    const { ownerId, ...input } = body as Record<string, unknown>;
    try {
      // Saved on this device by whom: a queue is sent only under the same person's session.
      const user = await getCurrentUser();
      if (user && ownerId !== user.id) {
        return refuse(409, "other-user", "This was saved on this device by someone else.");
      }
      const state = await action(initialActionState, input);
      if (state.ok) return answer(200, { ok: true, message: state.message } satisfies ReplayAnswer);
      if (state.errors) {
        return refuse(422, "invalid", state.message ?? "Please correct the marked fields.", {
          errors: state.errors,
        });
      }
      if (state.message?.startsWith("Something went wrong")) {
        return refuse(500, "server-error", state.message);
      }
      return refuse(422, "refused", state.message ?? "This could not be saved.");
    } catch (error) {
      if (isNotFound(error)) return refuse(404, "not-found", "Not found.");
      if (isRedirect(error)) return refuse(401, "signed-out", "Sign in again to send what is waiting.");
      await logServerError("Replay route failed", error);
      return refuse(500, "server-error", "Something went wrong. Please try again.");
    }
  };
}
