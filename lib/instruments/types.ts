// The one format every outcome measure is written in. An instrument is data (its questions,
// answer options, ranges, thresholds, licence and sources) plus one pure `score` function built
// from the helpers in scoring.ts. The app (forms, validation, storage, charts, caseload) reads
// only this shape, so adding a licensed instrument is adding one file and listing it in index.ts.

/** Where an instrument may be offered: by the patient's pain areas. */
export type InstrumentRegion = "HIP" | "BACK";

/** One answer option of a choice item: the value stored and scored, and the label shown. */
export type AnswerOption = { value: number; label: string };

/** A question answered by choosing one option. */
export type ChoiceItem = {
  kind: "choice";
  /** Stable key of the stored answer; never reused for another question. */
  id: string;
  text: string;
  options: readonly AnswerOption[];
};

/**
 * Named activities, each rated on a numeric scale (the PSFS shape): the patient names from
 * `minActivities` to `maxActivities`, and at follow-ups re-rates the ones named before.
 */
export type ActivitiesItem = {
  kind: "activities";
  id: string;
  text: string;
  minActivities: number;
  maxActivities: number;
  maxNameLength: number;
  rating: { min: number; max: number; minLabel: string; maxLabel: string };
};

export type Item = ChoiceItem | ActivitiesItem;

/** Items under one stem ("During the last week…"), as the instrument groups them. */
export type Section = { id: string; title?: string; stem?: string; items: readonly Item[] };

/** What a patient sends: a value per choice item, and the named activities with their ratings. */
export type Answers = {
  choices: Record<string, number | null | undefined>;
  activities: { name: string; rating?: number | null }[];
};

/** A problem with one answer, named by its field path ("choices.q1", "activities.2.rating"). */
export type AnswerProblem = { field: string; message: string };

/** A complete score, or why there is none. Scores are numbers in the instrument's own range. */
export type ScoreResult =
  | {
      ok: true;
      score: number;
      /** Subscale scores by id (ODI-style instruments have none; STarT Back has "distress"). */
      subscales?: Record<string, number>;
      /** A named group the score falls into (a risk group), when the instrument defines one. */
      group?: string;
      /** Per-activity ratings for activity instruments, in the order given. */
      activities?: { name: string; rating: number }[];
    }
  | { ok: false; problems: AnswerProblem[] };

/** The threshold a change must reach to be called important, with where it comes from. */
export type ImportantChange = {
  /** In score points; a change of at least this size (either way) is important. */
  points: number;
  /** The rule in words, as shown next to the chart. */
  rule: string;
  citation: string;
};

export type InstrumentDefinition = {
  /** Stable id, used in URLs (lower-cased) and stored with every answer. */
  id: string;
  /** Bumped whenever wording, options or scoring change; stored with every answer. */
  version: number;
  name: string;
  shortName: string;
  /** Who it is for and what it measures, shown before the questions. */
  description: string;
  /** Published instructions, shown verbatim above the questions. */
  instructions: string;
  regions: readonly InstrumentRegion[];
  /**
   * false for instruments that are themselves a change score (a global rating of change): asked at
   * follow-ups only, never as the first answer.
   */
  atBaseline: boolean;
  /** Whether a patient may start it without an assignment from their physiotherapist. */
  patientMayStart: boolean;
  sections: readonly Section[];
  range: {
    min: number;
    max: number;
    higherIsBetter: boolean;
    /** Decimal places the score is stored and shown with, and how it is rounded. */
    decimals: number;
    rounding: string;
    unit: string;
  };
  /** The missing-answer rule in words (the `score` function enforces it). */
  missingAnswers: string;
  /** How the score is computed, in words. */
  scoringRule: string;
  /**
   * What counts as an important change between two scores, or null where no published figure
   * fits this app's patients (then a change is shown in points and not labelled).
   */
  importantChange: ImportantChange | null;
  /**
   * For instruments that are themselves a change rating: an answer at or beyond ±points is an
   * important change (the score is compared with 0, not with a baseline).
   */
  importantRating?: ImportantChange;
  /** Per-activity measurement error: a change smaller than this is within error. */
  activityError?: { points: number; rule: string; citation: string };
  licence: string;
  sources: readonly string[];
  score: (answers: Answers) => ScoreResult;
};
