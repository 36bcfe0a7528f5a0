import { secondFactorCodeField } from "./two-factor";
import { z } from "./zod";

// "Delete my account": the password always; the second-factor code only when the person has one
// (the data layer decides, and asks for it at the code field when it is missing).
export const deleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(4096),
  code: z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === "" ? undefined : raw))
    .pipe(secondFactorCodeField.optional()),
  confirm: z.literal("yes", {
    error: "Tick the box to confirm that you want your account and data deleted.",
  }),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
