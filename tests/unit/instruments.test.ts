import { describe, expect, it } from "vitest";
import { groc, grocItem } from "@/lib/instruments/groc";
import { instrumentFor, instruments } from "@/lib/instruments/index";
import { psfs, psfsChange } from "@/lib/instruments/psfs";
import {
  choiceValues,
  groupOf,
  lookup,
  percentOfAnsweredMaximum,
  requireAll,
  roundHalfUp,
  sum,
} from "@/lib/instruments/scoring";
import type { Answers, ChoiceItem } from "@/lib/instruments/types";

const activities = (...ratings: (number | null)[]): Answers => ({
  choices: {},
  activities: ratings.map((rating, index) => ({ name: `Activity ${index + 1}`, rating })),
});

describe("PSFS score: the mean of the rated activities, 2 decimals, half away from zero", () => {
  // Every mean of 1 to 5 whole ratings 0-10 is a multiple of 1/n; each possible total is checked
  // against total / n computed by hand (exact fractions, rounded to 2 places).
  for (let count = 1; count <= 5; count += 1) {
    it(`is right for every total of ${count} activit${count === 1 ? "y" : "ies"}`, () => {
      for (let total = 0; total <= 10 * count; total += 1) {
        const ratings = Array.from({ length: count }, (_, index) =>
          Math.min(10, Math.max(0, total - 10 * index)),
        );
        expect(sum(ratings)).toBe(total);
        const result = psfs.score(activities(...ratings));
        // The expected value by integer arithmetic: hundredths = round(total * 100 / count).
        const hundredths = Math.floor((total * 200 + count) / (2 * count));
        expect(result).toMatchObject({ ok: true, score: hundredths / 100 });
      }
    });
  }

  it("states known means exactly", () => {
    expect(psfs.score(activities(3))).toMatchObject({ score: 3 });
    expect(psfs.score(activities(3, 4))).toMatchObject({ score: 3.5 });
    expect(psfs.score(activities(1, 1, 2))).toMatchObject({ score: 1.33 });
    expect(psfs.score(activities(1, 2, 2))).toMatchObject({ score: 1.67 });
    expect(psfs.score(activities(0, 0, 0, 0, 1))).toMatchObject({ score: 0.2 });
    expect(psfs.score(activities(10, 10, 10, 10, 10))).toMatchObject({ score: 10 });
  });

  it("refuses no activity, six activities, an unrated or out-of-range rating, a blank, long or repeated name", () => {
    expect(psfs.score(activities())).toEqual({
      ok: false,
      problems: [{ field: "activities", message: "Name at least one activity and rate it." }],
    });
    expect(psfs.score(activities(1, 2, 3, 4, 5, 6))).toMatchObject({
      ok: false,
      problems: [{ field: "activities", message: "Name at most 5 activities." }],
    });
    expect(psfs.score(activities(4, null))).toMatchObject({
      ok: false,
      problems: [{ field: "activities.1.rating" }],
    });
    expect(psfs.score(activities(11))).toMatchObject({
      ok: false,
      problems: [{ field: "activities.0.rating" }],
    });
    expect(psfs.score(activities(-1))).toMatchObject({
      ok: false,
      problems: [{ field: "activities.0.rating" }],
    });
    expect(psfs.score(activities(2.5))).toMatchObject({
      ok: false,
      problems: [{ field: "activities.0.rating" }],
    });
    const named = (name: string): Answers => ({ choices: {}, activities: [{ name, rating: 5 }] });
    expect(psfs.score(named("   "))).toMatchObject({ ok: false, problems: [{ field: "activities.0.name" }] });
    expect(psfs.score(named("x".repeat(100)))).toMatchObject({ ok: true });
    expect(psfs.score(named("x".repeat(101)))).toMatchObject({
      ok: false,
      problems: [
        { field: "activities.0.name", message: "Keep the activity's name to 100 characters or fewer." },
      ],
    });
    expect(
      psfs.score({
        choices: {},
        activities: [
          { name: "Stairs", rating: 3 },
          { name: "  stairs ", rating: 4 },
        ],
      }),
    ).toMatchObject({ ok: false, problems: [{ field: "activities.1.name" }] });
  });
});

describe("PSFS change: only over activities rated both times", () => {
  const before = [
    { name: "Climbing stairs", rating: 3 },
    { name: "Putting on socks", rating: 4 },
    { name: "Walking 30 minutes", rating: 2 },
  ];

  it("ignores activities named only once, matches names ignoring case and spaces", () => {
    const after = [
      { name: "climbing  STAIRS ", rating: 6 },
      { name: "Putting on socks", rating: 5 },
      { name: "Gardening", rating: 9 },
    ];
    const change = psfsChange(before, after);
    expect(change.activities.map((activity) => [activity.before, activity.after, activity.change])).toEqual([
      [3, 6, 3],
      [4, 5, 1],
    ]);
    // (3 + 1) / 2 = 2: important exactly at the edge; a plain difference of means would say 6.67 - 3.
    expect(change.meanChange).toBe(2);
    expect(change.important).toBe(true);
    expect(change.activities.map((activity) => activity.beyondError)).toEqual([true, false]);
  });

  it("puts the mean's threshold at 2 points and the single activity's at 3, both ways", () => {
    const one = (from: number, to: number) =>
      psfsChange([{ name: "Stairs", rating: from }], [{ name: "Stairs", rating: to }]);
    expect(one(3, 5)).toMatchObject({ meanChange: 2, important: true });
    expect(one(3, 4)).toMatchObject({ meanChange: 1, important: false });
    expect(one(5, 3)).toMatchObject({ meanChange: -2, important: true });
    expect(one(5, 4)).toMatchObject({ meanChange: -1, important: false });
    expect(one(3, 6).activities[0]?.beyondError).toBe(true);
    expect(one(3, 5).activities[0]?.beyondError).toBe(false);
    expect(one(6, 3).activities[0]?.beyondError).toBe(true);
    expect(one(6, 4).activities[0]?.beyondError).toBe(false);
  });

  it("decides thirds without rounding: +5 over 3 activities (1.67) is not important, +6 (2) is", () => {
    const three = (changes: number[]) =>
      psfsChange(
        changes.map((_, index) => ({ name: `A${index}`, rating: 2 })),
        changes.map((change, index) => ({ name: `A${index}`, rating: 2 + change })),
      );
    expect(three([2, 2, 1])).toMatchObject({ meanChange: 1.67, important: false });
    expect(three([2, 2, 2])).toMatchObject({ meanChange: 2, important: true });
    expect(three([-2, -2, -1])).toMatchObject({ meanChange: -1.67, important: false });
  });

  it("has no change when no activity was rated both times", () => {
    expect(psfsChange(before, [{ name: "Gardening", rating: 9 }])).toEqual({
      activities: [],
      meanChange: null,
      important: false,
    });
  });
});

