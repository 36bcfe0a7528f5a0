import type { QueryKey } from "@tanstack/react-query";
import type { ProgressRange } from "@/lib/domain/progress";

/**
 * Every TanStack Query key of the app. Keys nest from broad to narrow, so invalidating a prefix
 * (for example everything about one patient after a session is logged) refreshes all of it.
 */
export const queryKeys = {
  patients: () => ["patients"] as const,
  patient: (patientId: string) => [...queryKeys.patients(), patientId] as const,
  progressAll: (patientId: string) => [...queryKeys.patient(patientId), "progress"] as const,
  progress: (patientId: string, range: ProgressRange) =>
    [...queryKeys.progressAll(patientId), range] as const,
  /** The signed-in physiotherapist's caseload (the server knows whose; one list per session). */
  caseload: () => ["caseload"] as const,
};

/**
 * What a server action that changed a patient's logs (sessions, pain ratings) or routine makes
 * stale: that patient's progress in every period (pain, adherence, volume) and the caseload that
 * summarises them. A patient acting on their own data passes no id: their browser holds no one
 * else's, so every patient entry it has is theirs.
 */
export function keysChangedByPatientWrite(patientId?: string): QueryKey[] {
  return [patientId ? queryKeys.patient(patientId) : queryKeys.patients(), queryKeys.caseload()];
}
