// One throttle for every guessable secret: passwords (sign-in and password change), invitation
// codes, and sign-ups per address. Attempts are counted per key in a fixed window; the count is
// taken before the secret is checked (lib/data/throttle.ts), so attempts sent at once are counted
// too. Two kinds of rule:
// - "refuse": over the limit, the attempt is not checked at all until the window ends. Used for
//   keys an attacker can only hurt themselves with: their address, or their address and the account
//   they aim at together.
// - "delay": over the limit, each attempt is answered only after a wait that doubles up to a cap.
//   Used per account alone, which anyone anywhere can push: refusing there would lock the owner out
//   (issue 12: five wrong guesses from anywhere locked the owner out), a delay only slows guessing.
// Nothing is ever permanent: a key's count starts again when its window ends.

export type ThrottleRule = {
  /** Attempts per window that go ahead as usual. */
  limit: number;
  windowSeconds: number;
  mode: "refuse" | "delay";
  /** "delay" only: the wait for the first attempt over the limit, doubled for each further one. */
  baseDelaySeconds?: number;
  maxDelaySeconds?: number;
};

/** A key's count after this attempt was taken, and when its window started. */
export type AttemptCount = { attempts: number; windowStart: Date };

export type Verdict =
  | { status: "go"; delaySeconds: number }
  | { status: "refused"; retryAfterSeconds: number };

/** Whether the counter's window has ended at `now` (a new attempt starts a fresh one). */
export function windowEnded(windowStart: Date, now: Date, rule: ThrottleRule): boolean {
  return now.getTime() - windowStart.getTime() >= rule.windowSeconds * 1000;
}

/** What to do with an attempt, given the key's count including it. */
export function judgeAttempt(count: AttemptCount, now: Date, rule: ThrottleRule): Verdict {
  const over = count.attempts - rule.limit;
  if (over <= 0) return { status: "go", delaySeconds: 0 };
  if (rule.mode === "refuse") {
    const ends = count.windowStart.getTime() + rule.windowSeconds * 1000;
    // Clamped: a window stamped by an instance whose clock runs ahead must not stretch the wait.
    const left = Math.min(rule.windowSeconds, Math.max(1, Math.ceil((ends - now.getTime()) / 1000)));
    return { status: "refused", retryAfterSeconds: left };
  }
  const base = rule.baseDelaySeconds ?? 1;
  const cap = rule.maxDelaySeconds ?? base;
  return { status: "go", delaySeconds: Math.min(cap, base * 2 ** Math.min(30, over - 1)) };
}

/** The strictest of several verdicts: any refusal wins (the longest wait), else the longest delay. */
export function strictest(verdicts: Verdict[]): Verdict {
  const refusals = verdicts.filter((verdict) => verdict.status === "refused");
  if (refusals.length > 0) {
    return { status: "refused", retryAfterSeconds: Math.max(...refusals.map((r) => r.retryAfterSeconds)) };
  }
  return {
    status: "go",
    delaySeconds: Math.max(0, ...verdicts.map((v) => (v.status === "go" ? v.delaySeconds : 0))),
  };
}

const minutes = (count: number) => count * 60;

/** Passwords (sign-in and password change share the counters: a guess is a guess). */
export const passwordRules = {
  /** One address guessing one account: the attacker's own pair; the owner elsewhere is untouched. */
  pair: { limit: 5, windowSeconds: minutes(15), mode: "refuse" },
  /** One address guessing many accounts; more room because a clinic or a carrier shares addresses. */
  address: { limit: 30, windowSeconds: minutes(15), mode: "refuse" },
  /** Guesses at one account from anywhere: slowed, never refused, so the owner still gets in. */
  account: {
    limit: 10,
    windowSeconds: minutes(60),
    mode: "delay",
    baseDelaySeconds: 1,
    maxDelaySeconds: 8,
  },
} as const satisfies Record<string, ThrottleRule>;

/** Invitation codes a signed-in patient types. */
export const inviteCodeRules = {
  account: { limit: 10, windowSeconds: minutes(15), mode: "refuse" },
  // Many patients' accounts guessing from one address; codes have 40 bits, so this is plenty.
  address: { limit: 100, windowSeconds: minutes(15), mode: "refuse" },
} as const satisfies Record<string, ThrottleRule>;

/**
 * Messages to one e-mail address (sign-up, password reset, verification): refused over the limit
 * whether or not an account uses the address, so the answer says nothing about it, and nobody can
 * fill someone's inbox. Per client address too, for someone trying many addresses.
 */
export const mailRules = {
  recipient: { limit: 3, windowSeconds: minutes(60), mode: "refuse" },
  address: { limit: 20, windowSeconds: minutes(60), mode: "refuse" },
} as const satisfies Record<string, ThrottleRule>;

/** Sign-ups per address per hour (SIGN_UP_LIMIT_PER_HOUR). */
export function signUpRule(limitPerHour: number): ThrottleRule {
  return { limit: limitPerHour, windowSeconds: minutes(60), mode: "refuse" };
}

/** Throttle keys: the e-mail as typed (lower-cased by the schema), the address as derived by lib/forwarded.ts. */
export const throttleKeys = {
  account: (email: string) => `account:${email}`,
  address: (address: string) => `address:${address}`,
  pair: (email: string, address: string) => `pair:${email}|${address}`,
  inviteCodeAccount: (userId: string) => `invite-code:account:${userId}`,
  inviteCodeAddress: (address: string) => `invite-code:address:${address}`,
  signUpAddress: (address: string) => `sign-up:address:${address}`,
  mailRecipient: (kind: string, email: string) => `mail:${kind}:recipient:${email}`,
  mailAddress: (kind: string, address: string) => `mail:${kind}:address:${address}`,
};
