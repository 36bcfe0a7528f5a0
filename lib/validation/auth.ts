import { isCommonPassword } from "@/lib/auth/password";
import { z } from "./zod";

export const roles = ["PATIENT", "PHYSIO"] as const;
export type Role = (typeof roles)[number];

// Counted in characters (code points), not bytes or UTF-16 units; never trimmed or truncated.
const passwordLength = (value: string) => [...value].length;

export const emailField = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your e-mail address.")
  .max(254, "That e-mail address is too long.")
  .pipe(z.email("Enter a valid e-mail address, like name@example.com."));

export const newPasswordField = z
  .string({ error: "Choose a password." })
  .refine((value) => passwordLength(value) >= 8, "Use at least 8 characters.")
  .refine((value) => passwordLength(value) <= 128, "Use at most 128 characters.")
  .refine(
    (value) => !isCommonPassword(value),
    "This password is too common and easy to guess. Choose another.",
  );

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneField = z
  .string()
  .trim()
  .max(64)
  .refine(isValidTimeZone, "Unknown time zone.")
  .catch("UTC");

export const nameField = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.");

export const signUpSchema = z.object({
  name: nameField,
  email: emailField,
  password: newPasswordField,
  role: z.enum(roles, { error: "Choose whether you are a patient or a physiotherapist." }),
  timezone: timeZoneField,
  callbackUrl: z.string().max(2000).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  // Any password is checked as typed; length rules apply only when one is chosen.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(4096),
  callbackUrl: z.string().max(2000).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password."),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Repeat the new password." }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The longest redirect target kept; longer ones fall back (no page of the app needs more). */
const maxCallbackLength = 2048;

/**
 * Only plain same-site paths may be redirect targets after sign-in: printable ASCII (anything else
 * arrives percent-encoded from a browser, and a raw non-Latin-1 character cannot go into a Location
 * header at all), starting with one "/".
 */
export function safeCallbackPath(value: string | undefined | null, fallback: string): string {
  if (!value?.startsWith("/") || value.length > maxCallbackLength) return fallback;
  // Browsers drop tabs and newlines and read "\" as "/", so "/\t/evil.com" would become "//evil.com".
  if (/^\/[/\\]|[\t\n\r\\]/.test(value) || !/^[\x21-\x7e]+$/.test(value)) return fallback;
  return value;
}

/** The token of an e-mailed link: 32 random bytes in base64url. */
export const linkTokenField = z
  .string({ error: "This link is not valid." })
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid.");

export const confirmEmailSchema = z.object({
  token: linkTokenField,
  callbackUrl: z.string().max(2000).optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: linkTokenField,
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Repeat the new password." }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  });

export const changeEmailSchema = z.object({
  newEmail: emailField,
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(4096),
});
