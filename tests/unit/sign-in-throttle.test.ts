import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountThrottle,
  addressThrottle,
  recordFailure,
  retryAfterSeconds,
  type ThrottleRule,
  type ThrottleState,
} from "@/lib/domain/sign-in-throttle";

const start = new Date("2026-03-02T09:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

/** Records a failed sign-in at each of the given times (seconds after `start`), in order. */
function failAt(
  times: number[],
  rule: ThrottleRule,
  state: ThrottleState | null = null,
): ThrottleState | null {
  let current = state;
  for (const time of times) current = recordFailure(current, at(time), rule);
  return current;
}

/** Fails `count` times, each attempt made as soon as the throttle allows it; returns the state and clock. */
function failAsSoonAsAllowed(count: number, rule: ThrottleRule) {
  let state: ThrottleState | null = null;
  let now = 0;
  const waits: number[] = [];
  for (let attempt = 0; attempt < count; attempt++) {
    now += retryAfterSeconds(state, at(now), rule);
    state = recordFailure(state, at(now), rule);
    waits.push(retryAfterSeconds(state, at(now), rule));
  }
  return { state, now, waits };
}

describe("sign-in throttle", () => {
  it("lets an account with no failed sign-ins try straight away", () => {
    expect(retryAfterSeconds(null, start, accountThrottle)).toBe(0);
    expect(retryAfterSeconds(null, start, addressThrottle)).toBe(0);
  });

  it("does not slow down the first four failed sign-ins for an account", () => {
    const { waits } = failAsSoonAsAllowed(4, accountThrottle);
    expect(waits).toEqual([0, 0, 0, 0]);
  });

  it("makes the account wait 30 s after the 5th failure, doubling each time up to 15 minutes", () => {
    const { waits } = failAsSoonAsAllowed(14, accountThrottle);
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900, 900]);
  });

  it("never asks for more than 15 minutes, even after a thousand failures", () => {
    const { state, now } = failAsSoonAsAllowed(1000, accountThrottle);
    expect(retryAfterSeconds(state, at(now), accountThrottle)).toBe(900);
  });

  it("counts the wait down from the last failure", () => {
    const state = failAt([0, 1, 2, 3, 4], accountThrottle);
    expect(retryAfterSeconds(state, at(4), accountThrottle)).toBe(30);
    expect(retryAfterSeconds(state, at(14), accountThrottle)).toBe(20);
    expect(retryAfterSeconds(state, at(33.5), accountThrottle)).toBe(1);
  });

  it("lets the next attempt through once the wait has been served", () => {
    const state = failAt([0, 1, 2, 3, 4], accountThrottle);
    expect(retryAfterSeconds(state, at(4 + 29), accountThrottle)).toBe(1);
    expect(retryAfterSeconds(state, at(4 + 30), accountThrottle)).toBe(0);
  });

  it("gives a shared client address twenty failures before it slows down", () => {
    const { waits } = failAsSoonAsAllowed(22, addressThrottle);
    expect(waits.slice(0, 19).every((wait) => wait === 0)).toBe(true);
    expect(waits.slice(19)).toEqual([30, 60, 120]);
  });

  it("forgets failures once an hour has passed since the last one, so the count starts again", () => {
    const locked = failAt(
      Array.from({ length: 20 }, (_, i) => i),
      accountThrottle,
    );
    const hourLater = 19 + 3600 + 1;
    expect(retryAfterSeconds(locked, at(hourLater), accountThrottle)).toBe(0);

    const fresh = recordFailure(locked, at(hourLater), accountThrottle);
    expect(fresh.failures).toBe(1);
    expect(fresh.windowStart).toEqual(at(hourLater));
    expect(retryAfterSeconds(fresh, at(hourLater), accountThrottle)).toBe(0);
  });

  it("still remembers failures within the hour, so a 6th failure after a short pause waits 60 s", () => {
    const state = failAt([0, 1, 2, 3, 4, 4 + 600], accountThrottle);
    expect(state?.failures).toBe(6);
    expect(retryAfterSeconds(state, at(4 + 600), accountThrottle)).toBe(60);
  });

  it("never locks anyone out for good: the wait after the cap ends within 15 minutes", () => {
    const { state, now } = failAsSoonAsAllowed(50, accountThrottle);
    expect(retryAfterSeconds(state, at(now + 15 * 60), accountThrottle)).toBe(0);
  });

  it("never asks for more than the cap when the failure was stamped by a server whose clock runs ahead", () => {
    // App instances are stateless and share the throttle rows, so a few seconds of clock skew happen.
    const state = failAt(
      Array.from({ length: 20 }, (_, i) => i),
      accountThrottle,
    );
    expect(retryAfterSeconds(state, at(19 - 10), accountThrottle)).toBeLessThanOrEqual(
      accountThrottle.maxDelaySeconds,
    );
  });

  const ruleArbitrary = fc.oneof(
    fc.constant(accountThrottle),
    fc.constant(addressThrottle),
    fc.record({
      freeAttempts: fc.integer({ min: 0, max: 30 }),
      baseDelaySeconds: fc.integer({ min: 1, max: 600 }),
      maxDelaySeconds: fc.integer({ min: 1, max: 3600 }),
      windowSeconds: fc.integer({ min: 1, max: 24 * 3600 }),
    }),
  );

  it("never asks for more than the cap, and asks for nothing once the cap has passed since the last failure", () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        // Gaps between failures in milliseconds, from back-to-back to two hours apart.
        fc.array(fc.integer({ min: 0, max: 2 * 3600 * 1000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 3 * 3600 * 1000 }),
        (rule, gaps, laterMs) => {
          let state: ThrottleState | null = null;
          let clock = start.getTime();
          for (const gap of gaps) {
            clock += gap;
            state = recordFailure(state, new Date(clock), rule);
            expect(retryAfterSeconds(state, new Date(clock), rule)).toBeLessThanOrEqual(rule.maxDelaySeconds);
          }
          expect(retryAfterSeconds(state, new Date(clock + laterMs), rule)).toBeLessThanOrEqual(
            rule.maxDelaySeconds,
          );
          const capServed = new Date(clock + rule.maxDelaySeconds * 1000 + laterMs);
          expect(retryAfterSeconds(state, capServed, rule)).toBe(0);
        },
      ),
    );
  });
});
