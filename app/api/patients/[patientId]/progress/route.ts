import { z } from "zod";
import { isBackgroundRefresh } from "@/lib/background-refresh";
import { getProgress } from "@/lib/data/progress";
import { progressRanges } from "@/lib/domain/progress";
import { answer, answerWith } from "@/lib/route-answers";

export const dynamic = "force-dynamic";

const query = z.object({
  range: z.enum(progressRanges, {
    error: `Choose a range: ${progressRanges.join(", ")}.`,
  }),
});

const signIn = "Sign in to see progress.";

/** The progress charts' data for TanStack Query; the page renders the first range itself. */
export async function GET(request: Request, context: RouteContext<"/api/patients/[patientId]/progress">) {
  const parsed = query.safeParse({ range: new URL(request.url).searchParams.get("range") ?? "3m" });
  if (!parsed.success) return answer(400, { message: parsed.error.issues[0]?.message ?? "Bad range." });
  const { patientId } = await context.params;
  const background = isBackgroundRefresh(request);
  return answerWith(() => getProgress(patientId, parsed.data.range, new Date(), { background }), signIn);
}
