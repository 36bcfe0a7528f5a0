"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
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

const actions = {
  session: { remove: deleteSessionAction, restore: restoreSessionAction },
  pain: { remove: deletePainEntryAction, restore: restorePainEntryAction },
};

/**
 * Edit, Delete and Undo for one history row. Each button is a plain form (it works before
 * JavaScript loads). After a delete the row re-renders as deleted and focus moves to Undo, and back.
 */
export function RecordActions({
  kind,
  id,
  deleted,
  editHref,
  description,
  deleteRequestId,
  restoreRequestId,
}: {
  kind: keyof typeof actions;
  id: string;
  deleted: boolean;
  editHref: string;
  /** Completes the buttons' accessible names, e.g. "session of 27 Nov 2026, 14:05". */
  description: string;
  deleteRequestId: string;
  restoreRequestId: string;
}) {
  const [deleteState, deleteAction, deleting] = useActionState(actions[kind].remove, initialActionState);
  const [restoreState, restoreAction, restoring] = useActionState(actions[kind].restore, initialActionState);
  const deleteId = useRequestId(deleteRequestId, deleteState);
  const restoreId = useRequestId(restoreRequestId, restoreState);
  useRefreshAfterWrite(deleteState);
  useRefreshAfterWrite(restoreState);
  const [latest, setLatest] = useState<ActionState>(initialActionState);
  useEffect(() => setLatest(deleteState), [deleteState]);
  useEffect(() => setLatest(restoreState), [restoreState]);

  const undoRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasDeleted = useRef(deleted);
  useEffect(() => {
    if (wasDeleted.current === deleted) return;
    wasDeleted.current = deleted;
    (deleted ? undoRef : deleteRef).current?.focus();
  }, [deleted]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {deleted ? (
          <form action={restoreAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="clientRequestId" value={restoreId} />
            <button
              ref={undoRef}
              type="submit"
              disabled={restoring}
              aria-disabled={restoring}
              className={buttonClasses("secondary")}
            >
              Undo<span className="sr-only"> delete of {description}</span>
            </button>
          </form>
        ) : (
          <>
            <Link href={editHref} className={buttonClasses("secondary")}>
              Edit<span className="sr-only"> {description}</span>
            </Link>
            <form action={deleteAction}>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="clientRequestId" value={deleteId} />
              <button
                ref={deleteRef}
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
      {/* Success shows in the row itself ("Deleted", or back to normal); only failures need words. */}
      <FormMessage ok={false} message={latest.ok ? undefined : latest.message} />
    </div>
  );
}
