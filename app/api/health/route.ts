import { isHealthy } from "@/lib/data/health";
import { answer } from "@/lib/route-answers";

export const dynamic = "force-dynamic";

export async function GET() {
  const healthy = await isHealthy();
  return answer(healthy ? 200 : 503, { status: healthy ? "ok" : "unavailable" });
}
