// Failed sign-ins slow down further attempts per account and per client address. The delay grows
// with each failure but is capped, and failures older than the window are forgotten, so nobody is
// ever locked out for good (ASVS 5.0 V6.3.1).

export type ThrottleState = { failures: number; windowStart: Date; lastFailure: Date };
export type ThrottleRule = {
  freeAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  windowSeconds: number;
};

export const accountThrottle: ThrottleRule = {
  freeAttempts: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  windowSeconds: 60 * 60,
};

// An address may be shared (a clinic, a mobile carrier), so it gets more room.
export const addressThrottle: ThrottleRule = {
  freeAttempts: 20,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  windowSeconds: 60 * 60,
};

function activeFailures(state: ThrottleState | null, now: Date, rule: ThrottleRule): number {
  if (!state) return 0;
  return now.getTime() - state.lastFailure.getTime() > rule.windowSeconds * 1000 ? 0 : state.failures;
}

/** Seconds to wait before the next attempt is even checked; 0 when it may go ahead. */
export function retryAfterSeconds(state: ThrottleState | null, now: Date, rule: ThrottleRule): number {
  const failures = activeFailures(state, now, rule);
  if (!state || failures < rule.freeAttempts) return 0;
  const delay = Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** (failures - rule.freeAttempts));
  // Clamped: a failure stamped by an instance whose clock runs ahead must not stretch the cap.
  const waited = Math.max(0, (now.getTime() - state.lastFailure.getTime()) / 1000);
  return Math.max(0, Math.ceil(delay - waited));
}

export function recordFailure(state: ThrottleState | null, now: Date, rule: ThrottleRule): ThrottleState {
  const failures = activeFailures(state, now, rule);
  return {
    failures: failures + 1,
    windowStart: failures === 0 || !state ? now : state.windowStart,
    lastFailure: now,
  };
}