describe("Global rating of change", () => {
  it("scores every answer from -7 to +7 as itself, with the 15 labels of the scale", () => {
    expect(grocItem.options).toHaveLength(15);
    for (let value = -7; value <= 7; value += 1) {
      expect(groc.score({ choices: { change: value }, activities: [] })).toEqual({ ok: true, score: value });
    }
    expect(grocItem.options.find((option) => option.value === 7)?.label).toBe("+7: A very great deal better");
    expect(grocItem.options.find((option) => option.value === 0)?.label).toBe("0: No change");
    expect(grocItem.options.find((option) => option.value === -7)?.label).toBe("-7: A very great deal worse");
  });

  it("refuses a missing or out-of-scale answer", () => {
    expect(groc.score({ choices: {}, activities: [] })).toEqual({
      ok: false,
      problems: [{ field: "choices.change", message: "Choose an answer." }],
    });
    expect(groc.score({ choices: { change: 8 }, activities: [] })).toMatchObject({ ok: false });
    expect(groc.score({ choices: { change: 1.5 }, activities: [] })).toMatchObject({ ok: false });
  });

  it("is never a first answer, and its important rating is ±3", () => {
    expect(groc.atBaseline).toBe(false);
    expect(groc.patientMayStart).toBe(false);
    expect(groc.importantRating?.points).toBe(3);
    expect(groc.importantChange).toBeNull();
  });
});

describe("the instrument format", () => {
  it("lists PSFS and the global rating of change, each with a citation and licence terms", () => {
    expect(instruments.map((instrument) => instrument.id)).toEqual(["PSFS", "GROC"]);
    for (const instrument of instruments) {
      expect(instrument.licence.length).toBeGreaterThan(10);
      expect(instrument.sources.length).toBeGreaterThan(0);
      expect(instrumentFor(instrument.id.toLowerCase())).toBe(instrument);
    }
    expect(instrumentFor("hoos-jr")).toBeUndefined();
  });

  it("rounds half away from zero without binary drift", () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(-1.25, 1)).toBe(-1.3);
    expect(roundHalfUp(1.24999, 1)).toBe(1.2);
    expect(roundHalfUp(0, 2)).toBe(0);
  });

  // A made-up instrument in the shapes licensed back questionnaires use (no real wording): 10
  // sections scored 0-5 as a percentage of the maximum over the answered ones (one may be missing),
  // a 0-9 total with a 0-5 subscale, risk groups, and a lookup table. This shows the format can
  // express them, so a clinic with a licence adds one file.
  const sections: ChoiceItem[] = Array.from({ length: 10 }, (_, index) => ({
    kind: "choice",
    id: `s${index + 1}`,
    text: `Section ${index + 1}`,
    options: [0, 1, 2, 3, 4, 5].map((value) => ({ value, label: `Statement ${value}` })),
  }));

  it("expresses a percentage of the maximum over answered sections", () => {
    const answers: Answers = { choices: {}, activities: [] };
    for (const [index, item] of sections.entries()) answers.choices[item.id] = index < 8 ? 2 : 0;
    const { values } = choiceValues(sections, answers);
    expect(percentOfAnsweredMaximum(values, 5, 9)).toBe(32); // 16 / 50 x 100
    answers.choices.s10 = undefined;
    const oneMissing = choiceValues(sections, answers).values;
    expect(roundHalfUp(percentOfAnsweredMaximum(oneMissing, 5, 9) as number, 1)).toBe(35.6); // 16 / 45
    answers.choices.s9 = undefined;
    expect(percentOfAnsweredMaximum(choiceValues(sections, answers).values, 5, 9)).toBeNull();
    expect(requireAll(sections, choiceValues(sections, answers).values).map((p) => p.field)).toEqual([
      "choices.s9",
      "choices.s10",
    ]);
  });

  it("expresses subscales, risk groups and lookup tables", () => {
    const groups = [
      { id: "HIGH", when: (s: { total: number; sub: number }) => s.sub >= 4 },
      { id: "LOW", when: (s: { total: number; sub: number }) => s.total <= 3 },
      { id: "MEDIUM", when: () => true },
    ];
    expect(groupOf({ total: 9, sub: 5 }, groups)).toBe("HIGH");
    expect(groupOf({ total: 4, sub: 0 }, groups)).toBe("MEDIUM");
    expect(groupOf({ total: 4, sub: 4 }, groups)).toBe("HIGH");
    expect(groupOf({ total: 3, sub: 0 }, groups)).toBe("LOW");
    expect(lookup({ 0: 100, 1: 90.5 }, 1)).toBe(90.5);
    expect(() => lookup({ 0: 100 }, 2)).toThrow("No table row for raw score 2.");
  });
});
