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
  setGuidedLeadInAction: vi.fn<(previous: ActionState, input: FormData) => Promise<ActionState>>(),
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

function renderPlayer(
  draft: { state: string } | null = null,
  mainPainArea: "LEFT_HIP" | "RIGHT_HIP" | "LOWER_BACK" | null = "LOWER_BACK",
  leadInSeconds = 0,
) {
  return renderWithQueries(
    <GuidedPlayer
      items={items}
      draft={draft}
      requestId="request-1"
      timeZone="Europe/London"
      mainPainArea={mainPainArea}
      leadInSeconds={leadInSeconds}
    />,
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
    expect(screen.getByRole("heading", { name: /^1 exercise, about \d+ minutes$/ }).isConnected).toBe(true);
    expect(within(screen.getByRole("list")).getByText("Clamshell").isConnected).toBe(true);

    await user.click(within(painBefore).getByRole("radio", { name: "4" }));
    const area = screen.getByRole("combobox", { name: "Area your ratings are about" });
    expect((area as HTMLSelectElement).value).toBe("LOWER_BACK");
    await user.click(screen.getByRole("button", { name: "Start session" }));

    expect(stepHeading()).toBe("Clamshell");
    expect(screen.getByText("Get ready").isConnected).toBe(true);
    expect(screen.getByRole("progressbar", { name: "Session progress" }).getAttribute("aria-valuetext")).toBe(
      "0% done",
    );
    expect(screen.getByText("Step 1 of 4").isConnected).toBe(true);
  });

  it("counts a hold down, stops the clock while paused, and moves on when the hold ends", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer();
    await user.click(screen.getByRole("radio", { name: "4" }));
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));

    expect(screen.getByText("Rep 1 of 2").isConnected).toBe(true);
    expect(timeLeft()).toBe("Time left: 00:30");
    await advance(10_000);
    expect(timeLeft()).toBe("Time left: 00:20");

    await user.click(screen.getByRole("button", { name: "Pause" }));
    expect(screen.getByText("Paused").isConnected).toBe(true);
    await advance(60_000);
    expect(timeLeft()).toBe("Time left: 00:20");

    await user.click(screen.getByRole("button", { name: "Resume" }));
    await advance(19_000);
    expect(timeLeft()).toBe("Time left: 00:01");
    await advance(1_000);
    expect(stepHeading()).toBe("Rest");
    expect(timeLeft()).toBe("Time left: 00:10");
    expect(screen.getByRole("button", { name: "Skip rest" }).isConnected).toBe(true);
  });

  it("skips a rest and a hold with the buttons, then offers the finish with what was done", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer();
    await user.click(screen.getByRole("radio", { name: "4" }));
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));
    await advance(30_000);
    await user.click(screen.getByRole("button", { name: "Skip rest" }));
    expect(screen.getByText("Rep 2 of 2").isConnected).toBe(true);
    await user.click(screen.getByRole("button", { name: "Skip hold" }));

    expect(stepHeading()).toBe("All exercises done");
    expect(screen.getByText(/of exercise, 2 steps skipped\.$/).isConnected).toBe(true);
    const done = screen.getByRole("region", { name: "What you did" });
    expect(within(done).getByText("1 set of 1 × 30 s").isConnected).toBe(true);

    await user.click(screen.getByRole("radio", { name: "2" }));
    await user.click(screen.getByRole("button", { name: "Finish and save" }));
    expect((await screen.findByRole("heading", { name: "Session complete" })).isConnected).toBe(true);
    expect(actions.finishGuidedSessionAction).toHaveBeenCalledTimes(1);
    expect(actions.finishGuidedSessionAction.mock.calls[0]?.[1]).toMatchObject({
      clientRequestId: "request-1",
      painBefore: 4,
      painAfter: 2,
      painArea: "LOWER_BACK",
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
      painArea: "LOWER_BACK",
    });
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  });

  it("does not start with a rating but no area: it says so at the area, which takes focus", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer(null, null);
    const area = screen.getByRole("combobox", { name: "Area your ratings are about" });
    expect((area as HTMLSelectElement).value).toBe("");
    await user.click(screen.getByRole("radio", { name: "3" }));
    await user.click(screen.getByRole("button", { name: "Start session" }));
    expect(stepHeading()).toBe("Before you start");
    expect(screen.getByText("Choose the area your pain rating is about.").isConnected).toBe(true);
    expect(area.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(area);

    await user.selectOptions(area, "RIGHT_HIP");
    expect(screen.queryByText("Choose the area your pain rating is about.")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Start session" }));
    expect(stepHeading()).toBe("Clamshell");
  });

  it("starts without a rating and without an area, and asks for the area at the end when rated then", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer(null, null);
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));
    await advance(30_000);
    await user.click(screen.getByRole("button", { name: "Skip the rest of this exercise" }));
    expect(stepHeading()).toBe("All exercises done");
    await user.click(screen.getByRole("radio", { name: "3" }));
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Area your ratings are about" }),
      "LEFT_HIP",
    );
    await user.click(screen.getByRole("button", { name: "Finish and save" }));
    expect((await screen.findByRole("heading", { name: "Session complete" })).isConnected).toBe(true);
    expect(actions.finishGuidedSessionAction.mock.calls[0]?.[1]).toMatchObject({
      painBefore: null,
      painAfter: 3,
      painArea: "LEFT_HIP",
    });
  });

  it.each([
    [6, false],
    [7, true],
  ])("a rating of %i before the session asks first: %s", async (rating, asks) => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer();
    await user.click(screen.getByRole("radio", { name: String(rating) }));
    await user.click(screen.getByRole("button", { name: "Start session" }));
    if (!asks) {
      expect(stepHeading()).toBe("Clamshell");
      return;
    }
    expect(stepHeading()).toBe("Before you start");
    const question = screen.getByText(
      `You rated your pain ${rating} out of 10. Do you want to start the session anyway?`,
    );
    expect(document.activeElement).toBe(question);
    const advice = screen.getByRole("complementary", { name: "If your pain gets worse" });
    expect(
      within(advice)
        .getByRole("link", { name: /When to get help/ })
        .getAttribute("href"),
    ).toBe("/help");
    expect(screen.getByRole("link", { name: "Not now" }).getAttribute("href")).toBe("/today");
    expect(actions.saveGuidedDraftAction).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Start anyway" }));
    expect(stepHeading()).toBe("Clamshell");
  });

  it("shows the server's advice after a session rated 8 afterwards, with the rule it met", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    actions.finishGuidedSessionAction.mockResolvedValue({
      ok: true,
      message: "Session saved. Well done.",
      painAdvice: [
        { area: "LOWER_BACK", rating: 8, context: "AFTER_SESSION", severe: true, flareOver: null },
      ],
    });
    renderPlayer();
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));
    await advance(30_000);
    await user.click(screen.getByRole("button", { name: "Skip the rest of this exercise" }));
    // The area was chosen before the session (the main area): not asked again.
    expect(screen.queryByRole("combobox", { name: "Area your ratings are about" })).toBeNull();
    await user.click(screen.getByRole("radio", { name: "8" }));
    await user.click(screen.getByRole("button", { name: "Finish and save" }));

    expect((await screen.findByRole("heading", { name: "Session complete" })).isConnected).toBe(true);
    const reply = screen.getByRole("region", { name: "You rated your pain high" });
    expect(reply.textContent).toContain(
      "Lower back 8/10 after the session: 7 or more counts as severe pain.",
    );
    expect(within(reply).getByRole("link", { name: "When to get help" }).getAttribute("href")).toBe("/help");
  });

  it("offers to resume a saved draft, and picks up the hold where it was left", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const key = planKey(items);
    let saved = reducePlayer(steps, createPlayer(key), { type: "start", now: start, painBefore: 5 });
    saved = reducePlayer(steps, saved, { type: "complete", now: start + 5_000 });
    renderPlayer({ state: serialisePlayerState(steps, saved, start + 17_000) });

    expect(stepHeading()).toBe("Welcome back");
    expect(screen.getByText(/1 of 4 steps are done\./).isConnected).toBe(true);
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

  it("counts down a lead-in to get into position, announced like a hold, then starts the hold", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer(null, "LOWER_BACK", 5);
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));

    expect(screen.getByText("Get into position").isConnected).toBe(true);
    expect(stepHeading()).toBe("Clamshell");
    expect(timeLeft()).toBe("Time left: 00:05");
    const live = document.querySelector('[aria-live="assertive"]');
    expect(live?.textContent).toContain(
      "Get into position: Clamshell, set 1 of 1, rep 1 of 2. The hold starts in 5 seconds.",
    );
    await advance(3_000);
    expect(timeLeft()).toBe("Time left: 00:02");
    await advance(2_000);
    expect(screen.queryByText("Get into position")).toBeNull();
    expect(screen.getByText("Rep 1 of 2").isConnected).toBe(true);
    expect(timeLeft()).toBe("Time left: 00:30");
    expect(live?.textContent).toContain("Go. Hold for 30 seconds. Clamshell, set 1 of 1, rep 1 of 2.");
  });

  it("skips the lead-in with its Skip button, straight into a full hold", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPlayer(null, "LOWER_BACK", 10);
    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));
    await advance(4_000);
    await user.click(screen.getByRole("button", { name: "Skip to hold" }));
    expect(screen.getByText("Rep 1 of 2").isConnected).toBe(true);
    expect(timeLeft()).toBe("Time left: 00:30");
  });

  it("hides the site's menu only while steps run, and asks before leaving, paused until answered", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { container } = renderPlayer();
    expect(container.querySelector("[data-session-focus]")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Start session" }));
    expect(container.querySelector("[data-session-focus]")).not.toBeNull();
    await user.click(screen.getByRole("button", { name: "Start exercise" }));
    await advance(10_000);
    expect(timeLeft()).toBe("Time left: 00:20");

    actions.saveGuidedDraftAction.mockClear();
    await user.click(screen.getByRole("button", { name: "Leave session" }));
    const dialog = screen.getByRole("dialog", { name: "Leave the session?" });
    expect(within(dialog).getByRole("button", { name: "Stay and carry on" })).toBe(document.activeElement);
    expect(within(dialog).getByRole("link", { name: "Leave" }).getAttribute("href")).toBe("/today");
    // Asking paused the countdown, which saved the session for later.
    expect(screen.getByText("Paused").isConnected).toBe(true);
    expect(actions.saveGuidedDraftAction).toHaveBeenCalledTimes(1);
    await advance(60_000);
    expect(timeLeft()).toBe("Time left: 00:20");

    await user.click(within(dialog).getByRole("button", { name: "Stay and carry on" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    await advance(5_000);
    expect(timeLeft()).toBe("Time left: 00:15");
  });

  it("changes the lead-in before starting, and the session uses the saved value", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    actions.setGuidedLeadInAction.mockResolvedValue({ ok: true, message: "Lead-in saved." });
    renderPlayer(null, "LOWER_BACK", 5);
    await user.click(screen.getByText("Time to get into position: 5 seconds"));
    const field = screen.getByRole("spinbutton", {
      name: "Seconds before the first hold of each exercise and side",
    });
    await user.clear(field);
    await user.type(field, "12");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Time to get into position: 12 seconds")).toBeDefined();
    expect(actions.setGuidedLeadInAction.mock.calls[0]?.[1].get("leadInSeconds")).toBe("12");

    await user.click(screen.getByRole("button", { name: "Start session" }));
    await user.click(screen.getByRole("button", { name: "Start exercise" }));
    expect(timeLeft()).toBe("Time left: 00:12");
    // The draft saved for this session names the plan with the new lead-in, so a reload resumes it.
    const saved = actions.saveGuidedDraftAction.mock.calls.at(-1)?.[1].state as string;
    expect(
      parsePlayerState(
        saved,
        buildSteps(items, { leadInSeconds: 12 }),
        planKey(items, { leadInSeconds: 12 }),
      ),
    ).not.toBeNull();
  });

  it("shows the lead-in setting's message at its field when the value is refused", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    actions.setGuidedLeadInAction.mockResolvedValue({
      ok: false,
      message: "Please correct the marked fields.",
      errors: { leadInSeconds: ["The lead-in cannot be more than 30."] },
      values: { leadInSeconds: "45" },
    });
    renderPlayer(null, "LOWER_BACK", 5);
    await user.click(screen.getByText("Time to get into position: 5 seconds"));
    const field = screen.getByRole("spinbutton", {
      name: "Seconds before the first hold of each exercise and side",
    });
    await user.clear(field);
    await user.type(field, "45");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("The lead-in cannot be more than 30.")).toBeDefined();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Time to get into position: 5 seconds").isConnected).toBe(true);
  });
});
