// The two placeholder accounts an erasure leaves behind. Nobody signs in as them: their e-mail is
// not an address the sign-in form accepts and their password hash matches no password.
import type { Db } from "../db/client.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Stands in for an erased physiotherapist wherever their name was recorded (prescriptions, routine
 * changes, comments and replies, questionnaire requests), so what a patient saw keeps its meaning:
 * "Prescribed by a former physiotherapist".
 */
export const formerPhysio = {
  id: "placeholder-former-physio",
  email: "placeholder:former-physiotherapist",
  name: "Former physiotherapist",
  role: "PHYSIO",
} as const;

/**
 * Stands in for an erased patient on the clinical notes kept by their author (ClinicalNote.patientId);
 * the note's patientLabel keeps the name the author knew them by.
 */
export const erasedPatient = {
  id: "placeholder-erased-patient",
  email: "placeholder:erased-patient",
  name: "Erased patient",
  role: "PATIENT",
} as const;

export const placeholderIds: readonly string[] = [formerPhysio.id, erasedPatient.id];

export const isPlaceholder = (userId: string) => placeholderIds.includes(userId);

/** Creates a placeholder account the first time an erasure needs it. */
export async function ensurePlaceholder(
  tx: Tx,
  placeholder: typeof formerPhysio | typeof erasedPatient,
): Promise<void> {
  await tx.user.upsert({
    where: { id: placeholder.id },
    update: {},
    create: {
      id: placeholder.id,
      email: placeholder.email,
      name: placeholder.name,
      role: placeholder.role,
      timezone: "UTC",
      // Not an argon2 hash: every password check against it fails.
      passwordHash: "!",
    },
  });
}
