/**
 * Whether a write came from one of this site's own pages, checked as Next checks a server action:
 * the Origin header's host must equal the host the request was addressed to (X-Forwarded-Host when
 * a proxy set it, else Host). A request without Origin is refused: browsers send it on every
 * cross-origin request and on every same-origin POST made with fetch, which is all the offline
 * queue sends.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host") || new URL(request.url).host;
  return originHost.toLowerCase() === host.toLowerCase();
}
