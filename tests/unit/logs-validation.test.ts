import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { limits, painRating } from "@/lib/validation/fields";
import {
  checkInSchema,
  painEntryEditSchema,
  recordRefSchema,
  sessionEntrySchema,
  sessionSchema,
} from "@/lib/validation/logs";
import { addRoutineItemSchema } from "@/lib/validation/routine";

const now = new Date("2026-11-27T12:00:00Z");
const clock = () => now;
const requestId = "6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

const validEntry = { exerciseId: "cm0exercise01", side: "LEFT", sets: "2", reps: "3", holdSeconds: "30" };
const validSession = {
  clientRequestId: requestId,
  startedAt: "2026-11-27T10:00:00Z",
  painBefore: "5",
  painAfter: "3",
  painArea: "LEFT_HIP",
  notes: "",
  entries: [validEntry],
};

describe("the area of a session's pain ratings", () => {
  it("is required once either rating is given, and optional when neither is", () => {
    const clock = () => new Date("2026-11-28T00:00:00Z");
    const { painArea: _area, ...withoutArea } = validSession;
    const missing = sessionSchema(clock).safeParse(withoutArea);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(["painArea"]);
    expect(sessionSchema(clock).safeParse({ ...withoutArea, painBefore: "", painAfter: "4" }).success).toBe(
      false,
    );
    expect(sessionSchema(clock).safeParse({ ...withoutArea, painBefore: "", painAfter: "" }).success).toBe(
      true,
    );
    expect(sessionSchema(clock).safeParse({ ...validSession, painArea: "NOT_GIVEN" }).success).toBe(false);
  });
});

describe("pain ratings", () => {
  it("accept every whole number from 0 to 10, as numbers or form strings", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.boolean(), (rating, asString) => {
        expect(painRating.parse(asString ? String(rating) : rating)).toBe(rating);
      }),
    );
  });

  it("refuse anything else: out of range, fractions, words, not-a-number", () => {
    const invalid = fc.oneof(
      fc.integer({ min: 11 }),
      fc.integer({ max: -1 }),
      fc.double({ min: 0, max: 10, noInteger: true }),
      fc.constantFrom("ten", "NaN", "Infinity", "1e1x", ""),
    );
    fc.assert(
      fc.property(invalid, (value) => {
        expect(painRating.safeParse(value).success).toBe(false);
      }),
    );
  });
});

describe('strict numbers (issue 12: " " was stored as 0, true as 1, "1e1" as 10)', () => {
  it.each([
    " ",
    "  5",
    "5 ",
    true,
    false,
    [5],
    ["5"],
    "0x5",
    "0b1",
    "0o7",
    "1e1",
    "+5",
    "5.0",
    "٥",
    {},
    null,
  ])("refuses the pain rating %j", (value) => {
    const result = painRating.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^Choose a pain rating from 0/);
  });

  it.each([" ", true, [5], "0x5", "1e1", "Infinity", "5 sets"])("refuses the count of sets %j", (value) => {
    const result = sessionEntrySchema.safeParse({ ...validEntry, sets: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Enter sets as a number."]);
  });

  it("still explains a fraction or a negative count in words", () => {
    expect(sessionEntrySchema.safeParse({ ...validEntry, sets: "2.5" }).error?.issues[0]?.message).toBe(
      "Use a whole number for sets.",
    );
    expect(sessionEntrySchema.safeParse({ ...validEntry, sets: "-1" }).error?.issues[0]?.message).toBe(
      "Sets cannot be less than 0.",
    );
  });
});

describe("a session entry", () => {
  it("accepts any counts within the limits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: limits.sets }),
        fc.integer({ min: 0, max: limits.reps }),
        fc.integer({ min: 0, max: limits.holdSeconds }),
        fc.constantFrom("LEFT", "RIGHT", "BOTH"),
        (sets, reps, holdSeconds, side) => {
          expect(sessionEntrySchema.parse({ exerciseId: "abc", side, sets, reps, holdSeconds })).toEqual({
            exerciseId: "abc",
            side,
            sets,
            reps,
            holdSeconds,
          });
        },
      ),
    );
  });

  it("refuses negative or absurd counts on the field concerned", () => {
    const field = fc.constantFrom("sets", "reps", "holdSeconds");
    const overLimit = (name: string) =>
      ({ sets: limits.sets, reps: limits.reps, holdSeconds: limits.holdSeconds })[name] ?? 0;
    fc.assert(
      fc.property(field, fc.boolean(), fc.integer({ min: 1, max: 10_000 }), (name, negative, by) => {
        const value = negative ? -by : overLimit(name) + by;
        const result = sessionEntrySchema.safeParse({ ...validEntry, [name]: value });
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(name);
      }),
    );
  });

  it("refuses a side other than left, right or both, and an exercise id with odd characters", () => {
    expect(sessionEntrySchema.safeParse({ ...validEntry, side: "MIDDLE" }).success).toBe(false);
    expect(sessionEntrySchema.safeParse({ ...validEntry, exerciseId: "'; DROP TABLE" }).success).toBe(false);
  });
});

