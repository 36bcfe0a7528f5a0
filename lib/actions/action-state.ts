import type { PainAdviceReason } from "@/lib/domain/pain-status";

export type FieldErrors = Record<string, string[] | undefined>;

/** What every server action returns to its form. */
export type ActionState = {
  ok: boolean;
  message?: string;
  errors?: FieldErrors;
  /** The submitted values, echoed so a form keeps what was typed (never passwords). */
  values?: Record<string, string>;
  /** What a successful action hands back to show once (a new invitation's link and code). */
  result?: Record<string, string>;
  /** Ratings just saved that call for the general safety advice, judged on the server. */
  painAdvice?: PainAdviceReason[];
};

export const initialActionState: ActionState = { ok: false };
