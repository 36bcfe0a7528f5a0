import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import {
  addSessionCommentAction,
  addSessionReplyAction,
  deleteSessionMessageAction,
  editSessionMessageAction,
} from "@/lib/actions/care";
import { listSessionComments } from "@/lib/data/clinical-notes";
import {
  countUnreadForPatient,
  deleteSessionMessage,
  editSessionMessage,
  listUnreadRepliesForPhysio,
  messageEditWindowMs,
} from "@/lib/data/session-threads";
import { auditKey, createUser, linkCare, signInAs, type TestUser, testDb } from "../support/factories";

// Replies (issue 11, point 8): a short thread per session that both sides see, newest last; each
// author edits or deletes their own message within 24 hours, the earlier text kept; unread replies
// counted for Today and the caseload; every write audited.

const initial: ActionState = { ok: false };
let patient: TestUser;
let physio: TestUser;

beforeAll(async () => {
  [patient, physio] = await Promise.all([createUser("PATIENT"), createUser("PHYSIO")]);
  await linkCare(physio.id, patient.id);
});

async function newSession(patientId = patient.id) {
  return testDb().exerciseSession.create({
    data: {
      patientId,
      startedAt: new Date(),
      durationSeconds: 600,
      source: "QUICK_LOG",
      clientRequestId: randomUUID(),
    },
  });
}

const say = (sessionId: string, body: string) => ({
  patientId: patient.id,
  sessionId,
  body,
  clientRequestId: randomUUID(),
});

const messageOf = async (body: string) => testDb().comment.findFirstOrThrow({ where: { body } });

describe("a thread on a session", () => {
  it("goes both ways, newest last, the same for both sides, and every message is audited", async () => {
    const session = await newSession();
    signInAs(patient);
    // Nothing to answer yet: the thread starts with the physiotherapist.
    expect(await addSessionReplyAction(initial, say(session.id, "Hello?"))).toMatchObject({
      ok: false,
      errors: { body: [expect.stringMatching(/once your physiotherapist has commented/)] },
    });

    signInAs(physio);
    expect(
      await addSessionCommentAction(initial, say(session.id, "Tell me if the left hip stays at 6.")),
    ).toMatchObject({
      ok: true,
    });
    signInAs(patient);
    const reply = say(session.id, "It went down to 4 by the evening.");
    expect(await addSessionReplyAction(initial, reply)).toMatchObject({ ok: true });
    // A double click sends one reply.
    expect(await addSessionReplyAction(initial, reply)).toMatchObject({
      ok: true,
      message: "This reply was already sent.",
    });
    signInAs(physio);
    expect(
      await addSessionCommentAction(initial, say(session.id, "Good. Keep the bridges slow.")),
    ).toMatchObject({
      ok: true,
    });

    const threadFor = async (who: TestUser) => {
      signInAs(who);
      return ((await listSessionComments(patient.id, [session.id]))[session.id] ?? []).map((m) => [
        m.authorRole,
        m.mine,
        m.body,
      ]);
    };
    expect(await threadFor(patient)).toEqual([
      ["PHYSIO", false, "Tell me if the left hip stays at 6."],
      ["PATIENT", true, "It went down to 4 by the evening."],
      ["PHYSIO", false, "Good. Keep the bridges slow."],
    ]);
    expect((await threadFor(physio)).map(([role, mine, body]) => [role, !mine, body])).toEqual(
      (await threadFor(patient)).map(([role, mine, body]) => [role, mine, body]),
    );

    const audited = await testDb().auditEvent.findMany({
      where: {
        patientKey: await auditKey(patient),
        action: { in: ["COMMENT_ADDED", "REPLY_ADDED"] },
        outcome: "SUCCESS",
      },
      select: { action: true, actorKey: true },
      orderBy: { at: "asc" },
    });
    const [physioKey, patientKey] = [await auditKey(physio), await auditKey(patient)];
    expect(audited.slice(-4)).toEqual([
      { action: "COMMENT_ADDED", actorKey: physioKey },
      { action: "REPLY_ADDED", actorKey: patientKey },
      { action: "REPLY_ADDED", actorKey: patientKey },
      { action: "COMMENT_ADDED", actorKey: physioKey },
    ]);
  });

  it("is scoped like comments: no reply on another patient's session, and none for a physiotherapist", async () => {
    const session = await newSession();
    signInAs(physio);
    expect(await addSessionCommentAction(initial, say(session.id, "Scoped comment."))).toMatchObject({
      ok: true,
    });
    const before = await testDb().comment.count({ where: { sessionId: session.id } });
    signInAs(await createUser("PATIENT"));
    expect(await addSessionReplyAction(initial, say(session.id, "Not mine."))).toMatchObject({
      ok: false,
      message: "That session was not found.",
    });
    expect(await testDb().comment.count({ where: { sessionId: session.id } })).toBe(before);
  });
});

