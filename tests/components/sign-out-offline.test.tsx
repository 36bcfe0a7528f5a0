import "fake-indexeddb/auto";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";

// Signing out deletes what the offline queue keeps on this device. Without a connection the server
// cannot end the session, so nothing may be deleted: the button says why and keeps the writes.

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
const signOutAction = vi.hoisted(() => vi.fn<FormAction>(async () => ({ ok: true })));
vi.mock("@/lib/actions/auth", () => ({ signOutAction }));

const { SignOutButton } = await import("@/components/auth/sign-out-button");
const { enqueue, forgetOfflineData, pendingWrites } = await import("@/lib/offline/queue");

let online = true;
function setOnline(value: boolean) {
  online = value;
  window.dispatchEvent(new Event(value ? "online" : "offline"));
}

beforeEach(async () => {
  await forgetOfflineData();
  online = true;
  vi.spyOn(navigator, "onLine", "get").mockImplementation(() => online);
  signOutAction.mockClear();
});
afterEach(() => vi.restoreAllMocks());

it("offline, keeps the waiting writes, does not sign out, and says to sign out once back online", async () => {
  await enqueue("patient-1", "check-in", { clientRequestId: "request-1", LOWER_BACK: "4" });
  render(<SignOutButton />);
  act(() => setOnline(false));
  await userEvent.click(screen.getByRole("button", { name: "Sign out" }));
  expect((await screen.findByRole("alert")).textContent).toMatch(
    /^You are offline, so you are still signed in\./,
  );
  expect(signOutAction).not.toHaveBeenCalled();
  expect(await pendingWrites("patient-1")).toHaveLength(1);

  // Back online the notice goes, and signing out deletes the queue and then signs out.
  act(() => setOnline(true));
  expect(screen.queryByRole("alert")).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: "Sign out" }));
  await vi.waitFor(() => expect(signOutAction).toHaveBeenCalledTimes(1));
  expect(await pendingWrites("patient-1")).toEqual([]);
});
