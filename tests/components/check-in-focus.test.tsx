import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
const checkInAction = vi.hoisted(() => vi.fn<FormAction>());
vi.mock("@/lib/actions/logs", () => ({ checkInAction }));

const { PainCheckIn } = await import("@/components/pain/pain-check-in");
const { renderWithQueries } = await import("../support/render-with-queries");

it("keeps keyboard focus in the check-in after saving it, instead of dropping it to the page body", async () => {
  checkInAction.mockResolvedValue({ ok: true, message: "Check-in saved. Thank you." });
  renderWithQueries(<PainCheckIn requestId="request-1" />);
  const user = userEvent.setup();
  await user.click(screen.getByRole("radio", { name: "Left hip 5 of 10" }));
  screen.getByRole("button", { name: "Save check-in" }).focus();
  await user.keyboard("{Enter}");

  await screen.findByText("Check-in saved. Thank you.");
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Pain check-in" })),
  );
  expect(document.activeElement).not.toBe(document.body);
});
