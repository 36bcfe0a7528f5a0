/**
 * The header a browser fetch sets when it refreshes data already on screen by itself (the
 * caseload's timer, a chart refetched on focus) rather than because someone asked. Route handlers
 * pass it on so the audit trail can tell such reads apart; it never widens what a caller may read.
 */
export const backgroundRefreshHeader = "x-background-refresh";

export const backgroundRefreshHeaders = { [backgroundRefreshHeader]: "1" } as const;

export function isBackgroundRefresh(request: Request | undefined): boolean {
  return request?.headers.get(backgroundRefreshHeader) === "1";
}

/**
 * What proxy.ts answers a background refresh whose session ran past the idle limit: refreshes never
 * renew the idle time (only what the person does does), so an unattended screen signs out.
 */
export const idleSignOutBody = {
  message: "You were signed out after a time without activity.",
  signedOut: "idle",
} as const;

/** Whether a refresh was answered with the idle sign-out. */
export function isIdleSignOut(status: number, body: unknown): boolean {
  return (
    status === 401 &&
    typeof body === "object" &&
    body !== null &&
    "signedOut" in body &&
    body.signedOut === "idle"
  );
}

/** The sign-in page that says why, and comes back to `returnTo` afterwards. */
export function idleSignInPath(returnTo: string): string {
  return `/sign-in?signedOut=idle&callbackUrl=${encodeURIComponent(returnTo)}`;
}

/** In the browser: leave a screen whose session ended while nobody used it, for the page that says why. */
export function leaveIfSignedOutIdle(status: number, body: unknown): void {
  if (!isIdleSignOut(status, body) || typeof window === "undefined") return;
  window.location.assign(idleSignInPath(`${window.location.pathname}${window.location.search}`));
}
