// How long the app keeps what an erasure does not delete. Both figures are stated in the README
// ("Your data: download and erasure") and docs/decisions.md.

/**
 * Clinical notes about a patient who erased their account stay with the physiotherapist who wrote
 * them (the physiotherapist's own records, which they may be required to keep), detached from the
 * account, for this many years after the erasure; then they are deleted (`npm run audit:retention`).
 * Eight years is the usual minimum for adult health records in England (NHS Records Management Code
 * of Practice 2023, "Adult health records": 8 years after the conclusion of treatment); a clinic
 * with another duty changes it here.
 */
export const detachedNoteRetentionYears = 8;

export function detachedNoteExpiry(detachedAt: Date): Date {
  const expiry = new Date(detachedAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + detachedNoteRetentionYears);
  return expiry;
}

/** The detachment time before which a detached note is past its retention period at `now`. */
export function detachedNoteCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - detachedNoteRetentionYears);
  return cutoff;
}

/**
 * Deletes the detached notes whose retention period has ended (run by `npm run audit:retention`,
 * monthly). Returns how many went.
 */
export async function purgeExpiredDetachedNotes(
  db: { clinicalNote: { deleteMany: (args: { where: object }) => Promise<{ count: number }> } },
  now = new Date(),
): Promise<number> {
  const { count } = await db.clinicalNote.deleteMany({
    where: { detachedAt: { not: null, lt: detachedNoteCutoff(now) } },
  });
  return count;
}
