import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSessionFresh, type SessionLimits } from "@/lib/domain/session-policy";

// The defaults from DESIGN.md section 8: idle over 30 minutes or age over 12 hours ends a session.
const limits: SessionLimits = { idleSeconds: 30 * 60, maxAgeSeconds: 12 * 60 * 60 };
const signedInAt = 1_790_000_000;

describe("isSessionFresh", () => {
  it("lets a session that was just signed in go on", () => {
    expect(isSessionFresh({ signedInAt, lastSeenAt: signedInAt }, signedInAt, limits)).toBe(true);
  });

  it("lets a session go on after 29 minutes 59 seconds of idleness", () => {
    const lastSeenAt = signedInAt + 600;
    expect(isSessionFresh({ signedInAt, lastSeenAt }, lastSeenAt + 1799, limits)).toBe(true);
  });

  it("lets a session go on after exactly 30 minutes of idleness, since only a gap over the limit ends it", () => {
    const lastSeenAt = signedInAt + 600;
    expect(isSessionFresh({ signedInAt, lastSeenAt }, lastSeenAt + 1800, limits)).toBe(true);
  });

  it("ends a session one second after the 30-minute idle limit", () => {
    const lastSeenAt = signedInAt + 600;
    expect(isSessionFresh({ signedInAt, lastSeenAt }, lastSeenAt + 1801, limits)).toBe(false);
  });

  it("keeps a session alive at exactly 12 hours old when the user has been active throughout", () => {
    const now = signedInAt + 12 * 3600;
    expect(isSessionFresh({ signedInAt, lastSeenAt: now - 5 }, now, limits)).toBe(true);
  });

  it("ends a session older than 12 hours even though the user was active a second ago", () => {
    const now = signedInAt + 12 * 3600 + 1;
    expect(isSessionFresh({ signedInAt, lastSeenAt: now - 1 }, now, limits)).toBe(false);
  });

  it("ends a session a day old even when it was seen this very second", () => {
    const now = signedInAt + 24 * 3600;
    expect(isSessionFresh({ signedInAt, lastSeenAt: now }, now, limits)).toBe(false);
  });

  it.each([
    ["sign-in time is NaN", { signedInAt: Number.NaN, lastSeenAt: signedInAt }],
    ["last-seen time is NaN", { signedInAt, lastSeenAt: Number.NaN }],
    ["both times are NaN, as for a token without them", { signedInAt: Number.NaN, lastSeenAt: Number.NaN }],
    ["last-seen time is infinite", { signedInAt, lastSeenAt: Number.POSITIVE_INFINITY }],
    ["sign-in time is minus infinity", { signedInAt: Number.NEGATIVE_INFINITY, lastSeenAt: signedInAt }],
  ])("refuses a session whose %s", (_, times) => {
    expect(isSessionFresh(times, signedInAt + 10, limits)).toBe(false);
  });

  it("refuses a session whose times are missing altogether", () => {
    const missing = {} as { signedInAt: number; lastSeenAt: number };
    expect(isSessionFresh(missing, signedInAt, limits)).toBe(false);
  });

  it("tolerates a last-seen time up to 60 seconds ahead of this server's clock", () => {
    const now = signedInAt + 100;
    expect(isSessionFresh({ signedInAt, lastSeenAt: now + 60 }, now, limits)).toBe(true);
  });

  it("refuses a last-seen time more than 60 seconds in the future, which no honest server could write", () => {
    const now = signedInAt + 100;
    expect(isSessionFresh({ signedInAt, lastSeenAt: now + 61 }, now, limits)).toBe(false);
  });

  it("refuses a far-future last-seen time that would otherwise keep a session idle-proof", () => {
    const now = signedInAt + 100;
    expect(isSessionFresh({ signedInAt, lastSeenAt: now + 365 * 24 * 3600 }, now, limits)).toBe(false);
  });

  it("refuses a session that claims it was signed in after it was last seen", () => {
    const now = signedInAt + 100;
    expect(isSessionFresh({ signedInAt: now - 10, lastSeenAt: now - 20 }, now, limits)).toBe(false);
  });

  it("honours configured limits rather than the defaults", () => {
    const short = { idleSeconds: 60, maxAgeSeconds: 300 };
    expect(isSessionFresh({ signedInAt, lastSeenAt: signedInAt }, signedInAt + 61, short)).toBe(false);
    expect(isSessionFresh({ signedInAt, lastSeenAt: signedInAt + 250 }, signedInAt + 301, short)).toBe(false);
    expect(isSessionFresh({ signedInAt, lastSeenAt: signedInAt + 250 }, signedInAt + 300, short)).toBe(true);
  });

  it("never lets a session whose idle gap exceeds the limit go on, whatever the other times", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 * 24 * 3600 }),
        fc.integer({ min: 1, max: 30 * 24 * 3600 }),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (idleSeconds, maxAgeSeconds, lastSeenAt, signedInOffset, excess) => {
          const now = lastSeenAt + idleSeconds + excess;
          const times = { signedInAt: lastSeenAt + signedInOffset, lastSeenAt };
          expect(isSessionFresh(times, now, { idleSeconds, maxAgeSeconds })).toBe(false);
        },
      ),
    );
  });

  it("lets any consistent session within both limits go on", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 12 * 3600 }),
        fc.integer({ min: 0, max: 1800 }),
        (signedIn, age, idle) => {
          const now = signedIn + age;
          const lastSeenAt = Math.max(signedIn, now - idle);
          expect(isSessionFresh({ signedInAt: signedIn, lastSeenAt }, now, limits)).toBe(true);
        },
      ),
    );
  });
});
