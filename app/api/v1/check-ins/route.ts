import { checkInAction } from "@/lib/actions/logs";
import { replayRoute } from "@/lib/http/replay-route";

export const dynamic = "force-dynamic";

/** A pain check-in saved while offline, sent again by the offline queue (lib/http/replay-route.ts). */
export const POST = replayRoute(checkInAction);
