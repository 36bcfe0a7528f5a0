import { readFile } from "node:fs/promises";
import { serviceWorkerFile } from "@/lib/sw/build-output";

// The service worker, bundled after the build by scripts/build-service-worker.ts. Served from the
// site's root so it may control every page; the proxy adds the Content-Security-Policy, which then
// also governs the worker's own requests.
export const dynamic = "force-dynamic";

export async function GET() {
  let source: string;
  try {
    source = await readFile(serviceWorkerFile(), "utf8");
  } catch {
    return new Response("// No service worker in this build.\n", {
      status: 404,
      headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(source, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // The browser checks for a new worker on every visit; the file is small.
      "Cache-Control": "no-cache",
    },
  });
}
