import { z } from "zod";
import { getProgress } from "@/lib/data/progress";
import { getCurrentUser } from "@/lib/data/session";
import { progressRanges } from "@/lib/domain/progress";

export const dynamic = "force-dynamic";

const query = z.object({
  range: z.enum(progressRanges, {
    error: `Choose a range: ${progressRanges.join(", ")}.`,
  }),
});

const headers = { "Cache-Control": "no-store" };

function answer(status: number, body: unknown): Response {
  return Response.json(body, { status, headers });
}

/** Next's notFound() and redirect() work by throwing; here they become JSON answers. */
function digestOf(error: unknown): string {
  return typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
    ? error.digest
    : "";
}

/** The progress charts' data for TanStack Query; the page renders the first range itself. */
export async function GET(request: Request, context: RouteContext<"/api/patients/[patientId]/progress">) {
  if (!(await getCurrentUser())) return answer(401, { message: "Sign in to see progress." });
  const parsed = query.safeParse({ range: new URL(request.url).searchParams.get("range") ?? "3m" });
  if (!parsed.success) return answer(400, { message: parsed.error.issues[0]?.message ?? "Bad range." });
  const { patientId } = await context.params;
  try {
    return answer(200, await getProgress(patientId, parsed.data.range));
  } catch (error) {
    const digest = digestOf(error);
    // Someone else's patient and a patient who does not exist answer alike.
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return answer(404, { message: "Not found." });
    if (digest.startsWith("NEXT_REDIRECT")) return answer(401, { message: "Sign in to see progress." });
    throw error;
  }
}
