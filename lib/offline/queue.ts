// The offline queue: a session or check-in saved while the device has no connection waits here, in
// IndexedDB, until it can be sent to the versioned replay routes (lib/http/replay-route.ts). It is
// the one exception to "no health data in browser storage", so it holds only writes not yet sent,
// each bound to the signed-in patient's id, and is emptied after a replay and at sign-out. A replay
// needs a session of the same person: the server checks the owner too, and the queue of someone
// else found on the device is discarded, never sent.
import { type DBSchema, type IDBPDatabase, openDB } from "idb";

export type QueuedKind = "session" | "check-in";

export type QueuedWrite = {
  clientRequestId: string;
  kind: QueuedKind;
  ownerId: string;
  /** The fields the page would have sent to its server action. */
  payload: Record<string, unknown>;
  savedAt: string;
  /** Keeps the order writes were saved in, also within one millisecond. */
  sequence: number;
};

interface QueueSchema extends DBSchema {
  writes: { key: string; value: QueuedWrite; indexes: { sequence: number } };
  meta: { key: "owner"; value: { ownerId: string } };
}

export const queueDatabaseName = "offline-queue";
const routes: Record<QueuedKind, string> = { session: "/api/v1/sessions", "check-in": "/api/v1/check-ins" };

/** Fired on window whenever the queue changes, so every view of it on the page can update. */
export const queueChangedEvent = "offline-queue-changed";

let sequence = 0;
let opening: Promise<IDBPDatabase<QueueSchema>> | null = null;

function database(): Promise<IDBPDatabase<QueueSchema>> {
  opening ??= openDB<QueueSchema>(queueDatabaseName, 1, {
    upgrade(db) {
      db.createObjectStore("writes", { keyPath: "clientRequestId" }).createIndex("sequence", "sequence");
      db.createObjectStore("meta");
    },
    // Another tab deleting the database (a sign-out there) must not be blocked by this one.
    blocking() {
      void closeQueue();
    },
  });
  return opening;
}

/** Closes the connection (tests, and before the database is deleted). */
export async function closeQueue(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) (await current.catch(() => null))?.close();
}

function announce(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(queueChangedEvent));
}

/**
 * Makes the queue this user's: a queue left by anyone else is discarded (its count is returned, for
 * the notice). Call it once a page knows who is signed in, before showing or sending the queue.
 */
export async function claimQueue(userId: string): Promise<{ discarded: number }> {
  const db = await database();
  const tx = db.transaction(["writes", "meta"], "readwrite");
  const owner = await tx.objectStore("meta").get("owner");
  const writes = await tx.objectStore("writes").getAll();
  const foreign = writes.filter((write) => write.ownerId !== userId);
  const discarded = owner && owner.ownerId !== userId ? writes.length : foreign.length;
  if (owner && owner.ownerId !== userId) await tx.objectStore("writes").clear();
  else for (const write of foreign) await tx.objectStore("writes").delete(write.clientRequestId);
  await tx.objectStore("meta").put({ ownerId: userId }, "owner");
  await tx.done;
  if (discarded > 0) announce();
  return { discarded };
}

/** Keeps a write for later. The same client request id twice is one write (the newer one). */
export async function enqueue(
  ownerId: string,
  kind: QueuedKind,
  payload: Record<string, unknown>,
): Promise<void> {
  const clientRequestId = payload.clientRequestId;
  if (typeof clientRequestId !== "string" || clientRequestId === "") {
    throw new Error("A queued write needs its client request id.");
  }
  await claimQueue(ownerId);
  const db = await database();
  const now = Date.now();
  sequence = Math.max(sequence + 1, now * 1000);
  await db.put("writes", {
    clientRequestId,
    kind,
    ownerId,
    payload,
    savedAt: new Date(now).toISOString(),
    sequence,
  });
  announce();
}

/** The writes waiting for this user, oldest first. */
export async function pendingWrites(ownerId: string): Promise<QueuedWrite[]> {
  const db = await database();
  const all = await db.getAllFromIndex("writes", "sequence");
  return all.filter((write) => write.ownerId === ownerId);
}

/** Empties the queue and forgets its owner: at sign-out, so nothing stays on a shared device. */
export async function clearQueue(): Promise<void> {
  const db = await database();
  const tx = db.transaction(["writes", "meta"], "readwrite");
  await tx.objectStore("writes").clear();
  await tx.objectStore("meta").clear();
  await tx.done;
  announce();
}

export type ReplayOutcome = {
  /** Saved on the server (or found saved already), and removed from the queue. */
  sent: QueuedWrite[];
  /** Refused for good (bad input, no longer valid): removed, with the server's message. */
  rejected: { write: QueuedWrite; message: string }[];
  /**
   * Why the replay stopped with writes still waiting: no connection or a server error (tried
   * again later), or no session of this person (sent after signing in again). "other-user": the
   * signed-in account is someone else's, so the queue was discarded.
   */
  stopped: "offline" | "signed-out" | "other-user" | null;
};

type Send = (url: string, init: RequestInit) => Promise<Response>;

/** Sends this user's waiting writes in the order they were saved, removing each one that landed. */
export async function replayQueue(ownerId: string, send: Send = fetch): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { sent: [], rejected: [], stopped: null };
  const db = await database();
  for (const write of await pendingWrites(ownerId)) {
    let response: Response;
    try {
      response = await send(routes[write.kind], {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ownerId, ...write.payload }),
      });
    } catch {
      outcome.stopped = "offline";
      break;
    }
    const body = (await response.json().catch(() => ({}))) as { message?: unknown };
    if (response.ok) {
      await db.delete("writes", write.clientRequestId);
      outcome.sent.push(write);
    } else if (response.status === 401) {
      outcome.stopped = "signed-out";
      break;
    } else if (response.status === 409 || response.status === 404) {
      // The session is another person's (409), or not a patient's (404): not theirs to send.
      await clearQueue();
      outcome.stopped = "other-user";
      break;
    } else if (response.status === 422 || response.status === 413 || response.status === 415) {
      await db.delete("writes", write.clientRequestId);
      outcome.rejected.push({
        write,
        message: typeof body.message === "string" ? body.message : "It could not be saved.",
      });
    } else {
      // 403 (a page of another address), 5xx, a proxy's error page: try again later.
      outcome.stopped = "offline";
      break;
    }
  }
  if (outcome.sent.length > 0 || outcome.rejected.length > 0) announce();
  return outcome;
}

/** "1 session and 2 check-ins", for the waiting and sent notices. */
export function describeWrites(writes: readonly Pick<QueuedWrite, "kind">[]): string {
  const sessions = writes.filter((write) => write.kind === "session").length;
  const checkIns = writes.filter((write) => write.kind === "check-in").length;
  const parts = [
    sessions > 0 ? `${sessions} ${sessions === 1 ? "session" : "sessions"}` : "",
    checkIns > 0 ? `${checkIns} ${checkIns === 1 ? "check-in" : "check-ins"}` : "",
  ].filter(Boolean);
  return parts.join(" and ");
}

/**
 * What a sign-out does first on this device: the queue is emptied and its database deleted, so
 * nothing of this person's stays in the browser. Never blocks the sign-out for long: a database
 * another tab holds open is at least emptied.
 */
export async function forgetOfflineData(): Promise<void> {
  try {
    await clearQueue();
    await closeQueue();
    const { deleteDB } = await import("idb");
    await Promise.race([deleteDB(queueDatabaseName), new Promise((resolve) => setTimeout(resolve, 2000))]);
  } catch {
    // No IndexedDB (a private window that forbids it): nothing was ever stored.
  }
}
