import type { ActionState } from "@/lib/actions/action-state";

/**
 * The form-level message, plus any error on a field the form does not show next to an input
 * (an expired request id, an unknown item), so no message is silently dropped.
 */
export function actionMessage(state: ActionState, fieldsShown: readonly string[]): string | undefined {
  const unshown = Object.entries(state.errors ?? {})
    .filter(([key]) => !fieldsShown.some((field) => key === field || key.startsWith(`${field}.`)))
    .flatMap(([, messages]) => messages ?? []);
  const text = [...new Set([state.message, ...unshown].filter(Boolean))].join(" ");
  return text || undefined;
}

export const doseFieldNames = ["sets", "reps", "holdSeconds", "perSide", "days"] as const;
