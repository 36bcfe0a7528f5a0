import { z } from "./zod";

// A code from an authenticator app (6 digits, spaces allowed as apps show "123 456") or a recovery
// code (10 letters and digits, a dash allowed). Anything else is refused before any check.
export const secondFactorCodeField = z
  .string({ error: "Enter the code from your authenticator app." })
  .trim()
  .min(1, "Enter the code from your authenticator app.")
  .max(32, "That is not a code from your app or a recovery code.")
  .refine(
    (value) => /^\d{3}\s?\d{3}$/.test(value) || /^[A-Za-z0-9]{5}[\s-]?[A-Za-z0-9]{5}$/.test(value),
    "Enter the 6 digits from your app, or a recovery code like abcde-12345.",
  );

export const appCodeField = z
  .string({ error: "Enter the code from your authenticator app." })
  .trim()
  .min(1, "Enter the code from your authenticator app.")
  .refine((value) => /^\d{3}\s?\d{3}$/.test(value), "Enter the 6 digits your app shows.");

export const secondFactorSchema = z.object({
  code: secondFactorCodeField,
  callbackUrl: z.string().max(2048).optional(),
});

export const enrolmentSchema = z.object({ code: appCodeField });
