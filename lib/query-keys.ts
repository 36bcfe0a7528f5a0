import type { ProgressRange } from "@/lib/domain/progress";

/**
 * Every TanStack Query key of the app. Keys nest from broad to narrow, so invalidating a prefix
 * (for example everything about one patient after a session is logged) refreshes all of it.
 */
export const queryKeys = {
  patient: (patientId: string) => ["patients", patientId] as const,
  progressAll: (patientId: string) => [...queryKeys.patient(patientId), "progress"] as const,
  progress: (patientId: string, range: ProgressRange) =>
    [...queryKeys.progressAll(patientId), range] as const,
  /** The signed-in physiotherapist's caseload (the server knows whose; one list per session). */
  caseload: () => ["caseload"] as const,
};
