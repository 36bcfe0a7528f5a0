export type Dose = { sets: number; reps: number; holdSeconds: number; perSide: boolean };

/** "1 set of 3 × 30 s holds, each side". */
export function formatDose(dose: Dose): string {
  const sets = `${dose.sets} ${dose.sets === 1 ? "set" : "sets"}`;
  const reps =
    dose.holdSeconds > 0
      ? `${dose.reps} × ${dose.holdSeconds} s ${dose.reps === 1 ? "hold" : "holds"}`
      : `${dose.reps} ${dose.reps === 1 ? "repetition" : "repetitions"}`;
  return `${sets} of ${reps}${dose.perSide ? ", each side" : ""}`;
}
