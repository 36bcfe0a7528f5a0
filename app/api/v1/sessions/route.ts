import { finishGuidedSessionAction } from "@/lib/actions/logs";
import { replayRoute } from "@/lib/http/replay-route";

export const dynamic = "force-dynamic";

/** A guided session saved while offline, sent again by the offline queue (lib/http/replay-route.ts). */
export const POST = replayRoute(finishGuidedSessionAction);
