import { myDataZip } from "@/lib/export/my-data";
import { logServerError } from "@/lib/log-event";
import { isNotFound, isRedirect } from "@/lib/next-errors";
import { answer } from "@/lib/route-answers";

export const dynamic = "force-dynamic";

/**
 * "Download my data": the zip of lib/export/my-data.ts for the person signed in, never cached.
 * Not signed in (or half signed in): 401, like every route handler.
 */
export async function GET(): Promise<Response> {
  try {
    const zip = await myDataZip();
    return new Response(zip.bytes as unknown as BodyInit, {
      status: 200,
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${zip.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isRedirect(error)) return answer(401, { message: "Sign in to download your data." });
    if (isNotFound(error)) return answer(404, { message: "Not found." });
    await logServerError("Data download failed", error);
    return answer(500, { message: "Something went wrong. Please try again." });
  }
}
