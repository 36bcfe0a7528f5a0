import { backgroundRefreshHeaders, leaveIfSignedOutIdle } from "@/lib/background-refresh";
import type { CaseloadRow } from "@/lib/data/caseload";

export class CaseloadFetchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The caseload route handler, for TanStack Query in the browser. */
export async function fetchCaseload(signal?: AbortSignal, background = false): Promise<CaseloadRow[]> {
  const response = await fetch("/api/caseload", {
    signal,
    cache: "no-store",
    headers: { Accept: "application/json", ...(background ? backgroundRefreshHeaders : {}) },
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    leaveIfSignedOutIdle(response.status, body);
    const message =
      typeof body === "object" && body !== null && "message" in body && typeof body.message === "string"
        ? body.message
        : "The caseload could not be loaded.";
    throw new CaseloadFetchError(response.status, message);
  }
  return (await response.json()) as CaseloadRow[];
}
