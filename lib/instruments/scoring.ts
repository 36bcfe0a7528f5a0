// Building blocks for `score` functions. Each is pure and exact for the integer answers
// instruments use; rounding happens once, at the end, with roundHalfUp.
import type { AnswerProblem, Answers, ChoiceItem } from "./types";

/** Rounds half away from zero to `decimals` places (1.25 -> 1.3, -1.25 -> -1.3), without binary drift. */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Adding a tiny epsilon relative to the magnitude settles x.5 stored as x.4999999.
  const rounded = Math.round(scaled + scaled * Number.EPSILON * 4) / factor;
  return value < 0 ? -rounded : rounded;
}

/** The value given for each item (undefined when not answered); out-of-range values are problems. */
export function choiceValues(
  items: readonly ChoiceItem[],
  answers: Answers,
): { values: (number | undefined)[]; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const values = items.map((item) => {
    const value = answers.choices[item.id];
    if (value === null || value === undefined) return undefined;
    if (!item.options.some((option) => option.value === value)) {
      problems.push({ field: `choices.${item.id}`, message: "Choose one of the answers shown." });
      return undefined;
    }
    return value;
  });
  return { values, problems };
}

/** Problems for every unanswered item, for instruments where all must be answered. */
export function requireAll(items: readonly ChoiceItem[], values: (number | undefined)[]): AnswerProblem[] {
  return items.flatMap((item, index) =>
    values[index] === undefined ? [{ field: `choices.${item.id}`, message: "Choose an answer." }] : [],
  );
}

export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Percentage of the maximum over the answered items (the Oswestry shape): total / (maxPerItem x
 * answered) x 100. Returns null when fewer than `minAnswered` items were answered.
 */
export function percentOfAnsweredMaximum(
  values: readonly (number | undefined)[],
  maxPerItem: number,
  minAnswered: number,
): number | null {
  const answered = values.filter((value): value is number => value !== undefined);
  if (answered.length < minAnswered || answered.length === 0) return null;
  return (sum(answered) / (maxPerItem * answered.length)) * 100;
}

/** A lookup table from raw score to reported score (a Rasch conversion table, for example). */
export function lookup(table: Readonly<Record<number, number>>, raw: number): number {
  const value = table[raw];
  if (value === undefined) throw new Error(`No table row for raw score ${raw}.`);
  return value;
}

/** The first group whose test the scores pass (risk groups): checked in order, so order them. */
export function groupOf<S>(
  scores: S,
  groups: readonly { id: string; when: (scores: S) => boolean }[],
): string {
  const group = groups.find((candidate) => candidate.when(scores));
  if (!group) throw new Error("No group matched: the groups must cover every score.");
  return group.id;
}
