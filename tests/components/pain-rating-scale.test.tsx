import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";

const checkInAction = vi.fn<(previous: ActionState, formData: FormData) => Promise<ActionState>>();
vi.mock("@/lib/actions/logs", () => ({ checkInAction }));

const { PainRatingScale } = await import("@/components/pain/pain-rating-scale");
const { PainCheckIn } = await import("@/components/pain/pain-check-in");
const { renderWithQueries } = await import("../support/render-with-queries");

function ControlledScale({ initial = "" }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <PainRatingScale name="pain" legend="Left hip" checked={value} onChange={setValue} allowNotRated />
      <output aria-label="Chosen rating">{value === "" ? "none" : value}</output>
    </>
  );
}

const checkedValue = (group: HTMLElement) =>
  within(group)
    .getAllByRole<HTMLInputElement>("radio")
    .find((radio) => radio.checked)?.value;

describe("the pain rating scale", () => {
  it("is a group named by its area, with a labelled radio for each rating and for not rated", () => {
    render(<PainRatingScale name="LOWER_BACK" legend="Lower back" allowNotRated defaultChecked="" />);
    const group = screen.getByRole("group", { name: "Lower back" });
    const radios = within(group).getAllByRole("radio");
    expect(radios.map((radio) => radio.getAttribute("aria-label"))).toEqual([
      ...Array.from({ length: 11 }, (_, rating) => `Lower back ${rating} of 10`),
      "Lower back not rated",
    ]);
    expect(within(group).getByRole("radio", { name: "Lower back not rated" })).toHaveProperty(
      "checked",
      true,
    );
  });

  it("offers no 'not rated' choice unless asked to", () => {
    render(<PainRatingScale name="pain" legend="Right hip" />);
    expect(screen.getAllByRole("radio")).toHaveLength(11);
    expect(screen.queryByRole("radio", { name: /not rated/ })).toBeNull();
  });

  it("chooses a rating by click and moves it with the arrow keys", async () => {
    const user = userEvent.setup();
    render(<ControlledScale />);
    await user.click(screen.getByRole("radio", { name: "Left hip 4 of 10" }));
    expect(screen.getByRole("status", { hidden: true, name: "Chosen rating" }).textContent).toBe("4");
    expect(screen.getByRole("radio", { name: "Left hip 4 of 10" })).toHaveProperty("checked", true);

    await user.keyboard("{ArrowRight}{ArrowRight}");
    expect(screen.getByRole("radio", { name: "Left hip 6 of 10" })).toHaveProperty("checked", true);
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "Left hip 6 of 10" }));
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("status", { hidden: true, name: "Chosen rating" }).textContent).toBe("5");
  });

  it("describes the group by its error, so a screen reader hears why", () => {
    render(<PainRatingScale name="pain" legend="Left hip" errors={["Choose a rating from 0 to 10."]} />);
    expect(screen.getByRole("group", { name: "Left hip" }).getAttribute("aria-describedby")).toBe(
      "pain-error",
    );
    expect(screen.getByText("Choose a rating from 0 to 10.").closest("#pain-error")).not.toBeNull();
  });
});

describe("the pain check-in", () => {
  beforeEach(() => checkInAction.mockReset());

  it("posts the chosen rating per area and the note, then thanks the patient and resets to not rated", async () => {
    checkInAction.mockResolvedValue({ ok: true, message: "Check-in saved. Thank you." });
    const user = userEvent.setup();
    renderWithQueries(<PainCheckIn requestId="request-1" />);
    const lowerBack = screen.getByRole("group", { name: "Lower back" });
    expect(checkedValue(lowerBack)).toBe("");

    await user.click(within(lowerBack).getByRole("radio", { name: "Lower back 6 of 10" }));
    await user.type(screen.getByRole("textbox", { name: "Note (optional)" }), "Stiff after driving");
    await user.click(screen.getByRole("button", { name: "Save check-in" }));

    expect((await screen.findByText("Check-in saved. Thank you.")).isConnected).toBe(true);
    expect(checkInAction).toHaveBeenCalledTimes(1);
    const posted = checkInAction.mock.calls[0]?.[1];
    expect(posted?.get("LOWER_BACK")).toBe("6");
    expect(posted?.get("LEFT_HIP")).toBe("");
    expect(posted?.get("note")).toBe("Stiff after driving");
    expect(posted?.get("clientRequestId")).toBe("request-1");
    expect(checkedValue(screen.getByRole("group", { name: "Lower back" }))).toBe("");
  });

  it("shows a refused rating's message on its area and keeps what was chosen", async () => {
    checkInAction.mockResolvedValue({
      ok: false,
      message: "Please correct the marked fields.",
      errors: { RIGHT_HIP: ["Choose a rating from 0 (none) to 10."] },
      values: { RIGHT_HIP: "9", note: "Sharp" },
    });
    const user = userEvent.setup();
    renderWithQueries(<PainCheckIn requestId="request-1" />);
    await user.click(screen.getByRole("radio", { name: "Right hip 9 of 10" }));
    await user.click(screen.getByRole("button", { name: "Save check-in" }));

    expect((await screen.findByText("Please correct the marked fields.")).isConnected).toBe(true);
    const rightHip = screen.getByRole("group", { name: "Right hip" });
    expect(within(rightHip).getByText("Choose a rating from 0 (none) to 10.").isConnected).toBe(true);
    expect(checkedValue(rightHip)).toBe("9");
    expect(screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Note (optional)" }).value).toBe("Sharp");
  });
});
