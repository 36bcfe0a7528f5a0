import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
const deleteSessionAction = vi.hoisted(() => vi.fn<FormAction>());
const restoreSessionAction = vi.hoisted(() => vi.fn<FormAction>());
const deletePainEntryAction = vi.hoisted(() => vi.fn<FormAction>());
const restorePainEntryAction = vi.hoisted(() => vi.fn<FormAction>());
vi.mock("@/lib/actions/logs", () => ({
  deleteSessionAction,
  restoreSessionAction,
  deletePainEntryAction,
  restorePainEntryAction,
}));

const { HistoryUndo } = await import("@/components/history/history-undo");
const { RecordActions } = await import("@/components/history/record-actions");
const { queryKeys } = await import("@/lib/query-keys");
const { renderWithQueries, testQueryClient } = await import("../support/render-with-queries");

const description = "session of 27 Nov 2026, 14:05";
// jsdom drops the space before a visually hidden span when it computes a name; browsers keep it.
const named = (visible: string) => new RegExp(`^${`${visible} ${description}`.replaceAll(" ", "\\s?")}$`);

function renderRow(deleted = false) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(queryKeys.progress("me", "3m"), { cached: true });
  renderWithQueries(
    <HistoryUndo>
      <RecordActions
        kind="session"
        id="session-1"
        deleted={deleted}
        editHref="/history/sessions/session-1/edit"
        versionsHref="/history/sessions/session-1/versions"
        description={description}
        deleteRequestId="00000000-0000-4000-8000-000000000001"
        restoreRequestId="00000000-0000-4000-8000-000000000002"
      />
    </HistoryUndo>,
    queryClient,
  );
  return queryClient;
}

beforeEach(() => {
  for (const action of [
    deleteSessionAction,
    restoreSessionAction,
    deletePainEntryAction,
    restorePainEntryAction,
  ])
    action.mockReset();
});

describe("deleting from History", () => {
  it("offers Undo above the list once the delete is saved, with focus on it, and marks the charts stale", async () => {
    deleteSessionAction.mockResolvedValue({ ok: true, message: "Session deleted." });
    const queryClient = renderRow();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: named("Delete") }));

    const undo = await screen.findByRole("button", { name: named("Undo delete of") });
    expect(document.activeElement).toBe(undo);
    expect(screen.getByText(/Session deleted: session of 27 Nov 2026, 14:05/).isConnected).toBe(true);
    expect(deleteSessionAction.mock.calls[0]?.[1].get("id")).toBe("session-1");
    expect(queryClient.getQueryState(queryKeys.progress("me", "3m"))?.isInvalidated).toBe(true);
  });

  it("brings the entry back with Undo and says so, with focus on the confirmation", async () => {
    deleteSessionAction.mockResolvedValue({ ok: true, message: "Session deleted." });
    restoreSessionAction.mockResolvedValue({ ok: true, message: "Session restored." });
    renderRow();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: named("Delete") }));
    await user.click(await screen.findByRole("button", { name: named("Undo delete of") }));

    const confirmation = await screen.findByText(`Brought back: ${description}.`);
    await waitFor(() => expect(document.activeElement).toBe(confirmation));
    expect(restoreSessionAction.mock.calls[0]?.[1].get("id")).toBe("session-1");
    expect(screen.queryByRole("button", { name: /^Undo/ })).toBeNull();
  });

  it("shows a refused delete next to the row and offers no Undo", async () => {
    deleteSessionAction.mockResolvedValue({ ok: false, message: "That session was not found." });
    renderRow();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: named("Delete") }));

    expect((await screen.findByText("That session was not found.")).isConnected).toBe(true);
    expect(screen.queryByRole("button", { name: /^Undo/ })).toBeNull();
  });
});

describe("the Show deleted view", () => {
  it("restores a deleted entry and confirms it above the list", async () => {
    restoreSessionAction.mockResolvedValue({ ok: true, message: "Session restored." });
    renderRow(true);
    const user = userEvent.setup();
    expect(screen.queryByRole("link", { name: /^Edit/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: named("Restore") }));

    expect((await screen.findByText(`Brought back: ${description}.`)).isConnected).toBe(true);
  });
});

describe("a row that was edited", () => {
  it("links to its earlier versions", () => {
    renderRow();
    expect(screen.getByRole("link", { name: named("Earlier versions of") }).getAttribute("href")).toBe(
      "/history/sessions/session-1/versions",
    );
  });
});
