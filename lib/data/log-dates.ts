import "server-only";
import type { db } from "@/lib/db";
import { earliestLogDate } from "@/lib/domain/log-dates";
import { RuleError } from "./errors";

type UserReader = Pick<typeof db, "user">;

/**
 * Refuses a log dated before the patient's account existed minus the backfill margin
 * (lib/domain/log-dates.ts), on the field that holds the date; the future is refused by the schema.
 * Called by the data functions that write a date, after they checked the caller, so it reads only
 * the caller's own account.
 */
export async function checkLogDate(
  client: UserReader,
  patientId: string,
  at: Date,
  field: string,
): Promise<void> {
  const account = await client.user.findUniqueOrThrow({
    where: { id: patientId },
    select: { createdAt: true },
  });
  const earliest = earliestLogDate(account.createdAt);
  if (at.getTime() < earliest.getTime()) {
    throw new RuleError(
      `The date cannot be before ${earliest.toISOString().slice(0, 10)}, a year before your account was created.`,
      field,
    );
  }
}
