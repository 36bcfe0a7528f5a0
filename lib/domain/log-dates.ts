// How far back a patient may log. Backfilling a few months of a diary kept on paper is fine; a date
// decades before the account existed is a typo or an attack (issue 12: "all" spanned 56 years).

/** Days before the account was created that a log may still be dated. */
export const backfillDays = 365;

/** The earliest moment a log of an account created at `accountCreatedAt` may carry. */
export function earliestLogDate(accountCreatedAt: Date): Date {
  return new Date(accountCreatedAt.getTime() - backfillDays * 24 * 3600 * 1000);
}
