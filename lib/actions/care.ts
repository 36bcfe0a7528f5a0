"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { endCareLinkAsPatient, endCareLinkAsPhysio } from "@/lib/data/care-links";
import { addClinicalNote, addSessionComment } from "@/lib/data/clinical-notes";
import { answerInvite, cancelInvite, createInvite, previewInviteByCode } from "@/lib/data/invitations";
import { addSessionReply, deleteSessionMessage, editSessionMessage } from "@/lib/data/session-threads";
import { formatDate } from "@/lib/format";
import {
  cancelInviteSchema,
  clinicalNoteSchema,
  createInviteSchema,
  deleteMessageSchema,
  editMessageSchema,
  endLinkAsPatientSchema,
  endLinkAsPhysioSchema,
  inviteCodeSchema,
  inviteRefSchema,
  sessionCommentSchema,
  sessionReplySchema,
} from "@/lib/validation/care";
import { createAction } from "./action";

export const createInviteAction = createAction(
  "PHYSIO",
  createInviteSchema,
  async (input, { user }) => {
    // No e-mail address in the audit trail: the invitation itself says whom it is for.
    const invite = await createInvite(input.patientEmail, undefined, { sendEmail: input.sendEmail });
    revalidatePath("/caseload/invite");
    const byEmail = {
      no: "Share the link or read out the code; they are shown only now.",
      sent: "We e-mailed the link and code to them. You can also share them yourself; they are shown only now.",
      failed:
        "The e-mail could not be sent. Share the link or read out the code yourself; they are shown only now.",
    }[invite.emailed];
    return {
      ok: true,
      message: `Invitation ready for ${invite.patientEmail}. ${byEmail}`,
      result: {
        token: invite.token,
        code: invite.code,
        patientEmail: invite.patientEmail,
        expires: formatDate(invite.expiresAt, user.timezone),
      },
    };
  },
  "INVITE_CREATED",
);

export const cancelInviteAction = createAction(
  "PHYSIO",
  cancelInviteSchema,
  async (input) => {
    await cancelInvite(input.inviteId);
    revalidatePath("/caseload/invite");
    return { ok: true, message: "Invitation cancelled. Its link and code no longer work." };
  },
  "INVITE_CANCELLED",
);

/** Step one of answering by code: who is asking, before the patient says yes or no. */
export const checkInviteCodeAction = createAction(
  "PATIENT",
  inviteCodeSchema,
  async (input) => {
    const preview = await previewInviteByCode(input.code);
    return {
      ok: true,
      result: { code: input.code, physioName: preview.physioName },
    };
  },
  "INVITE_CODE_CHECKED",
);

function answerWith(answer: "accept" | "decline") {
  return createAction(
    "PATIENT",
    inviteRefSchema,
    async (input) => {
      // The audit trail names nobody in its detail: the care link records who it was with.
      await answerInvite({ ...input, answer });
      revalidatePath("/account");
      // No names in the address: the page lists the care team itself.
      redirect(`/account?answered=${answer}`);
    },
    answer === "accept" ? "INVITE_ACCEPTED" : "INVITE_DECLINED",
  );
}

export const acceptInviteAction = answerWith("accept");
export const declineInviteAction = answerWith("decline");

export const endLinkAsPatientAction = createAction(
  "PATIENT",
  endLinkAsPatientSchema,
  async (input) => {
    await endCareLinkAsPatient(input.linkId);
    revalidatePath("/account");
    // No names in the address: the page lists the care team itself.
    redirect("/account?ended=1");
  },
  "CARE_LINK_ENDED",
);

export const endLinkAsPhysioAction = createAction(
  "PHYSIO",
  endLinkAsPhysioSchema,
  async (input) => {
    await endCareLinkAsPhysio(input.patientId);
    revalidatePath("/caseload");
    redirect("/caseload?ended=1");
  },
  "CARE_LINK_ENDED",
);

export const addClinicalNoteAction = createAction(
  "PHYSIO",
  clinicalNoteSchema,
  async (input) => {
    const created = await addClinicalNote(input);
    revalidatePath(`/patients/${input.patientId}/notes`);
    return { ok: true, message: created ? "Note saved." : "This note was already saved." };
  },
  "CLINICAL_NOTE_ADDED",
);

export const addSessionCommentAction = createAction(
  "PHYSIO",
  sessionCommentSchema,
  async (input) => {
    const created = await addSessionComment(input);
    revalidatePath(`/patients/${input.patientId}/history`);
    revalidatePath("/history");
    return {
      ok: true,
      message: created
        ? "Comment saved. Your patient sees it with the session."
        : "This comment was already saved.",
    };
  },
  "COMMENT_ADDED",
);

function revalidateThreads(patientId: string) {
  revalidatePath(`/patients/${patientId}/history`);
  revalidatePath("/history");
  revalidatePath("/today");
  revalidatePath("/caseload");
}

/** The patient answers their physiotherapist on one of their sessions. */
export const addSessionReplyAction = createAction(
  "PATIENT",
  sessionReplySchema,
  async (input) => {
    const created = await addSessionReply(input);
    revalidateThreads(input.patientId);
    return {
      ok: true,
      message: created
        ? "Reply sent. Your physiotherapist sees it with the session."
        : "This reply was already sent.",
    };
  },
  "REPLY_ADDED",
);

export const editSessionMessageAction = createAction(
  "user",
  editMessageSchema,
  async (input) => {
    const changed = await editSessionMessage(input);
    revalidateThreads(input.patientId);
    return {
      ok: true,
      message: changed ? "Message changed; the earlier version is kept." : "Already changed.",
    };
  },
  "MESSAGE_EDITED",
);

export const deleteSessionMessageAction = createAction(
  "user",
  deleteMessageSchema,
  async (input) => {
    const changed = await deleteSessionMessage(input);
    revalidateThreads(input.patientId);
    return { ok: true, message: changed ? "Message deleted." : "Already deleted." };
  },
  "MESSAGE_DELETED",
);
