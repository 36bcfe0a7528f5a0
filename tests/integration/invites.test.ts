import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import {
  acceptInviteAction,
  addClinicalNoteAction,
  cancelInviteAction,
  checkInviteCodeAction,
  createInviteAction,
  declineInviteAction,
  endLinkAsPatientAction,
  endLinkAsPhysioAction,
} from "@/lib/actions/care";
import { getEndedCareLink, getLinkedPatient, listCareTeam, listEndedCareLinks } from "@/lib/data/care-links";
import { getCaseload, getPatientSummary } from "@/lib/data/caseload";
import { listClinicalNotes, listSessionComments } from "@/lib/data/clinical-notes";
import { requirePatientAccess } from "@/lib/data/current-user";
import {
  answerInvite,
  createInvite,
  hashInviteToken,
  inviteCodeAttempts,
  listSentInvites,
  previewInvite,
  previewInviteByCode,
} from "@/lib/data/invitations";
import { getProgress } from "@/lib/data/progress";
import { getRoutine } from "@/lib/data/routine";
import { listSessions } from "@/lib/data/sessions";
import { inviteCodeAlphabet } from "@/lib/validation/care";
import {
  auditKey,
  createUser,
  navigationOutcome,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";

// The way a patient and a physiotherapist become linked (DESIGN.md sections 5 and 6): an invitation
// bound to the patient's e-mail, answered once by its link or its spoken code, and a link either of
// them can end.

const initial: ActionState = { ok: false };
const invalidInvite = /This invitation is not valid/;
// Where the answer lands is the page's business; that it redirects is how success looks.
const accepted = /^redirect:\/[\w/-]+\?answered=accept$/;
const declined = /^redirect:\/[\w/-]+\?answered=decline$/;

type Invitation = { physio: TestUser; patient: TestUser; token: string; code: string; inviteId: string };

/** A physiotherapist invites a new patient through the form; the e-mail typed in capitals. */
async function invitation(patient?: TestUser, physio?: TestUser): Promise<Invitation> {
  physio ??= await createUser("PHYSIO");
  patient ??= await createUser("PATIENT");
  signInAs(physio);
  const state = await createInviteAction(initial, { patientEmail: `  ${patient.email.toUpperCase()} ` });
  expect(state).toMatchObject({ ok: true });
  const { token, code } = state.result as { token: string; code: string };
  const row = await testDb().careInvite.findUniqueOrThrow({ where: { tokenHash: hashInviteToken(token) } });
  return { physio, patient, token, code, inviteId: row.id };
}

/** What an action did: "ok", a redirect, "not-found", or its message when it refused. */
async function outcomeOf(act: () => Promise<ActionState>): Promise<string> {
  let state: ActionState | undefined;
  const outcome = await navigationOutcome(async () => {
    state = await act();
  });
  if (outcome !== "ok") return outcome;
  return state?.ok ? "ok" : (state?.message ?? "refused");
}

const linksOf = (patient: TestUser) => testDb().careLink.findMany({ where: { patientId: patient.id } });
const inviteRow = (id: string) => testDb().careInvite.findUniqueOrThrow({ where: { id } });
const randomToken = () => randomBytes(32).toString("base64url");

describe("creating an invitation", () => {
  it("gives a 256-bit link token and an 8-character code, and stores only their hashes", async () => {
    const { physio, patient, token, code, inviteId } = await invitation();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect([...code.replace("-", "")].every((c) => inviteCodeAlphabet.includes(c))).toBe(true);

    const row = await inviteRow(inviteId);
    expect(row).toMatchObject({ physioId: physio.id, patientEmail: patient.email, status: "PENDING" });
    const stored = JSON.stringify(row);
    for (const secret of [token, code, code.replace("-", "")]) expect(stored).not.toContain(secret);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(6.9 * 86_400_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(7.1 * 86_400_000);

    const second = await invitation(patient, physio);
    expect(second.token).not.toBe(token);
    signInAs(physio);
    expect((await listSentInvites()).map((invite) => invite.status)).toEqual(["PENDING", "PENDING"]);
  });

  it("refuses the physiotherapist's own e-mail, in any case, and writes nothing", async () => {
    const physio = await createUser("PHYSIO");
    signInAs(physio);
    const state = await createInviteAction(initial, { patientEmail: physio.email.toUpperCase() });
    expect(state.ok).toBe(false);
    expect(state.errors?.patientEmail).toEqual(["Invite your patient's e-mail, not your own."]);
    expect(await testDb().careInvite.count({ where: { physioId: physio.id } })).toBe(0);
  });

  it("cannot be made by a patient", async () => {
    signInAs(await createUser("PATIENT"));
    expect(await navigationOutcome(() => createInvite("someone@example.test"))).toBe("not-found");
  });
});

describe("answering by link", () => {
  it("lets the invited patient preview and accept, after which the physiotherapist sees them", async () => {
    const { physio, patient, token, inviteId } = await invitation();

    signInAs(null);
    expect(await previewInvite(token)).toMatchObject({ physioName: physio.name, viewer: "signed-out" });
    signInAs(await createUser("PATIENT"));
    expect(await previewInvite(token)).toMatchObject({ viewer: "other-account" });
    signInAs(patient);
    const preview = await previewInvite(token);
    expect(preview).toMatchObject({ physioName: physio.name, viewer: "invited-patient" });
    expect(preview?.sentTo).toBe(`${patient.email[0]}•••@example.test`);

    signInAs(physio);
    expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("not-found");

    signInAs(patient);
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(accepted);
    const [link] = await linksOf(patient);
    expect(link).toMatchObject({ physioId: physio.id, status: "ACTIVE", revokedAt: null });
    expect(await inviteRow(inviteId)).toMatchObject({ status: "ACCEPTED", acceptedById: patient.id });
    expect(
      (await listCareTeam()).map((member) => [member.physio.name, member.status, member.endedBy]),
    ).toEqual([[physio.name, "ACTIVE", null]]);

    signInAs(physio);
    expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("ok");
    expect((await getCaseload()).map((row) => row.patientId)).toEqual([patient.id]);
    expect((await listSentInvites())[0]?.status).toBe("ACCEPTED");
  });

  it("works once: the same token again changes nothing", async () => {
    const { patient, token } = await invitation();
    signInAs(patient);
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(accepted);
    const before = await linksOf(patient);

    expect(await previewInvite(token)).toBeNull();
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(invalidInvite);
    expect(await outcomeOf(() => declineInviteAction(initial, { token }))).toMatch(invalidInvite);
    expect(await linksOf(patient)).toEqual(before);
  });

  it("refuses an expired invitation", async () => {
    const physio = await createUser("PHYSIO");
    const patient = await createUser("PATIENT");
    signInAs(physio);
    const { token, inviteId } = await createInvite(patient.email, new Date(Date.now() - 8 * 86_400_000));
    expect((await listSentInvites()).map((invite) => invite.status)).toEqual(["EXPIRED"]);

    signInAs(patient);
    expect(await previewInvite(token)).toBeNull();
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(invalidInvite);
    expect(await linksOf(patient)).toEqual([]);
    expect(await inviteRow(inviteId)).toMatchObject({ status: "PENDING", acceptedById: null });
  });

  it("refuses an invitation that expired a moment ago", async () => {
    const { patient, token, inviteId } = await invitation();
    await testDb().careInvite.update({
      where: { id: inviteId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    signInAs(patient);
    expect(await previewInvite(token)).toBeNull();
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(invalidInvite);
    expect(await linksOf(patient)).toEqual([]);
  });

  it("opens nothing with a guessed token", async () => {
    const { patient } = await invitation();
    signInAs(patient);
    const guess = randomToken();
    expect(await previewInvite(guess)).toBeNull();
    expect(await outcomeOf(() => acceptInviteAction(initial, { token: guess }))).toMatch(invalidInvite);
    expect(await outcomeOf(() => acceptInviteAction(initial, { token: "short" }))).toBe(
      "Please correct the marked fields.",
    );
    expect(await linksOf(patient)).toEqual([]);
  });

  it("cannot be used by another patient, and stays usable for the invited one", async () => {
    const { physio, patient, token, inviteId } = await invitation();
    const other = await createUser("PATIENT");
    signInAs(other);
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(invalidInvite);
    expect(await outcomeOf(() => declineInviteAction(initial, { token }))).toMatch(invalidInvite);
    expect(await linksOf(other)).toEqual([]);
    expect(await inviteRow(inviteId)).toMatchObject({ status: "PENDING" });

    signInAs(patient);
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(accepted);
    expect((await linksOf(patient)).map((link) => link.physioId)).toEqual([physio.id]);
  });

  it("declined, creates no link and cannot be used afterwards", async () => {
    const { physio, patient, token, inviteId } = await invitation();
    signInAs(patient);
    expect(await outcomeOf(() => declineInviteAction(initial, { token }))).toMatch(declined);
    expect(await inviteRow(inviteId)).toMatchObject({ status: "DECLINED" });
    expect(await linksOf(patient)).toEqual([]);
    expect(await previewInvite(token)).toBeNull();
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(invalidInvite);
    expect(await linksOf(patient)).toEqual([]);

    signInAs(physio);
    expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("not-found");
    expect((await listSentInvites())[0]?.status).toBe("DECLINED");
  });

  it("cancelled by the physiotherapist, no longer works; no other physiotherapist can cancel it", async () => {
    const { physio, patient, token, inviteId } = await invitation();
    signInAs(await createUser("PHYSIO"));
    expect(await outcomeOf(() => cancelInviteAction(initial, { inviteId }))).toBe(
      "That invitation was not found.",
    );
    expect(await inviteRow(inviteId)).toMatchObject({ status: "PENDING" });

    signInAs(physio);
    expect(await outcomeOf(() => cancelInviteAction(initial, { inviteId }))).toBe("ok");
    expect(await outcomeOf(() => cancelInviteAction(initial, { inviteId }))).toBe(
      "That invitation was not found.",
    );
    expect(await inviteRow(inviteId)).toMatchObject({ status: "CANCELLED" });

    signInAs(patient);
    expect(await previewInvite(token)).toBeNull();
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(invalidInvite);
    expect(await linksOf(patient)).toEqual([]);
  });

  it("cannot be accepted by a physiotherapist", async () => {
    const { token, inviteId } = await invitation();
    signInAs(await createUser("PHYSIO"));
    expect(await navigationOutcome(() => answerInvite({ token, answer: "accept" }))).toBe("not-found");
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toBe("not-found");
    expect(await inviteRow(inviteId)).toMatchObject({ status: "PENDING" });
  });

  it("accepted twice at the same moment makes exactly one link, and only one answer succeeds", async () => {
    const { patient, token, inviteId } = await invitation();
    signInAs(patient);
    const outcomes = await Promise.all([
      outcomeOf(() => acceptInviteAction(initial, { token })),
      outcomeOf(() => acceptInviteAction(initial, { token })),
    ]);
    expect(outcomes.filter((outcome) => accepted.test(outcome))).toHaveLength(1);
    expect(outcomes.find((outcome) => !accepted.test(outcome))).toMatch(invalidInvite);
    expect(await linksOf(patient)).toHaveLength(1);
    expect(await inviteRow(inviteId)).toMatchObject({ status: "ACCEPTED", acceptedById: patient.id });
  });
  it("two invitations from the same physiotherapist, accepted at the same moment, still make one link", async () => {
    const first = await invitation();
    const second = await invitation(first.patient, first.physio);
    signInAs(first.patient);
    const outcomes = await Promise.all([
      outcomeOf(() => acceptInviteAction(initial, { token: first.token })),
      outcomeOf(() => acceptInviteAction(initial, { code: second.code })),
    ]);
    expect(outcomes).toEqual([expect.stringMatching(accepted), expect.stringMatching(accepted)]);
    expect(await linksOf(first.patient)).toMatchObject([{ physioId: first.physio.id, status: "ACTIVE" }]);
  });
});

describe("answering by code", () => {
  it("accepts the code typed in lower case, with spaces or a dash", async () => {
    const { physio, patient, code } = await invitation();
    const typed = ` ${code.replace("-", " ").toLowerCase()} `;
    signInAs(patient);
    const checked = await checkInviteCodeAction(initial, { code: typed });
    expect(checked).toMatchObject({
      ok: true,
      result: { code: code.replace("-", ""), physioName: physio.name },
    });
    expect(await previewInviteByCode(code.replace("-", ""))).toMatchObject({
      physioName: physio.name,
      viewer: "invited-patient",
    });
    expect(await outcomeOf(() => acceptInviteAction(initial, { code: code.toLowerCase() }))).toMatch(
      accepted,
    );
    expect(await linksOf(patient)).toMatchObject([{ physioId: physio.id, status: "ACTIVE" }]);
    // Used: neither the code nor the link works again.
    expect(await outcomeOf(() => checkInviteCodeAction(initial, { code: typed }))).toMatch(invalidInvite);
    await expect(answerInvite({ code: code.replace("-", ""), answer: "decline" })).rejects.toThrow(
      invalidInvite,
    );
  });

  it("declines by code through the data layer, leaving no link", async () => {
    const { physio, patient, code, inviteId } = await invitation();
    signInAs(patient);
    expect(await answerInvite({ code: code.replace("-", ""), answer: "decline" })).toEqual({
      physioName: physio.name,
    });
    expect(await inviteRow(inviteId)).toMatchObject({ status: "DECLINED", acceptedById: patient.id });
    expect(await linksOf(patient)).toEqual([]);
  });

  it("refuses a code sent to someone else's e-mail, like a code that does not exist", async () => {
    const { code, inviteId } = await invitation();
    const other = await createUser("PATIENT");
    signInAs(other);
    expect(await outcomeOf(() => checkInviteCodeAction(initial, { code }))).toMatch(invalidInvite);
    expect(await outcomeOf(() => checkInviteCodeAction(initial, { code: "ABCD-2345" }))).toMatch(
      invalidInvite,
    );
    expect(await outcomeOf(() => acceptInviteAction(initial, { code }))).toMatch(invalidInvite);
    expect(await inviteRow(inviteId)).toMatchObject({ status: "PENDING" });
    expect(await linksOf(other)).toEqual([]);
  });

  it("answers a malformed code on the field, and does not count it toward the pause", async () => {
    const { physio, patient, code } = await invitation();
    signInAs(patient);
    for (let attempt = 0; attempt <= inviteCodeAttempts.limit; attempt++) {
      const state = await checkInviteCodeAction(initial, { code: "O0I1-abcd" });
      expect(state.ok).toBe(false);
      expect(state.errors?.code).toEqual(["A code has 8 letters and digits, like ABCD-2345."]);
    }
    expect(await checkInviteCodeAction(initial, { code })).toMatchObject({
      ok: true,
      result: { physioName: physio.name },
    });
  });

  it(`pauses code entry after ${inviteCodeAttempts.limit} codes in ${inviteCodeAttempts.windowMinutes} minutes, even for the right code`, async () => {
    const { patient, code, token } = await invitation();
    signInAs(patient);
    for (let attempt = 0; attempt < inviteCodeAttempts.limit; attempt++) {
      expect(
        await outcomeOf(() => checkInviteCodeAction(initial, { code: wrongCode(code, attempt) })),
      ).toMatch(invalidInvite);
    }
    const sixth = await checkInviteCodeAction(initial, { code });
    expect(sixth.ok).toBe(false);
    expect(sixth.errors?.code?.[0]).toMatch(/^Too many codes entered/);
    expect(await outcomeOf(() => acceptInviteAction(initial, { code }))).toMatch(/^Too many codes/);
    expect(await linksOf(patient)).toEqual([]);

    // The pause ends with the window, and the link never depended on it.
    const later = new Date(Date.now() + (inviteCodeAttempts.windowMinutes + 1) * 60_000);
    expect(await previewInviteByCode(code.replace("-", ""), later)).toMatchObject({
      viewer: "invited-patient",
    });
    expect(await outcomeOf(() => acceptInviteAction(initial, { token }))).toMatch(accepted);
  });

  it("counts wrong codes entered straight into the accept form toward the same pause", async () => {
    const { patient, code } = await invitation();
    signInAs(patient);
    for (let attempt = 0; attempt < inviteCodeAttempts.limit; attempt++) {
      expect(await outcomeOf(() => acceptInviteAction(initial, { code: wrongCode(code, attempt) }))).toMatch(
        invalidInvite,
      );
    }
    expect(await outcomeOf(() => acceptInviteAction(initial, { code }))).toMatch(/^Too many codes/);
    expect(await linksOf(patient)).toEqual([]);
  });

  it("counts codes sent all at once: no more than the limit are even looked up", async () => {
    const { patient, code } = await invitation();
    signInAs(patient);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, attempt) =>
        outcomeOf(() => checkInviteCodeAction(initial, { code: wrongCode(code, attempt) })),
      ),
    );
    expect(answers.filter((answer) => /not valid/.test(answer)).length).toBeLessThanOrEqual(
      inviteCodeAttempts.limit,
    );
    expect(answers.filter((answer) => /^Too many codes/.test(answer)).length).toBeGreaterThanOrEqual(
      20 - inviteCodeAttempts.limit,
    );
  });
});

describe("ending a link", () => {
  async function linked() {
    const invite = await invitation();
    signInAs(invite.patient);
    expect(await outcomeOf(() => acceptInviteAction(initial, { token: invite.token }))).toMatch(accepted);
    const [link] = await linksOf(invite.patient);
    return { ...invite, linkId: link?.id ?? "" };
  }

  it("by the patient, cuts the physiotherapist off on their next request", async () => {
    const { physio, patient, linkId } = await linked();
    signInAs(physio);
    expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("ok");

    signInAs(patient);
    expect(await outcomeOf(() => endLinkAsPatientAction(initial, { linkId }))).toBe(
      "redirect:/account?ended=1",
    );
    expect((await listCareTeam()).map((member) => [member.id, member.status, member.endedBy])).toEqual([
      [linkId, "REVOKED", "you"],
    ]);
    expect(await outcomeOf(() => endLinkAsPatientAction(initial, { linkId }))).toBe(
      "That link was not found.",
    );

    signInAs(physio);
    expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("not-found");
    expect(await getCaseload()).toEqual([]);
  });

  it("by the patient, only for their own links", async () => {
    const { patient, linkId } = await linked();
    signInAs(await createUser("PATIENT"));
    expect(await outcomeOf(() => endLinkAsPatientAction(initial, { linkId }))).toBe(
      "That link was not found.",
    );
    expect(await linksOf(patient)).toMatchObject([{ status: "ACTIVE", revokedById: null }]);
  });

  it("by the physiotherapist, shows the patient it was the physiotherapist who ended it", async () => {
    const { physio, patient } = await linked();
    signInAs(physio);
    expect(await outcomeOf(() => endLinkAsPhysioAction(initial, { patientId: patient.id }))).toBe(
      "redirect:/caseload?ended=1",
    );
    expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("not-found");
    signInAs(patient);
    expect((await listCareTeam()).map((member) => [member.status, member.endedBy])).toEqual([
      ["REVOKED", "physio"],
    ]);
  });

  it("and inviting again afterwards re-activates the same link row", async () => {
    const { physio, patient, linkId } = await linked();
    signInAs(patient);
    expect(await outcomeOf(() => endLinkAsPatientAction(initial, { linkId }))).toBe(
      "redirect:/account?ended=1",
    );
    const revoked = await testDb().careLink.findUniqueOrThrow({ where: { id: linkId } });

    const again = await invitation(patient, physio);
    signInAs(patient);
    expect(await outcomeOf(() => acceptInviteAction(initial, { token: again.token }))).toMatch(accepted);
    const links = await linksOf(patient);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ id: linkId, status: "ACTIVE", revokedAt: null, revokedById: null });
    expect(links[0]?.consentedAt.getTime()).toBeGreaterThanOrEqual(revoked.consentedAt.getTime());
    expect((await listCareTeam()).map((member) => [member.id, member.status, member.endedBy])).toEqual([
      [linkId, "ACTIVE", null],
    ]);

    signInAs(physio);
    expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("ok");
  });

  it.each([
    ["the patient", "patient"],
    ["the physiotherapist", "you"],
  ] as const)(
    "by %s, leaves the physiotherapist their own notes up to that day and nothing else",
    async (_who, endedBy) => {
      const { physio, patient, linkId } = await linked();
      const colleague = await createUser("PHYSIO");
      await testDb().careLink.create({
        data: { physioId: colleague.id, patientId: patient.id, status: "ACTIVE", consentedAt: new Date() },
      });
      signInAs(colleague);
      expect(
        await addClinicalNoteAction(initial, {
          patientId: patient.id,
          clientRequestId: randomUUID(),
          body: "Colleague's note.",
        }),
      ).toMatchObject({ ok: true });
      signInAs(physio);
      expect(
        await addClinicalNoteAction(initial, {
          patientId: patient.id,
          clientRequestId: randomUUID(),
          body: "Left hip stiff.",
        }),
      ).toMatchObject({ ok: true });
      const session = await testDb().exerciseSession.create({
        data: {
          patientId: patient.id,
          startedAt: new Date(),
          durationSeconds: 600,
          source: "QUICK_LOG",
          clientRequestId: randomUUID(),
        },
      });

      if (endedBy === "you") {
        expect(await outcomeOf(() => endLinkAsPhysioAction(initial, { patientId: patient.id }))).toBe(
          "redirect:/caseload?ended=1",
        );
      } else {
        signInAs(patient);
        expect(await outcomeOf(() => endLinkAsPatientAction(initial, { linkId }))).toBe(
          "redirect:/account?ended=1",
        );
        signInAs(physio);
      }
      const link = await testDb().careLink.findUniqueOrThrow({ where: { id: linkId } });
      // A note dated after the end (a clock set wrong, a restored backup) stays out of reach too.
      await testDb().clinicalNote.create({
        data: {
          physioId: physio.id,
          patientId: patient.id,
          body: "After the end.",
          clientRequestId: randomUUID(),
          createdAt: new Date((link.revokedAt?.getTime() ?? 0) + 60_000),
        },
      });

      expect((await listClinicalNotes(patient.id)).map((note) => note.body)).toEqual(["Left hip stiff."]);
      expect(await getEndedCareLink(patient.id)).toMatchObject({ patientName: patient.name, endedBy });
      expect((await listEndedCareLinks()).map((ended) => [ended.patientId, ended.endedBy])).toEqual([
        [patient.id, endedBy],
      ]);
      const reads = await testDb().auditEvent.count({
        where: {
          actorKey: await auditKey(physio),
          patientKey: await auditKey(patient),
          action: "READ_NOTES",
          outcome: "SUCCESS",
        },
      });
      expect(reads).toBe(1);

      for (const read of [
        () => getProgress(patient.id, "3m"),
        () => listSessions(patient.id, 1),
        () => getRoutine(patient.id),
        () => listSessionComments(patient.id, [session.id]),
        () => getPatientSummary(patient.id),
        () => getLinkedPatient(patient.id),
      ]) {
        expect(await navigationOutcome(read)).toBe("not-found");
      }
      const notesBefore = await testDb().clinicalNote.count({ where: { patientId: patient.id } });
      expect(
        await outcomeOf(() =>
          addClinicalNoteAction(initial, {
            patientId: patient.id,
            clientRequestId: randomUUID(),
            body: "Too late.",
          }),
        ),
      ).toBe("That patient was not found.");
      expect(await testDb().clinicalNote.count({ where: { patientId: patient.id } })).toBe(notesBefore);

      // Another physiotherapist's ended link is not this one's.
      signInAs(await createUser("PHYSIO"));
      expect(await getEndedCareLink(patient.id)).toBeNull();
      expect(await navigationOutcome(() => listClinicalNotes(patient.id))).toBe("not-found");
    },
  );

  it("shows the invitation as ended, with who ended it and when, and again accepted once linked anew", async () => {
    const { physio, patient, linkId, inviteId } = await linked();
    signInAs(patient);
    expect(await outcomeOf(() => endLinkAsPatientAction(initial, { linkId }))).toBe(
      "redirect:/account?ended=1",
    );
    const { revokedAt } = await testDb().careLink.findUniqueOrThrow({ where: { id: linkId } });
    signInAs(physio);
    expect((await listSentInvites()).find((invite) => invite.id === inviteId)).toMatchObject({
      status: "ENDED",
      ended: { at: revokedAt, by: "patient" },
    });

    const again = await invitation(patient, physio);
    signInAs(patient);
    expect(await outcomeOf(() => acceptInviteAction(initial, { token: again.token }))).toMatch(accepted);
    signInAs(physio);
    const sent = await listSentInvites();
    expect(sent.find((invite) => invite.id === again.inviteId)).toMatchObject({
      status: "ACCEPTED",
      ended: null,
    });
    expect(sent.find((invite) => invite.id === inviteId)).toMatchObject({ status: "ENDED", ended: null });
    expect(await listEndedCareLinks()).toEqual([]);

    expect(await outcomeOf(() => endLinkAsPhysioAction(initial, { patientId: patient.id }))).toBe(
      "redirect:/caseload?ended=1",
    );
    expect((await listSentInvites()).find((invite) => invite.id === again.inviteId)).toMatchObject({
      status: "ENDED",
      ended: { by: "you" },
    });
  });
});

/** A well-formed code that is not `code`. */
function wrongCode(code: string, attempt: number): string {
  const plain = code.replace("-", "");
  const first = inviteCodeAlphabet[(inviteCodeAlphabet.indexOf(plain[0] ?? "A") + 1 + attempt) % 32];
  return `${first}${plain.slice(1)}`;
}
