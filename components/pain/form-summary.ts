import type { ActionState } from "@/lib/actions/action-state";

/**
 * The sentence under a form's Save button. The actions' generic sentence says the fields are
 * "below", which is true where the message sits at the top of a form; these forms show it last.
 */
export function formSummary(state: ActionState): string | undefined {
  return !state.ok && Object.keys(state.errors ?? {}).length > 0
    ? "Please correct the fields marked above."
    : state.message;
}
