"use client";

import Link from "next/link";
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useRequestId } from "@/components/ui/use-request-id";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import {
  deletePainEntryAction,
  deleteSessionAction,
  restorePainEntryAction,
  restoreSessionAction,
} from "@/lib/actions/logs";
import { useHistoryEvents } from "./history-undo";

const actions = {
  session: { remove: deleteSessionAction, restore: restoreSessionAction },
  pain: { remove: deletePainEntryAction, restore: restorePainEntryAction },
};

/**
 * Edit, Earlier versions and Delete for one history row, or Restore for a deleted one. Either way
 * the row leaves its list once the change is saved, so the page's HistoryUndo takes over: it offers
 * Undo after a delete (until the page is left) and confirms a restore, and takes focus.
 */
export function RecordActions({
  kind,
  id,
  deleted,
  editHref,
  versionsHref,
  description,
  deleteRequestId,
  restoreRequestId,
}: {
  kind: keyof typeof actions;
  id: string;
  deleted: boolean;
  editHref: string;
  /** Set when the record has kept earlier versions. */
  versionsHref?: string;
  /** Completes the buttons' accessible names, e.g. "session of 27 Nov 2026, 14:05". */
  description: string;
  deleteRequestId: string;
  restoreRequestId: string;
}) {
  const report = useHistoryEvents();
  const reporting =
    (act: (state: ActionState, form: FormData) => Promise<ActionState>, event: "deleted" | "restored") =>
    async (previous: ActionState, form: FormData) => {
      const result = await act(previous, form);
      if (result.ok) report?.({ kind, id, description, event, requestId: crypto.randomUUID() });
      return result;
    };
  const [deleteState, deleteAction, deleting] = useActionState(
    reporting(actions[kind].remove, "deleted"),
    initialActionState,
  );
  const [restoreState, restoreAction, restoring] = useActionState(
    reporting(actions[kind].restore, "restored"),
    initialActionState,
  );
  const deleteId = useRequestId(deleteRequestId, deleteState);
  const restoreId = useRequestId(restoreRequestId, restoreState);
  const failure = [deleteState, restoreState].find((state) => !state.ok && state.message)?.message;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {deleted ? (
          <form action={restoreAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="clientRequestId" value={restoreId} />
            <button
              type="submit"
              disabled={restoring}
              aria-disabled={restoring}
              className={buttonClasses("secondary")}
            >
              Restore<span className="sr-only"> {description}</span>
            </button>
          </form>
        ) : (
          <>
            <Link href={editHref} className={buttonClasses("secondary")}>
              Edit<span className="sr-only"> {description}</span>
            </Link>
            {versionsHref ? (
              <Link href={versionsHref} className={buttonClasses("secondary")}>
                Earlier versions<span className="sr-only"> of {description}</span>
              </Link>
            ) : null}
            <form action={deleteAction}>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="clientRequestId" value={deleteId} />
              <button
                type="submit"
                disabled={deleting}
                aria-disabled={deleting}
                className={buttonClasses("secondary")}
              >
                Delete<span className="sr-only"> {description}</span>
              </button>
            </form>
          </>
        )}
      </div>
      {/* Success shows above the list (HistoryUndo); only failures need words here. */}
      <FormMessage ok={false} message={failure} />
    </div>
  );
}
