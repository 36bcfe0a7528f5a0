import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import type { PlanItem } from "@/lib/domain/session-plan";

type Action = (previous: ActionState, input: Record<string, unknown>) => Promise<ActionState>;
const actions = vi.hoisted(() => ({
  saveGuidedDraftAction: vi.fn<Action>(),
  discardGuidedDraftAction: vi.fn<Action>(),
  finishGuidedSessionAction: vi.fn<Action>(),
}));
vi.mock("@/lib/actions/logs", () => actions);

const { GuidedPlayer } = await import("@/components/sessions/guided-player");
const { parsePlayerState, serialisePlayerState } = await import("@/lib/domain/session-draft");
const { buildSteps, planKey } = await import("@/lib/domain/session-plan");
const { createPlayer, reducePlayer } = await import("@/lib/domain/session-player");
const { renderWithQueries } = await import("../support/render-with-queries");

// One exercise, not per side: get ready, hold 30 s, rest 10 s, hold 30 s, then pain after.
const clamshell: PlanItem = {
  exercise: {
    id: "ex-clamshell",
    name: "Clamshell",
    slug: "clamshell",
    steps: ["Lie on your side with your knees bent."],
    illustration: "/exercises/clamshell.svg",
  },
  sets: 1,
  reps: 2,
  holdSeconds: 30,
  perSide: false,
};
const items = [clamshell];
const steps = buildSteps(items);
const start = new Date("2026-11-27T09:00:00Z").getTime();

const timeLeft = () => screen.getByRole("timer").textContent;
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const stepHeading = () => screen.getByRole("heading", { level: 2 }).textContent;

function renderPlayer(draft: { state: string } | null = null) {
  return renderWithQueries(
    <GuidedPlayer items={items} draft={draft} requestId="request-1" timeZone="Europe/London" />,
  );
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
  for (const action of Object.values(actions)) action.mockReset().mockResolvedValue({ ok: true });
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response("{}")),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the guided session", () => {
  it("asks for pain before, lists the plan, and starts on the first exercise", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer();
    expect(stepHeading()).toBe("Before you start");
    const painBefore = screen.getByRole("group", { name: "How much pain do you feel right now?" });
    expect(
      within(painBefore)
        .getAllByRole("radio")
        .map((radio) => radio.getAttribute("aria-label")),
    ).toEqual(["0 no pain", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10 worst pain"]);
    expect(screen.getByRole("heading", { name: /^1 exercise, about \d+ minutes$/ })).toBeTruthy();
    expect(within(screen.getByRole("list")).getByText("Clamshell")).toBeTruthy();

    await user.click(within(painBefore).getByRole("radio", { name: "4" }));
    await user.click(screen.getByRole("button", { name: "Start session" }));

    expect(stepHeading()).toBe("Clamshell");
    expect(screen.getByText("Get ready")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Session progress" }).getAttribute("aria-valuetext")).toBe(
      "0% done",
    );
    expect(screen.getByText("Step 1 of 4")).toBeTruthy();
  });

  it("counts a hold down, stops the clock while paused, and moves on when the hold ends", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer();
    await user.click(screen.getByRole("radio", { name: "4" }));
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));

    expect(screen.getByText("Rep 1 of 2")).toBeTruthy();
    expect(timeLeft()).toBe("Time left: 00:30");
    await advance(10_000);
    expect(timeLeft()).toBe("Time left: 00:20");

    await user.click(screen.getByRole("button", { name: "Pause" }));
    expect(screen.getByText("Paused")).toBeTruthy();
    await advance(60_000);
    expect(timeLeft()).toBe("Time left: 00:20");

    await user.click(screen.getByRole("button", { name: "Resume" }));
    await advance(19_000);
    expect(timeLeft()).toBe("Time left: 00:01");
    await advance(1_000);
    expect(stepHeading()).toBe("Rest");
    expect(timeLeft()).toBe("Time left: 00:10");
    expect(screen.getByRole("button", { name: "Skip rest" })).toBeTruthy();
  });

  it("skips a rest and a hold with the buttons, then offers the finish with what was done", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer();
    await user.click(screen.getByRole("radio", { name: "4" }));
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));
    await advance(30_000);
    await user.click(screen.getByRole("button", { name: "Skip rest" }));
    expect(screen.getByText("Rep 2 of 2")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Skip hold" }));

    expect(stepHeading()).toBe("All exercises done");
    expect(screen.getByText(/of exercise, 2 steps skipped\.$/)).toBeTruthy();
    const done = screen.getByRole("region", { name: "What you did" });
    expect(within(done).getByText("1 set of 1 × 30 s")).toBeTruthy();

    await user.click(screen.getByRole("radio", { name: "2" }));
    await user.click(screen.getByRole("button", { name: "Finish and save" }));
    expect(await screen.findByRole("heading", { name: "Session complete" })).toBeTruthy();
    expect(actions.finishGuidedSessionAction).toHaveBeenCalledTimes(1);
    expect(actions.finishGuidedSessionAction.mock.calls[0]?.[1]).toMatchObject({
      clientRequestId: "request-1",
      painBefore: 4,
      painAfter: 2,
      entries: [{ exerciseId: "ex-clamshell", side: "BOTH", sets: 1, reps: 1, holdSeconds: 30 }],
    });
  });

  it("saves a draft on the server after each step, never in the browser", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer();
    await user.click(screen.getByRole("radio", { name: "4" }));
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));

    const saves = actions.saveGuidedDraftAction.mock.calls;
    expect(saves.length).toBeGreaterThan(0);
    const latest = saves.at(-1)?.[1] as { startedAt: string; state: string };
    expect(latest.startedAt).toBe(new Date(start).toISOString());
    expect(parsePlayerState(latest.state, steps, planKey(items))).toMatchObject({
      stage: "STEPS",
      index: 1,
      painBefore: 4,
    });
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  });

  it("offers to resume a saved draft, and picks up the hold where it was left", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const key = planKey(items);
    let saved = reducePlayer(steps, createPlayer(key), { type: "start", now: start, painBefore: 5 });
    saved = reducePlayer(steps, saved, { type: "complete", now: start + 5_000 });
    renderPlayer({ state: serialisePlayerState(steps, saved, start + 17_000) });

    expect(stepHeading()).toBe("Welcome back");
    expect(screen.getByText(/1 of 4 steps are done\./)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Resume where you left off" }));
    expect(stepHeading()).toBe("Clamshell");
    expect(timeLeft()).toBe("Time left: 00:18");
  });

  it("starts again from the pain question and drops the draft when asked", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const saved = reducePlayer(steps, createPlayer(planKey(items)), {
      type: "start",
      now: start,
      painBefore: 5,
    });
    renderPlayer({ state: serialisePlayerState(steps, saved, start) });
    await user.click(screen.getByRole("button", { name: "Start again" }));
    expect(stepHeading()).toBe("Before you start");
    expect(actions.discardGuidedDraftAction).toHaveBeenCalledTimes(1);
  });
});
