"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

/**
 * "Leave the session?" as a modal <dialog>: the browser keeps focus inside it, Escape answers
 * "stay", and focus starts on the harmless choice. Where showModal is missing (old browsers, the
 * jsdom of the component tests) it falls back to an open, non-modal dialog.
 */
export function LeaveSessionDialog({
  open,
  onStay,
  leaveHref,
}: {
  open: boolean;
  onStay: () => void;
  /** Where "Leave" goes; the session's progress is already saved by the pause. */
  leaveHref: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
      // The first button is "Stay": a stray Enter must not end the session.
      dialog.querySelector<HTMLButtonElement>("button")?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="leave-session-title"
      aria-describedby="leave-session-text"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
      className="m-auto w-[min(100%-2rem,28rem)] rounded-xl border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id="leave-session-title" className="text-xl font-bold">
        Leave the session?
      </h2>
      <p id="leave-session-text" className="mt-2 text-slate-800">
        The countdown is paused and your progress is kept: open the guided session again within 12 hours to
        carry on from this step. It goes into your history only when you finish it.
      </p>
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <Button className="min-h-12" onClick={onStay}>
          Stay and carry on
        </Button>
        <Link href={leaveHref} className={`${buttonClasses("secondary")} min-h-12`}>
          Leave
        </Link>
      </div>
    </dialog>
  );
}
