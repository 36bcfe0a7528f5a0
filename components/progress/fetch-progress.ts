import { backgroundRefreshHeaders, leaveIfSignedOutIdle } from "@/lib/background-refresh";
import type { ProgressData } from "@/lib/data/progress";
import type { ProgressRange } from "@/lib/domain/progress";

export class ProgressFetchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The progress route handler, for TanStack Query in the browser. */
export async function fetchProgress(
  patientId: string,
  range: ProgressRange,
  signal?: AbortSignal,
  background = false,
): Promise<ProgressData> {
  const response = await fetch(
    `/api/patients/${encodeURIComponent(patientId)}/progress?range=${encodeURIComponent(range)}`,
    {
      signal,
      cache: "no-store",
      headers: { Accept: "application/json", ...(background ? backgroundRefreshHeaders : {}) },
    },
  );
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    leaveIfSignedOutIdle(response.status, body);
    const message =
      typeof body === "object" && body !== null && "message" in body && typeof body.message === "string"
        ? body.message
        : "The progress could not be loaded.";
    throw new ProgressFetchError(response.status, message);
  }
  return (await response.json()) as ProgressData;
}
