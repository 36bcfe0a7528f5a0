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
