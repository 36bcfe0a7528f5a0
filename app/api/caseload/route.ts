import { isBackgroundRefresh } from "@/lib/background-refresh";
import { getCaseload } from "@/lib/data/caseload";
import { answerWith } from "@/lib/route-answers";

export const dynamic = "force-dynamic";

const signIn = "Sign in to see your patients.";

/**
 * The caseload for TanStack Query's background refresh; the page renders the first copy itself.
 * Signed out answers 401, a patient account 404 (getCaseload checks both), as if the address did
 * not exist.
 */
export async function GET(request?: Request) {
  const background = isBackgroundRefresh(request);
  return answerWith(() => getCaseload(new Date(), { background }), signIn);
}
