"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import {
  claimQueue,
  describeWrites,
  enqueue,
  pendingWrites,
  type QueuedKind,
  type QueuedWrite,
  queueChangedEvent,
  queueDatabaseName,
  replayQueue,
} from "@/lib/offline/queue";
import { useOnline } from "./use-online";

/** Whose queue a write on this page goes to: the signed-in patient's id, or null (no queue). */
const OfflineOwnerContext = createContext<string | null>(null);

export function useOfflineOwner(): string | null {
  return useContext(OfflineOwnerContext);
}

/** Whether a failed call is the network's fault (nothing reached the server), not the server's answer. */
export function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (error instanceof Error && /fetch|network|load failed|connection/i.test(error.message))
  );
}

export const queuedMessage = "Saved on this device. It will be sent as soon as you are back online.";

/** What a form shows for a write kept in the queue: a success, marked as queued. */
export function queuedState(): ActionState {
  return { ok: true, message: queuedMessage, result: { queued: "true" } };
}

/**
 * The form's own checks, run before a write is queued, so a write the server would refuse never
 * waits: null when it passes, else the same per-field answer the server action would give.
 */
export function checkBeforeQueueing(schema: z.ZodType, payload: Record<string, unknown>): ActionState | null {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return null;
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] = [...new Set([...(errors[key] ?? []), issue.message])];
  }
  return { ok: false, errors, message: "Please correct the marked fields." };
}

/**
 * Wraps a server action the page calls with an object: without a connection the write goes to the
 * offline queue (with its client request id) instead of failing, and the form answers as saved.
 */
export function queueWhenOffline<P extends Record<string, unknown>>(
  action: (previous: ActionState, payload: P) => Promise<ActionState>,
  kind: QueuedKind,
  ownerId: string | null,
  schema: z.ZodType,
): (previous: ActionState, payload: P) => Promise<ActionState> {
  const queue = async (payload: P) => {
    const refused = checkBeforeQueueing(schema, payload);
    if (refused || !ownerId) return refused ?? { ok: false };
    await enqueue(ownerId, kind, payload);
    return queuedState();
  };
  return async (previous, payload) => {
    if (ownerId && !navigator.onLine) return queue(payload);
    try {
      return await action(previous, payload);
    } catch (error) {
      if (!ownerId || !isNetworkFailure(error)) throw error;
      return queue(payload);
    }
  };
}

type Notice = { tone: "ok" | "info" | "warning"; text: string; signIn?: boolean };

/**
 * Makes the signed-in patient's offline queue available to the page's forms, shows what is waiting,
 * and sends it when the connection returns (and on every page load that finds it waiting).
 */
export function OfflineQueueProvider({ userId, children }: { userId: string | null; children: ReactNode }) {
  return (
    <OfflineOwnerContext.Provider value={userId}>
      {userId ? <OfflineQueueStatus userId={userId} /> : null}
      {children}
    </OfflineOwnerContext.Provider>
  );
}

function OfflineQueueStatus({ userId }: { userId: string }) {
  const router = useRouter();
  const online = useOnline();
  const [waiting, setWaiting] = useState<QueuedWrite[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [claimed, setClaimed] = useState(false);
  const sending = useRef(false);

  const refresh = useCallback(async () => {
    setWaiting(await pendingWrites(userId).catch(() => []));
  }, [userId]);

  const send = useCallback(async () => {
    if (sending.current || !navigator.onLine) return;
    sending.current = true;
    try {
      if ((await pendingWrites(userId)).length === 0) return;
      const outcome = await replayQueue(userId);
      const next: Notice[] = [];
      if (outcome.sent.length > 0) {
        next.push({
          tone: "ok",
          text: `Sent: ${describeWrites(outcome.sent)} saved while you were offline.`,
        });
      }
      for (const { write, message } of outcome.rejected) {
        next.push({
          tone: "warning",
          text: `A ${write.kind === "session" ? "session" : "check-in"} saved while you were offline could not be kept: ${message}`,
        });
      }
      if (outcome.stopped === "signed-out") {
        next.push({
          tone: "warning",
          text: "You were signed out. Sign in again to send what is waiting: it is sent only if you sign in as the same person.",
          signIn: true,
        });
      }
      if (outcome.stopped === "other-user") {
        next.push({
          tone: "warning",
          text: "What was waiting on this device belonged to another account, so it was removed without being sent.",
        });
      }
      if (next.length > 0) setNotices(next);
      if (outcome.sent.length > 0) router.refresh();
    } finally {
      sending.current = false;
      await refresh();
    }
  }, [userId, refresh, router]);

  useEffect(() => {
    let active = true;
    claimQueue(userId)
      .then(({ discarded }) => {
        if (!active) return;
        if (discarded > 0) {
          setNotices([
            {
              tone: "warning",
              text: "Records another account had saved on this device while offline were removed without being sent.",
            },
          ]);
        }
        setClaimed(true);
      })
      .catch(() => setClaimed(true));
    return () => {
      active = false;
    };
  }, [userId]);

  useEffect(() => {
    if (!claimed) return;
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener(queueChangedEvent, onChange);
    return () => window.removeEventListener(queueChangedEvent, onChange);
  }, [claimed, refresh]);

  useEffect(() => {
    if (claimed && online) void send();
  }, [claimed, online, send]);

  if (waiting.length === 0 && notices.length === 0 && online) return null;
  return (
    <div className="mb-4 space-y-2" data-offline-queue="">
      {online ? null : (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          You are offline. You can still do your session and a check-in: they are kept on this device and sent
          when the connection returns. Please do not reload the page until then.
        </p>
      )}
      <div role="status" aria-live="polite" className="space-y-2">
        {waiting.length > 0 ? (
          <p className="rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
            {describeWrites(waiting)} waiting to be sent.
          </p>
        ) : null}
        {notices.map((notice) => (
          <p
            key={notice.text}
            className={`rounded-lg border px-3 py-2 text-sm ${
              notice.tone === "ok"
                ? "border-emerald-300 bg-emerald-50 text-emerald-900"
                : "border-amber-300 bg-amber-50 text-amber-950"
            }`}
          >
            {notice.text}
            {notice.signIn ? (
              <>
                {" "}
                <Link href="/sign-in?callbackUrl=%2Ftoday" className="font-semibold">
                  Sign in
                </Link>
              </>
            ) : null}
          </p>
        ))}
      </div>
    </div>
  );
}

/**
 * On a physiotherapist's pages: a patient's queue left on this device (their session ended before
 * they signed out) is discarded, never kept under someone else's account.
 */
export function DiscardOtherQueues({ userId }: { userId: string }) {
  useEffect(() => {
    void (async () => {
      // Only where a queue exists: opening one would create an empty database.
      const names = indexedDB.databases
        ? (await indexedDB.databases()).map((database) => database.name)
        : null;
      if (names && !names.includes(queueDatabaseName)) return;
      await claimQueue(userId);
    })().catch(() => undefined);
  }, [userId]);
  return null;
}
