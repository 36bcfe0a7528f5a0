import "server-only";
import { logServerError } from "@/lib/log-event";
import { isNotFound, isRedirect } from "@/lib/next-errors";

const noStore = { "Cache-Control": "no-store" };

/** A JSON answer for a route handler; nothing with patient data may be cached. */
export function answer(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: noStore });
}

/**
 * Runs a data function for a route handler. The data layer's "not found" (NotFoundError) and its
 * redirect to sign-in work by throwing; here they become 404 and 401 JSON answers. Someone else's
 * patient and a patient who does not exist answer alike. Anything else is logged and answered with
 * a plain sentence: a stack trace never reaches the caller.
 */
export async function answerWith(read: () => Promise<unknown>, signInMessage: string): Promise<Response> {
  try {
    return answer(200, await read());
  } catch (error) {
    if (isNotFound(error)) return answer(404, { message: "Not found." });
    if (isRedirect(error)) return answer(401, { message: signInMessage });
    await logServerError("Route handler failed", error);
    return answer(500, { message: "Something went wrong. Please try again." });
  }
}

/** A file for a route handler: its body, media type and the name a browser saves it under. */
export type FileAnswer = { body: string; type: string; filename: string };

/**
 * Like answerWith, for a download: the file as an attachment, never cached; "not found" and
 * sign-in answered as JSON exactly as the other routes answer them.
 */
export async function fileAnswerWith(
  make: () => Promise<FileAnswer>,
  signInMessage: string,
): Promise<Response> {
  try {
    const file = await make();
    return new Response(file.body, {
      status: 200,
      headers: {
        ...noStore,
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isNotFound(error)) return answer(404, { message: "Not found." });
    if (isRedirect(error)) return answer(401, { message: signInMessage });
    await logServerError("Route handler failed", error);
    return answer(500, { message: "Something went wrong. Please try again." });
  }
}
