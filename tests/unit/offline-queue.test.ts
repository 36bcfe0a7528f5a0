import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  claimQueue,
  closeQueue,
  describeWrites,
  enqueue,
  forgetOfflineData,
  pendingWrites,
  queueDatabaseName,
  replayQueue,
} from "@/lib/offline/queue";

// The offline queue on its own, in fake-indexeddb: bound to one user, emptied after a replay, kept
// when the replay finds the session ended, discarded when someone else signs in on the device.

const ana = "user-ana";
const ben = "user-ben";

const session = () => ({ clientRequestId: randomUUID(), startedAt: "2026-12-01T08:00:00.000Z", entries: [] });
const checkIn = () => ({ clientRequestId: randomUUID(), LOWER_BACK: "3" });

type Sent = { url: string; body: Record<string, unknown> };

/** A server that answers every request with `status`, recording what it was sent. */
function server(status: number | ((sent: Sent) => number)) {
  const sent: Sent[] = [];
  const send = async (url: string, init: RequestInit) => {
    const request = { url, body: JSON.parse(String(init.body)) as Record<string, unknown> };
    sent.push(request);
    const code = typeof status === "number" ? status : status(request);
    return Response.json(
      { ok: code === 200, message: code === 200 ? "Saved." : "Refused." },
      { status: code },
    );
  };
  return { sent, send };
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? "");
}

beforeEach(async () => {
  await forgetOfflineData();
});
afterEach(async () => {
  await closeQueue();
});

describe("the offline queue", () => {
  it("keeps each write with its client request id, for its owner only", async () => {
    const first = session();
    await enqueue(ana, "session", first);
    await enqueue(ana, "session", first);
    await enqueue(ana, "check-in", checkIn());
    const waiting = await pendingWrites(ana);
    expect(waiting.map((write) => write.kind)).toEqual(["session", "check-in"]);
    expect(waiting[0]).toMatchObject({
      clientRequestId: first.clientRequestId,
      ownerId: ana,
      payload: first,
    });
    expect(describeWrites(waiting)).toBe("1 session and 1 check-in");
    expect(await pendingWrites(ben)).toEqual([]);
  });

  it("refuses a write without a client request id", async () => {
    await expect(enqueue(ana, "check-in", { LOWER_BACK: "3" })).rejects.toThrow(/client request id/);
  });

  it("sends every write to its versioned route with the owner, and is empty afterwards", async () => {
    const queuedSession = session();
    const queuedCheckIn = checkIn();
    await enqueue(ana, "session", queuedSession);
    await enqueue(ana, "check-in", queuedCheckIn);
    const { sent, send } = server(200);
    const outcome = await replayQueue(ana, send);
    expect(sent).toEqual([
      { url: "/api/v1/sessions", body: { ownerId: ana, ...queuedSession } },
      { url: "/api/v1/check-ins", body: { ownerId: ana, ...queuedCheckIn } },
    ]);
    expect(outcome).toMatchObject({ stopped: null, rejected: [] });
    expect(outcome.sent).toHaveLength(2);
    expect(await pendingWrites(ana)).toEqual([]);
  });

  it("keeps everything when the session has ended (401), to send after signing in again", async () => {
    await enqueue(ana, "session", session());
    await enqueue(ana, "check-in", checkIn());
    const { sent, send } = server(401);
    expect(await replayQueue(ana, send)).toMatchObject({ stopped: "signed-out", sent: [] });
    expect(sent).toHaveLength(1);
    expect(await pendingWrites(ana)).toHaveLength(2);
    // Signed in again as the same person: sent.
    await claimQueue(ana);
    expect((await replayQueue(ana, server(200).send)).sent).toHaveLength(2);
    expect(await pendingWrites(ana)).toEqual([]);
  });

  it("keeps everything when there is no connection or the server fails", async () => {
    await enqueue(ana, "session", session());
    const offline = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await replayQueue(ana, offline)).toMatchObject({ stopped: "offline" });
    expect(await replayQueue(ana, server(503).send)).toMatchObject({ stopped: "offline" });
    expect(await pendingWrites(ana)).toHaveLength(1);
  });

  it("removes a write the server refuses for good, with its message, and sends the rest", async () => {
    const bad = checkIn();
    await enqueue(ana, "check-in", bad);
    await enqueue(ana, "session", session());
    const { send } = server((request) => (request.body.clientRequestId === bad.clientRequestId ? 422 : 200));
    const outcome = await replayQueue(ana, send);
    expect(outcome.rejected).toEqual([
      { write: expect.objectContaining({ kind: "check-in" }), message: "Refused." },
    ]);
    expect(outcome.sent).toHaveLength(1);
    expect(await pendingWrites(ana)).toEqual([]);
  });

  it("discards another user's queue when someone else signs in on the device, without sending it", async () => {
    await enqueue(ana, "session", session());
    await enqueue(ana, "check-in", checkIn());
    expect(await claimQueue(ben)).toEqual({ discarded: 2 });
    expect(await pendingWrites(ana)).toEqual([]);
    expect(await pendingWrites(ben)).toEqual([]);
    // And Ana, back on the device, finds nothing of hers either: it was discarded, not set aside.
    expect(await claimQueue(ana)).toEqual({ discarded: 0 });
    expect(await pendingWrites(ana)).toEqual([]);
  });

  it("discards the queue when the server says the session is someone else's (409)", async () => {
    await enqueue(ana, "session", session());
    const { sent, send } = server(409);
    expect(await replayQueue(ana, send)).toMatchObject({ stopped: "other-user" });
    expect(sent).toHaveLength(1);
    expect(await pendingWrites(ana)).toEqual([]);
  });

  it("is deleted at sign-out, database and all", async () => {
    await enqueue(ana, "session", session());
    expect(await databaseNames()).toContain(queueDatabaseName);
    await forgetOfflineData();
    expect(await databaseNames()).not.toContain(queueDatabaseName);
    expect(await pendingWrites(ana)).toEqual([]);
  });
});
