import "fake-indexeddb/auto";
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";

// The check-in and the queue's status on a page without a connection: the check-in waits on the
// device, the page says so, and it is sent when the connection returns.

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
const checkInAction = vi.hoisted(() => vi.fn<FormAction>());
const refresh = vi.hoisted(() => vi.fn());
vi.mock("@/lib/actions/logs", () => ({ checkInAction }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const { PainCheckIn } = await import("@/components/pain/pain-check-in");
const { OfflineQueueProvider } = await import("@/components/offline/offline-queue");
const { enqueue, forgetOfflineData, pendingWrites } = await import("@/lib/offline/queue");
const { renderWithQueries } = await import("../support/render-with-queries");

let online = true;
const sent: { url: string; body: Record<string, unknown> }[] = [];

function setOnline(value: boolean) {
  online = value;
  window.dispatchEvent(new Event(value ? "online" : "offline"));
}

beforeEach(async () => {
  await forgetOfflineData();
  sent.length = 0;
  online = true;
  vi.spyOn(navigator, "onLine", "get").mockImplementation(() => online);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      if (!online) throw new TypeError("Failed to fetch");
      sent.push({ url, body: JSON.parse(String(init.body)) });
      return Response.json({ ok: true, message: "Check-in saved. Thank you." });
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

it("shows what is waiting while offline and sends it once, with its owner, when the connection returns", async () => {
  setOnline(false);
  await enqueue("patient-1", "check-in", { clientRequestId: "request-1", LOWER_BACK: "4" });
  renderWithQueries(
    <OfflineQueueProvider userId="patient-1">
      <p>Today</p>
    </OfflineQueueProvider>,
  );
  await screen.findByText(/^You are offline\./);
  await screen.findByText("1 check-in waiting to be sent.");
  expect(sent).toEqual([]);

  await act(async () => setOnline(true));
  await screen.findByText("Sent: 1 check-in saved while you were offline.");
  expect(sent).toEqual([
    {
      url: "/api/v1/check-ins",
      body: { ownerId: "patient-1", clientRequestId: "request-1", LOWER_BACK: "4" },
    },
  ]);
  expect(screen.queryByText(/waiting to be sent/)).toBeNull();
  expect(screen.queryByText(/^You are offline\./)).toBeNull();
  expect(await pendingWrites("patient-1")).toEqual([]);
  expect(refresh).toHaveBeenCalled();
});

it("refuses an offline check-in with nothing rated, as the server would, and queues nothing", async () => {
  setOnline(false);
  renderWithQueries(
    <OfflineQueueProvider userId="patient-1">
      <PainCheckIn requestId="request-2" />
    </OfflineQueueProvider>,
  );
  await userEvent.setup().click(screen.getByRole("button", { name: "Save check-in" }));
  await screen.findByText("Rate at least one area.");
  expect(await pendingWrites("patient-1")).toEqual([]);
});

it("tells a patient that another account's waiting records were removed", async () => {
  setOnline(false);
  await enqueue("patient-other", "session", { clientRequestId: "their-session" });
  renderWithQueries(
    <OfflineQueueProvider userId="patient-1">
      <p>Today</p>
    </OfflineQueueProvider>,
  );
  await screen.findByText(/another account had saved on this device/);
  expect(await pendingWrites("patient-other")).toEqual([]);
  expect(sent).toEqual([]);
});
