import { painRegions } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import type { PlanStep } from "./session-plan";
import { type PlayerState, suspendPlayer } from "./session-player";

// The guided session's draft as saved on the server: a suspended player state, compact and checked.

function encodeOutcomes(outcomes: string): string {
  return (outcomes.match(/c+|s+/g) ?? []).map((run) => `${run[0]}${run.length}`).join("");
}

function decodeOutcomes(encoded: string): string | null {
  if (!/^([cs][1-9]\d{0,5})*$/.test(encoded)) return null;
  return (encoded.match(/[cs]\d+/g) ?? []).map((run) => run[0]?.repeat(Number(run.slice(1))) ?? "").join("");
}

/** The draft to save: suspended, with the outcomes run-length encoded to stay small. */
export function serialisePlayerState(steps: readonly PlanStep[], state: PlayerState, now: number): string {
  const suspended = suspendPlayer(steps, state, now);
  return JSON.stringify({ ...suspended, outcomes: encodeOutcomes(suspended.outcomes) });
}

const time = z.number().finite();
const timeOrNull = time.nullable();

/** The saved draft's shape; anything else (tampered, truncated, from an older version) is refused. */
const draftSchema = z.object({
  version: z.literal(1),
  planKey: z.string(),
  stage: z.enum(["PAIN_BEFORE", "STEPS", "PAIN_AFTER"]),
  painBefore: z.number().int().min(0).max(10).nullable(),
  // Drafts saved before sessions kept their area have none.
  painArea: z.enum(painRegions).nullable().default(null),
  startedAt: timeOrNull,
  endedAt: timeOrNull,
  index: z.number().int().min(0),
  outcomes: z.string().transform((encoded, context) => {
    const decoded = decodeOutcomes(encoded);
    if (decoded === null) {
      context.addIssue({ code: "custom", message: "Malformed outcomes." });
      return z.NEVER;
    }
    return decoded;
  }),
  elapsedMs: time.min(0),
  runningSince: timeOrNull,
  pausedAt: timeOrNull,
  pausedMs: time.min(0),
});

/** A saved draft, if it is well formed and belongs to this plan; null otherwise. */
export function parsePlayerState(text: string, steps: readonly PlanStep[], key: string): PlayerState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = draftSchema.safeParse(value);
  if (!parsed.success) return null;
  const state: PlayerState = parsed.data;
  if (state.planKey !== key) return null;
  if (state.outcomes.length !== state.index || state.index > steps.length) return null;
  if (state.stage === "STEPS" && (state.index >= steps.length || state.startedAt === null)) return null;
  if (state.stage === "PAIN_AFTER" && state.index !== steps.length) return null;
  return state;
}
