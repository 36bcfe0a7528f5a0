import { type QueryClient, type QueryKey, useQuery } from "@tanstack/react-query";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
const checkInAction = vi.hoisted(() => vi.fn<FormAction>());
const stopRoutineItemAction = vi.hoisted(() => vi.fn<FormAction>());
vi.mock("@/lib/actions/logs", () => ({ checkInAction }));
vi.mock("@/lib/actions/routine", () => ({ stopRoutineItemAction }));

const { PainCheckIn } = await import("@/components/pain/pain-check-in");
const { RemoveItemForm } = await import("@/components/routine/remove-item-form");
const { queryKeys } = await import("@/lib/query-keys");
const { renderWithQueries, testQueryClient } = await import("../support/render-with-queries");

// DESIGN.md section 4: after a server action resolves, the cached queries showing what it changed
// are invalidated, so a chart or caseload on screen refetches and a cached period is not reused.

const progressFetch = vi.fn(async () => ({ refreshed: true }));

/** A chart on screen: an active query that refetches when invalidated. */
function ProgressOnScreen({ patientId }: { patientId: string }) {
  const query = useQuery({ queryKey: queryKeys.progress(patientId, "3m"), queryFn: progressFetch });
  return <p>{query.data ? "charts" : "loading"}</p>;
}

/** The cache as the server's prefetch leaves it: fresh, so nothing refetches unless invalidated. */
function cachedClient(...keys: QueryKey[]): QueryClient {
  const queryClient = testQueryClient();
  for (const key of keys) queryClient.setQueryData(key, { refreshed: false });
  return queryClient;
}

const invalidated = (queryClient: QueryClient, key: QueryKey) =>
  queryClient.getQueryState(key)?.isInvalidated ?? false;

beforeEach(() => {
  progressFetch.mockClear();
  checkInAction.mockReset();
  stopRoutineItemAction.mockReset();
});

describe("a patient's pain check-in", () => {
  it("refetches the progress chart on screen and marks every cached period stale once saved", async () => {
    checkInAction.mockResolvedValue({ ok: true, message: "Check-in saved. Thank you." });
    const queryClient = cachedClient(queryKeys.progress("me", "3m"), queryKeys.progress("me", "1y"));
    const user = userEvent.setup();
    renderWithQueries(
      <>
        <ProgressOnScreen patientId="me" />
        <PainCheckIn requestId="request-1" />
      </>,
      queryClient,
    );
    expect(progressFetch).not.toHaveBeenCalled();

    await user.click(screen.getByRole("radio", { name: "Left hip 5 of 10" }));
    await user.click(screen.getByRole("button", { name: "Save check-in" }));
    await screen.findByText("Check-in saved. Thank you.");

    await waitFor(() => expect(progressFetch).toHaveBeenCalledTimes(1));
    expect(invalidated(queryClient, queryKeys.progress("me", "1y"))).toBe(true);
  });

  it("leaves the cache alone when the check-in is refused", async () => {
    checkInAction.mockResolvedValue({
      ok: false,
      message: "Please correct the marked fields.",
      errors: { LEFT_HIP: ["Choose a rating from 0 (none) to 10."] },
    });
    const queryClient = cachedClient(queryKeys.progress("me", "3m"), queryKeys.progress("me", "1y"));
    const user = userEvent.setup();
    renderWithQueries(
      <>
        <ProgressOnScreen patientId="me" />
        <PainCheckIn requestId="request-1" />
      </>,
      queryClient,
    );
    await user.click(screen.getByRole("button", { name: "Save check-in" }));
    await screen.findByText("Please correct the marked fields.");

    expect(progressFetch).not.toHaveBeenCalled();
    expect(invalidated(queryClient, queryKeys.progress("me", "1y"))).toBe(false);
  });
});

describe("a physiotherapist stopping a prescribed exercise", () => {
  it("marks that patient's progress and the caseload stale, and no other patient's", async () => {
    stopRoutineItemAction.mockResolvedValue({ ok: true, message: "Stopped." });
    const queryClient = cachedClient(
      queryKeys.progress("p1", "2w"),
      queryKeys.progress("p2", "2w"),
      queryKeys.caseload(),
    );
    const user = userEvent.setup();
    renderWithQueries(
      <RemoveItemForm itemId="item-1" exerciseName="Clamshell" requestId="request-1" patientId="p1" />,
      queryClient,
    );
    await user.click(screen.getByRole("button", { name: /^Stop/ }));

    await waitFor(() => expect(invalidated(queryClient, queryKeys.progress("p1", "2w"))).toBe(true));
    expect(invalidated(queryClient, queryKeys.caseload())).toBe(true);
    expect(invalidated(queryClient, queryKeys.progress("p2", "2w"))).toBe(false);
    expect(stopRoutineItemAction.mock.calls[0]?.[1].get("patientId")).toBe("p1");
  });
});
