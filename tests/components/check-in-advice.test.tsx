import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";

// The check-in answers only when the server's answer says a rating met a rule: it states which
// rule and points to Today's own section with the general advice; it decides nothing itself.

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
const checkInAction = vi.hoisted(() => vi.fn<FormAction>());
vi.mock("@/lib/actions/logs", () => ({ checkInAction }));

const { PainCheckIn } = await import("@/components/pain/pain-check-in");
const { renderWithQueries } = await import("../support/render-with-queries");

async function saveCheckIn(answer: ActionState) {
  checkInAction.mockResolvedValue(answer);
  renderWithQueries(<PainCheckIn requestId="request-1" />);
  const user = userEvent.setup();
  await user.click(screen.getByRole("radio", { name: "Lower back 9 of 10" }));
  await user.click(screen.getByRole("button", { name: "Save check-in" }));
  await screen.findByText("Check-in saved. Thank you.");
}

it("states the severe-pain rule and links to the advice when the server says the rating was 7 or more", async () => {
  await saveCheckIn({
    ok: true,
    message: "Check-in saved. Thank you.",
    painAdvice: [{ area: "LOWER_BACK", rating: 9, context: "CHECK_IN", severe: true, flareOver: null }],
  });
  const reply = screen.getByRole("region", { name: "You rated your pain high" });
  expect(reply.textContent).toContain("Lower back 9/10: 7 or more counts as severe pain.");
  // Today shows the general advice in its own section after such a rating; the reply links there
  // instead of printing the same advice a second time.
  expect(within(reply).getByRole("link", { name: "Read what to do now" }).getAttribute("href")).toBe(
    "#pain-advice-heading",
  );
  expect(within(reply).queryByRole("complementary", { name: "If your pain gets worse" })).toBeNull();
});

it("states the rise over the area's own average when the server says it was 2 or more", async () => {
  await saveCheckIn({
    ok: true,
    message: "Check-in saved. Thank you.",
    painAdvice: [{ area: "LEFT_HIP", rating: 5, context: "CHECK_IN", severe: false, flareOver: 2.75 }],
  });
  const reply = screen.getByRole("region", { name: "Your pain is higher than usual" });
  expect(reply.textContent).toContain(
    "Left hip 5/10: 2.3 points above this area's average of 2.8 over the 14 days before.",
  );
});

it("shows no advice when the server's answer has none, whatever was rated", async () => {
  await saveCheckIn({ ok: true, message: "Check-in saved. Thank you.", painAdvice: [] });
  expect(screen.queryByRole("complementary", { name: "If your pain gets worse" })).toBeNull();
});
