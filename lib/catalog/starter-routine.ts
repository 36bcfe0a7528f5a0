/**
 * A gentle first routine offered on Today to a patient with none: two stretches and two
 * strengthening exercises, in the order they are done. The demo patient's routine builds on it.
 */
export const starterRoutineSlugs = [
  "knee-to-chest-stretch",
  "hip-flexor-stretch",
  "glute-bridge",
  "clamshell",
] as const;
