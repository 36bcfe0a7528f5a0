import { describe, expect, it } from "vitest";
import {
  judgeAttempt,
  passwordRules,
  strictest,
  type ThrottleRule,
  windowEnded,
} from "@/lib/domain/throttle";

const start = new Date("2026-03-02T09:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const refuse: ThrottleRule = { limit: 5, windowSeconds: 900, mode: "refuse" };
const delay: ThrottleRule = {
  limit: 10,
  windowSeconds: 3600,
  mode: "delay",
  baseDelaySeconds: 1,
  maxDelaySeconds: 8,
};

describe("judging an attempt", () => {
  it("lets attempts up to the limit go ahead at once, and refuses the next until the window ends", () => {
    for (let attempts = 1; attempts <= 5; attempts++) {
      expect(judgeAttempt({ attempts, windowStart: start }, at(10), refuse)).toEqual({
        status: "go",
        delaySeconds: 0,
      });
    }
    expect(judgeAttempt({ attempts: 6, windowStart: start }, at(10), refuse)).toEqual({
      status: "refused",
      retryAfterSeconds: 890,
    });
    expect(judgeAttempt({ attempts: 60, windowStart: start }, at(899.5), refuse)).toEqual({
      status: "refused",
      retryAfterSeconds: 1,
    });
  });

  it("never asks to wait longer than a window, even for a start stamped in the future", () => {
    expect(judgeAttempt({ attempts: 6, windowStart: at(5000) }, at(0), refuse)).toEqual({
      status: "refused",
      retryAfterSeconds: 900,
    });
  });

  it("only slows down a delay rule: 1 s over the limit, doubling, capped at 8 s", () => {
    const waits = [10, 11, 12, 13, 14, 15, 100].map((attempts) =>
      judgeAttempt({ attempts, windowStart: start }, at(1), delay),
    );
    expect(waits).toEqual([0, 1, 2, 4, 8, 8, 8].map((delaySeconds) => ({ status: "go", delaySeconds })));
  });

  it("starts a new window once the old one has lasted its length", () => {
    expect(windowEnded(start, at(899), refuse)).toBe(false);
    expect(windowEnded(start, at(900), refuse)).toBe(true);
  });

  it("takes the strictest verdict: any refusal, else the longest delay", () => {
    expect(
      strictest([
        { status: "go", delaySeconds: 4 },
        { status: "refused", retryAfterSeconds: 30 },
        { status: "refused", retryAfterSeconds: 60 },
      ]),
    ).toEqual({ status: "refused", retryAfterSeconds: 60 });
    expect(
      strictest([
        { status: "go", delaySeconds: 2 },
        { status: "go", delaySeconds: 0 },
      ]),
    ).toEqual({ status: "go", delaySeconds: 2 });
    expect(strictest([])).toEqual({ status: "go", delaySeconds: 0 });
  });

  it("never refuses per account alone: only the pair and the address refuse", () => {
    expect(passwordRules.account.mode).toBe("delay");
    expect(passwordRules.pair.mode).toBe("refuse");
    expect(passwordRules.address.mode).toBe("refuse");
  });
});
