import { getCaseload } from "@/lib/data/caseload";
import { getCurrentUser } from "@/lib/data/session";
import { answer, answerWith } from "@/lib/route-answers";

export const dynamic = "force-dynamic";

const signIn = "Sign in to see your patients.";

/**
 * The caseload for TanStack Query's background refresh; the page renders the first copy itself.
 * A patient account gets 404 (getCaseload checks the role), as if the address did not exist.
 */
export async function GET() {
  if (!(await getCurrentUser())) return answer(401, { message: signIn });
  return answerWith(() => getCaseload(), signIn);
}
