import "server-only";
import { db } from "@/lib/db";
import { usesPostgres } from "@/lib/db/provider";
import { judgeAttempt, strictest, type ThrottleRule, type Verdict, windowEnded } from "@/lib/domain/throttle";
import { Prisma } from "@/lib/generated/sqlite/client";

// The counters of lib/domain/throttle.ts, in the database so every app instance shares them (the
// table is still called SignInThrottle: sign-in was its first use).

/** A timestamp parameter both dialects compare with the table's columns. */
function timestamp(value: Date): Prisma.Sql {
  return usesPostgres() ? Prisma.sql`CAST(${value} AS TIMESTAMP(3))` : Prisma.sql`${value}`;
}

type CountRow = { failures: number | bigint; windowStart: Date | string | number };

/**
 * Counts one attempt against `key` and returns the verdict for it. One statement: the increment and
 * the read of the new count cannot be split by another instance, so of N attempts sent at once
 * exactly the first `limit` go ahead. A window that has ended starts again at 1.
 */
export async function takeAttempt(key: string, rule: ThrottleRule, now = new Date()): Promise<Verdict> {
  const floor = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await db.$queryRaw<CountRow[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lastFailure")
    VALUES (${key}, 1, ${timestamp(now)}, ${timestamp(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" <= ${timestamp(floor)} THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${timestamp(floor)} THEN ${timestamp(now)}
                           ELSE "SignInThrottle"."windowStart" END,
      "lastFailure" = ${timestamp(now)}
    RETURNING "failures", "windowStart"`;
  const row = rows[0];
  if (!row) throw new Error(`The throttle returned no count for ${key.split(":")[0]}`);
  const windowStart = new Date(row.windowStart);
  const count = {
    attempts: Number(row.failures),
    // A stored start the driver could not read back as a date counts as now (the safe side).
    windowStart:
      Number.isNaN(windowStart.getTime()) || windowEnded(windowStart, now, rule) ? now : windowStart,
  };
  return judgeAttempt(count, now, rule);
}

/** Takes one attempt on each key (all of them, even when one already refuses) and returns the strictest verdict. */
export async function takeAttempts(
  entries: { key: string; rule: ThrottleRule }[],
  now = new Date(),
): Promise<Verdict> {
  const verdicts: Verdict[] = [];
  for (const { key, rule } of entries) verdicts.push(await takeAttempt(key, rule, now));
  return strictest(verdicts);
}

/** Forgets keys' counts: the right secret from this account and address ends their streak of guesses. */
export async function forgetAttempts(keys: string[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}

/** Hands back an attempt that succeeded, so a shared address is not used up by people signing in. */
export async function giveBackAttempt(key: string): Promise<void> {
  await db.signInThrottle.updateMany({
    where: { key, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}

/** Waits a throttle's delay; tests pass their own so no real time passes. */
export type Sleep = (milliseconds: number) => Promise<void>;
export const realSleep: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));
