import "server-only";

const noStore = { "Cache-Control": "no-store" };

/** A JSON answer for a route handler; nothing with patient data may be cached. */
export function answer(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: noStore });
}

function digestOf(error: unknown): string {
  return typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
    ? error.digest
    : "";
}

/**
 * Runs a data function for a route handler. The data layer's notFound() and redirect() work by
 * throwing; here they become 404 and 401 JSON answers. Someone else's patient and a patient who
 * does not exist answer alike.
 */
export async function answerWith(read: () => Promise<unknown>, signInMessage: string): Promise<Response> {
  try {
    return answer(200, await read());
  } catch (error) {
    const digest = digestOf(error);
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return answer(404, { message: "Not found." });
    if (digest.startsWith("NEXT_REDIRECT")) return answer(401, { message: signInMessage });
    throw error;
  }
}
