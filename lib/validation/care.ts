import { emailField } from "./auth";
import { clientRequestId, idField } from "./fields";
import { z } from "./zod";

/** Letters and digits that cannot be misread aloud or on paper: no 0/O, 1/I. */
export const inviteCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const inviteCodeLength = 8;

/** "abcd efgh", "ABCD-EFGH" and "abcdefgh" all mean the same code. */
export function normaliseInviteCode(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, "");
}

export const inviteCodeField = z
  .string({ error: "Enter the code your physiotherapist gave you." })
  .transform(normaliseInviteCode)
  .pipe(
    z
      .string()
      .min(1, "Enter the code your physiotherapist gave you.")
      .refine(
        (code) => code.length === inviteCodeLength && [...code].every((c) => inviteCodeAlphabet.includes(c)),
        "A code has 8 letters and digits, like ABCD-2345.",
      ),
  );

/** 32 random bytes in base64url. */
export const inviteTokenField = z
  .string({ error: "This invitation link is not valid." })
  .regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid.");

export const createInviteSchema = z.object({
  patientEmail: emailField,
  /** The checkbox "also send it by e-mail": present (any value) when ticked. */
  sendEmail: z
    .string()
    .max(10)
    .optional()
    .transform((value) => value !== undefined && value !== "" && value !== "false"),
});

export const inviteCodeSchema = z.object({ code: inviteCodeField });

/** An invitation is answered by its link's token or by its code, never both. */
export const inviteRefSchema = z
  .object({ token: inviteTokenField.optional(), code: inviteCodeField.optional() })
  .refine((input) => Boolean(input.token) !== Boolean(input.code), {
    message: "This invitation is not valid.",
    path: ["form"],
  });
export type InviteRef = z.infer<typeof inviteRefSchema>;

export const cancelInviteSchema = z.object({ inviteId: idField });
export const endLinkAsPatientSchema = z.object({ linkId: idField });
export const endLinkAsPhysioSchema = z.object({ patientId: idField });

export const clinicalNoteSchema = z.object({
  patientId: idField,
  clientRequestId,
  body: z
    .string({ error: "Write the note." })
    .trim()
    .min(1, "Write the note.")
    .max(5000, "Keep a note to 5,000 characters; split a longer one."),
});

export const sessionCommentSchema = z.object({
  patientId: idField,
  sessionId: idField,
  clientRequestId,
  body: z
    .string({ error: "Write the comment." })
    .trim()
    .min(1, "Write the comment.")
    .max(2000, "Keep a comment to 2,000 characters."),
});

const messageBody = z
  .string({ error: "Write your message." })
  .trim()
  .min(1, "Write your message.")
  .max(2000, "Keep a message to 2,000 characters.");

export const sessionReplySchema = z.object({
  patientId: idField,
  sessionId: idField,
  clientRequestId,
  body: messageBody,
});

export const editMessageSchema = z.object({
  patientId: idField,
  commentId: idField,
  clientRequestId,
  body: messageBody,
});

export const deleteMessageSchema = z.object({ patientId: idField, commentId: idField, clientRequestId });
