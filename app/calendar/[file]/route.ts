import { calendarFeedByToken } from "@/lib/data/reminders";

export const dynamic = "force-dynamic";

// The secret calendar address: /calendar/<token>.ics. Calendar services fetch it from their own
// servers without a session; an unknown or revoked token is simply not found.
export async function GET(_request: Request, context: RouteContext<"/calendar/[file]">) {
  const { file } = await context.params;
  const feed = file.endsWith(".ics") ? await calendarFeedByToken(file.slice(0, -4)) : null;
  if (feed === null) {
    return new Response("Not found.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="exercise-time.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