describe("a session", () => {
  it("accepts any moment from 1970 up to now", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: now.getTime() }), (ms) => {
        const parsed = sessionSchema(clock).parse({ ...validSession, startedAt: new Date(ms).toISOString() });
        expect(parsed.startedAt.getTime()).toBe(ms);
      }),
    );
  });

  it("refuses moments in the future (beyond a minute of clock skew) and before 1970", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61_000, max: 10 * 365 * 86_400_000 }), (ahead) => {
        const result = sessionSchema(clock).safeParse({
          ...validSession,
          startedAt: new Date(now.getTime() + ahead).toISOString(),
        });
        expect(result.success).toBe(false);
      }),
    );
    expect(
      sessionSchema(clock).safeParse({ ...validSession, startedAt: "1969-07-20T20:17:00Z" }).success,
    ).toBe(false);
    expect(sessionSchema(clock).safeParse({ ...validSession, startedAt: "not a date" }).success).toBe(false);
  });

  it("keeps notes up to 2,000 characters exactly as typed, and refuses longer ones", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: limits.notes }), (notes) => {
        expect(sessionSchema(clock).parse({ ...validSession, notes }).notes).toBe(notes);
      }),
    );
    expect(
      sessionSchema(clock).safeParse({ ...validSession, notes: "a".repeat(limits.notes + 1) }).success,
    ).toBe(false);
  });

  it("needs at least one entry with a set done, and at most 60 entries", () => {
    expect(sessionSchema(clock).safeParse({ ...validSession, entries: [] }).success).toBe(false);
    expect(
      sessionSchema(clock).safeParse({ ...validSession, entries: [{ ...validEntry, sets: "0" }] }).success,
    ).toBe(false);
    const many = Array.from({ length: limits.entries + 1 }, () => validEntry);
    expect(sessionSchema(clock).safeParse({ ...validSession, entries: many }).success).toBe(false);
  });

  it("treats blank pain fields as not given", () => {
    const parsed = sessionSchema(clock).parse({ ...validSession, painBefore: "", painAfter: "" });
    expect(parsed.painBefore).toBeUndefined();
    expect(parsed.painAfter).toBeUndefined();
  });

  it("needs a request id that is a UUID", () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        fc.pre(!/^[0-9a-f-]{36}$/i.test(id));
        expect(sessionSchema(clock).safeParse({ ...validSession, clientRequestId: id }).success).toBe(false);
      }),
    );
  });
});

describe("a pain check-in", () => {
  it("accepts any subset of rated regions as long as one is rated", () => {
    const rating = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });
    fc.assert(
      fc.property(rating, rating, rating, (left, right, back) => {
        const result = checkInSchema(clock).safeParse({
          clientRequestId: requestId,
          LEFT_HIP: left === undefined ? "" : String(left),
          RIGHT_HIP: right === undefined ? "" : String(right),
          LOWER_BACK: back === undefined ? "" : String(back),
        });
        expect(result.success).toBe([left, right, back].some((value) => value !== undefined));
        if (result.success)
          expect([result.data.LEFT_HIP, result.data.RIGHT_HIP, result.data.LOWER_BACK]).toEqual([
            left,
            right,
            back,
          ]);
      }),
    );
  });
});

describe("editing a pain entry and referring to a record", () => {
  it("validates the rating, the time and the ids", () => {
    const valid = {
      clientRequestId: requestId,
      id: "abc123",
      rating: "4",
      recordedAt: "2026-11-26T08:00:00Z",
      note: "ok",
    };
    expect(painEntryEditSchema(clock).parse(valid)).toMatchObject({ rating: 4, note: "ok" });
    expect(painEntryEditSchema(clock).safeParse({ ...valid, rating: "12" }).success).toBe(false);
    expect(
      painEntryEditSchema(clock).safeParse({ ...valid, recordedAt: "2027-01-01T00:00:00Z" }).success,
    ).toBe(false);
    fc.assert(
      fc.property(fc.string({ minLength: 41 }), (id) => {
        expect(recordRefSchema.safeParse({ clientRequestId: requestId, id }).success).toBe(false);
      }),
    );
  });
});

describe("a routine item", () => {
  it("turns any non-empty set of checked weekdays into the matching bit mask", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), (days) => {
        const parsed = addRoutineItemSchema.parse({
          clientRequestId: requestId,
          exerciseId: "abc",
          sets: "1",
          reps: "1",
          holdSeconds: "30",
          days: days.map(String),
        });
        expect(parsed.days).toBe(days.reduce((mask, day) => mask | (1 << day), 0));
        for (let day = 0; day < 7; day++) expect((parsed.days & (1 << day)) !== 0).toBe(days.includes(day));
      }),
    );
  });

  it("reads the per-side checkbox as on only when it is checked", () => {
    const base = {
      clientRequestId: requestId,
      exerciseId: "abc",
      sets: "1",
      reps: "1",
      holdSeconds: "0",
      days: "0",
    };
    expect(addRoutineItemSchema.parse({ ...base, perSide: "on" }).perSide).toBe(true);
    expect(addRoutineItemSchema.parse(base).perSide).toBe(false);
  });
});
