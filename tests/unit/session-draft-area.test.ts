import { describe, expect, it } from "vitest";
import { parsePlayerState, serialisePlayerState } from "@/lib/domain/session-draft";
import { buildSteps, type PlanItem, planKey } from "@/lib/domain/session-plan";
import { createPlayer, reducePlayer } from "@/lib/domain/session-player";

// The area a guided session's ratings are about is chosen before it starts; the draft keeps it, so
// a reload halfway through saves the ratings under the area the patient chose.

const items: PlanItem[] = [
  {
    exercise: {
      id: "clam",
      name: "Clamshell",
      slug: "clamshell",
      steps: ["Lie on your side."],
      illustration: "/c.svg",
    },
    sets: 1,
    reps: 2,
    holdSeconds: 5,
    perSide: false,
  },
];
const steps = buildSteps(items);
const key = planKey(items);
const t0 = Date.UTC(2026, 10, 27, 9, 0, 0);

describe("the guided session's pain area", () => {
  it("is set by the start and survives the draft", () => {
    const state = reducePlayer(steps, createPlayer(key), {
      type: "start",
      now: t0,
      painBefore: 8,
      painArea: "LEFT_HIP",
    });
    expect(state).toMatchObject({ stage: "STEPS", painBefore: 8, painArea: "LEFT_HIP" });
    const restored = parsePlayerState(serialisePlayerState(steps, state, t0 + 1000), steps, key);
    expect(restored).toMatchObject({ painBefore: 8, painArea: "LEFT_HIP" });
  });

  it("is null when none was chosen, and in a draft saved before drafts kept it", () => {
    const state = reducePlayer(steps, createPlayer(key), { type: "start", now: t0, painBefore: null });
    expect(state.painArea).toBeNull();
    const { painArea: _dropped, ...older } = JSON.parse(serialisePlayerState(steps, state, t0));
    expect(parsePlayerState(JSON.stringify(older), steps, key)).toMatchObject({ painArea: null });
  });

  it("refuses a draft naming an area the app does not know", () => {
    const state = reducePlayer(steps, createPlayer(key), {
      type: "start",
      now: t0,
      painBefore: 2,
      painArea: "LOWER_BACK",
    });
    const draft = JSON.parse(serialisePlayerState(steps, state, t0));
    expect(parsePlayerState(JSON.stringify({ ...draft, painArea: "NECK" }), steps, key)).toBeNull();
  });
});
