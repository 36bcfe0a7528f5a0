import { nounFor, plural } from "@/lib/format";

export type Dose = { sets: number; reps: number; holdSeconds: number; perSide: boolean };

/** "1 set of 3 × 30 s holds, each side". */
export function formatDose(dose: Dose): string {
  const sets = plural(dose.sets, "set");
  const reps =
    dose.holdSeconds > 0
      ? `${dose.reps} × ${dose.holdSeconds} s ${nounFor(dose.reps, "hold")}`
      : plural(dose.reps, "repetition");
  return `${sets} of ${reps}${dose.perSide ? ", each side" : ""}`;
}