describe("editing and deleting one's own message", () => {
  it("within 24 hours keeps the earlier text, shows 'edited', and is refused after", async () => {
    const session = await newSession();
    signInAs(physio);
    await addSessionCommentAction(initial, say(session.id, "First text."));
    const message = await messageOf("First text.");
    const sentAt = message.createdAt.getTime();

    const edit = {
      patientId: patient.id,
      commentId: message.id,
      body: "Second text.",
      clientRequestId: randomUUID(),
    };
    expect(await editSessionMessage(edit, new Date(sentAt + messageEditWindowMs - 1000))).toBe(true);
    // The same request again changes nothing more.
    expect(await editSessionMessage(edit, new Date(sentAt + messageEditWindowMs - 500))).toBe(false);
    expect(await testDb().comment.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      body: "Second text.",
      version: 2,
    });
    expect(
      await testDb().commentRevision.findMany({
        where: { commentId: message.id },
        select: { version: true, change: true, body: true, changedById: true },
      }),
    ).toEqual([{ version: 1, change: "EDITED", body: "First text.", changedById: physio.id }]);
    const [shown] =
      (await listSessionComments(patient.id, [session.id], new Date(sentAt + 60_000)))[session.id] ?? [];
    expect(shown).toMatchObject({ body: "Second text.", edited: true, mine: true });
    expect(shown?.editableUntil?.getTime()).toBe(sentAt + messageEditWindowMs);

    let refused: unknown;
    try {
      await editSessionMessage(
        { ...edit, body: "Too late.", clientRequestId: randomUUID() },
        new Date(sentAt + messageEditWindowMs + 1000),
      );
    } catch (error) {
      refused = error;
    }
    expect(String(refused)).toMatch(/24 hours/);
    expect(
      await deleteSessionMessage(
        { patientId: patient.id, commentId: message.id, clientRequestId: randomUUID() },
        new Date(sentAt + messageEditWindowMs + 1000),
      ).catch((error: Error) => error.message),
    ).toMatch(/24 hours/);
    expect((await testDb().comment.findUniqueOrThrow({ where: { id: message.id } })).body).toBe(
      "Second text.",
    );
    const late = (
      await listSessionComments(patient.id, [session.id], new Date(sentAt + messageEditWindowMs + 1))
    )[session.id];
    expect(late?.[0]?.editableUntil).toBeNull();
  });

  it("only for the author: the other side's message is not found and stays as it was", async () => {
    const session = await newSession();
    signInAs(physio);
    await addSessionCommentAction(initial, say(session.id, "Physio's words."));
    const message = await messageOf("Physio's words.");
    signInAs(patient);
    expect(
      await editSessionMessageAction(initial, {
        patientId: patient.id,
        commentId: message.id,
        body: "Changed by the patient.",
        clientRequestId: randomUUID(),
      }),
    ).toMatchObject({ ok: false, message: "That message was not found." });
    expect(
      await deleteSessionMessageAction(initial, {
        patientId: patient.id,
        commentId: message.id,
        clientRequestId: randomUUID(),
      }),
    ).toMatchObject({ ok: false, message: "That message was not found." });
    expect(await testDb().comment.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      body: "Physio's words.",
      version: 1,
      deletedAt: null,
    });
    expect(await testDb().commentRevision.count({ where: { commentId: message.id } })).toBe(0);
  });

  it("a deleted message leaves the thread for both sides, its text kept as a revision", async () => {
    const session = await newSession();
    signInAs(physio);
    await addSessionCommentAction(initial, say(session.id, "Start of the thread."));
    signInAs(patient);
    await addSessionReplyAction(initial, say(session.id, "Sorry, wrong session."));
    const reply = await messageOf("Sorry, wrong session.");
    expect(
      await deleteSessionMessageAction(initial, {
        patientId: patient.id,
        commentId: reply.id,
        clientRequestId: randomUUID(),
      }),
    ).toMatchObject({ ok: true });
    for (const who of [patient, physio]) {
      signInAs(who);
      expect(
        ((await listSessionComments(patient.id, [session.id]))[session.id] ?? []).map((m) => m.body),
      ).toEqual(["Start of the thread."]);
    }
    expect(
      await testDb().commentRevision.findMany({
        where: { commentId: reply.id },
        select: { change: true, body: true },
      }),
    ).toEqual([{ change: "DELETED", body: "Sorry, wrong session." }]);
    expect(
      await testDb().auditEvent.count({
        where: { actorKey: await auditKey(patient), action: "MESSAGE_DELETED", outcome: "SUCCESS" },
      }),
    ).toBe(1);
  });
});

describe("unread replies", () => {
  it("are counted for the patient and for the caseload until the other side has the thread on screen", async () => {
    const lone = await createUser("PATIENT");
    const lead = await createUser("PHYSIO");
    await linkCare(lead.id, lone.id);
    const session = await newSession(lone.id);
    const line = (body: string) => ({
      patientId: lone.id,
      sessionId: session.id,
      body,
      clientRequestId: randomUUID(),
    });

    signInAs(lone);
    expect(await countUnreadForPatient()).toBe(0);
    signInAs(lead);
    await addSessionCommentAction(initial, line("How was the hip?"));
    expect(await listUnreadRepliesForPhysio()).toEqual([]);
    signInAs(lone);
    expect(await countUnreadForPatient()).toBe(1);
    await listSessionComments(lone.id, [session.id]);
    expect(await countUnreadForPatient()).toBe(0);
    await addSessionReplyAction(initial, line("Better, thanks."));
    await addSessionReplyAction(initial, line("Still stiff in the morning."));

    signInAs(lead);
    expect(await listUnreadRepliesForPhysio()).toEqual([
      { patientId: lone.id, patientName: lone.name, count: 2 },
    ]);
    await listSessionComments(lone.id, [session.id]);
    expect(await listUnreadRepliesForPhysio()).toEqual([]);
    // The patient's own replies never count as unread for the patient.
    signInAs(lone);
    expect(await countUnreadForPatient()).toBe(0);
  });
});
