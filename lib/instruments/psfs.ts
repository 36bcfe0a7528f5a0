// Patient-Specific Functional Scale (PSFS).
//
// Source: Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on
// individual patients: a report of a patient specific measure. Physiotherapy Canada
// 1995;47(4):258-263. The patient names activities that are hard because of their problem and
// rates each from 0 ("Unable to perform activity") to 10 ("Able to perform activity at the same
// level as before injury or problem"); those two anchor phrases are the standard form's, as
// reproduced by clinics "with the permission of the authors" (checked against the form copies at
// precisionphysio.com.au/the-patient-specific-functional-scale and bellairept.com/psfs, via the
// project's research notes). The instructions below are this app's own words, not the form's:
// the PSFS is administered by a clinician in conversation, and its spoken script is not
// reproduced here.
//
// Score: the mean of the activity ratings (0-10, higher is better), kept to 2 decimal places
// (half away from zero) and shown to 1. Change between two answers is computed ONLY over the
// activities rated both times (matched by name, ignoring case and surrounding spaces): the mean of
// those activities now minus their mean then. An activity named only once has no change.
//
// Important change (mean): published minimal important differences range from 1.3 to 2.7 points
// (Abbott JH, Schmitt JS. Minimum important differences for the patient-specific functional
// scale, 4 region-specific outcome measures, and the numeric pain rating scale. J Orthop Sports
// Phys Ther 2014;44(8):560-564). This app uses 2 points, within that range, and says so.
// Single activity: a change of less than 3 points is within measurement error (the minimal
// detectable change at 90% confidence for one activity; 2 points for the mean), Stratford 1995.
//
// Licence: no licence terms are published by the authors; RehabMeasures lists its cost as "Free"
// (rehabmeasures.org, instrument 890). Only the two anchor phrases of the form are reproduced.
import { roundHalfUp, sum } from "./scoring";
import type { ActivitiesItem, AnswerProblem, Answers, InstrumentDefinition, ScoreResult } from "./types";

export const psfsActivities: ActivitiesItem = {
  kind: "activities",
  id: "activities",
  text: "Activities that are hard because of your hip or back",
  minActivities: 1,
  maxActivities: 5,
  maxNameLength: 100,
  rating: {
    min: 0,
    max: 10,
    minLabel: "Unable to perform activity",
    maxLabel: "Able to perform activity at the same level as before injury or problem",
  },
};

/** How activities are matched between answers: case and surrounding spaces do not matter. */
export const activityKey = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");

function scorePsfs(answers: Answers): ScoreResult {
  const item = psfsActivities;
  const problems: AnswerProblem[] = [];
  const given = answers.activities;
  if (given.length < item.minActivities) {
    problems.push({ field: "activities", message: "Name at least one activity and rate it." });
  }
  if (given.length > item.maxActivities) {
    problems.push({ field: "activities", message: `Name at most ${item.maxActivities} activities.` });
  }
  const seen = new Set<string>();
  const rated: { name: string; rating: number }[] = [];
  given.forEach((activity, index) => {
    const name = activity.name.trim();
    if (name === "") problems.push({ field: `activities.${index}.name`, message: "Name the activity." });
    else if (name.length > item.maxNameLength) {
      problems.push({
        field: `activities.${index}.name`,
        message: `Keep the activity's name to ${item.maxNameLength} characters or fewer.`,
      });
    } else if (seen.has(activityKey(name))) {
      problems.push({ field: `activities.${index}.name`, message: "This activity is already in the list." });
    }
    seen.add(activityKey(name));
    const rating = activity.rating;
    if (rating === null || rating === undefined) {
      problems.push({ field: `activities.${index}.rating`, message: "Rate this activity from 0 to 10." });
    } else if (!Number.isInteger(rating) || rating < item.rating.min || rating > item.rating.max) {
      problems.push({ field: `activities.${index}.rating`, message: "Use a whole number from 0 to 10." });
    } else rated.push({ name, rating });
  });
  if (problems.length > 0) return { ok: false, problems };
  const mean = sum(rated.map((activity) => activity.rating)) / rated.length;
  return { ok: true, score: roundHalfUp(mean, 2), activities: rated };
}

export type ActivityChange = {
  name: string;
  before: number;
  after: number;
  change: number;
  beyondError: boolean;
};

/**
 * The change between two PSFS answers over the activities rated both times: each activity's change
 * (beyond measurement error at 3 points or more) and the change of their mean, which is important
 * at 2 points or more. Comparisons use whole-number sums, so no rounding decides an edge.
 */
export function psfsChange(
  before: readonly { name: string; rating: number }[],
  after: readonly { name: string; rating: number }[],
): { activities: ActivityChange[]; meanChange: number | null; important: boolean } {
  const earlier = new Map(before.map((activity) => [activityKey(activity.name), activity]));
  const activities: ActivityChange[] = [];
  for (const activity of after) {
    const then = earlier.get(activityKey(activity.name));
    if (!then) continue;
    const change = activity.rating - then.rating;
    activities.push({
      name: activity.name,
      before: then.rating,
      after: activity.rating,
      change,
      beyondError: Math.abs(change) >= psfsActivityErrorPoints,
    });
  }
  if (activities.length === 0) return { activities, meanChange: null, important: false };
  const totalChange = sum(activities.map((activity) => activity.change));
  return {
    activities,
    meanChange: roundHalfUp(totalChange / activities.length, 2),
    important: Math.abs(totalChange) >= psfsImportantMeanChange * activities.length,
  };
}

export const psfsImportantMeanChange = 2;
export const psfsActivityErrorPoints = 3;

export const psfs: InstrumentDefinition = {
  id: "PSFS",
  version: 1,
  name: "Patient-Specific Functional Scale",
  shortName: "PSFS",
  description:
    "You name up to 5 everyday activities that your hip or back makes hard, and rate how well you can do each one. Next time you rate the same activities again, so you can both see what changed.",
  instructions:
    "Name 1 to 5 activities that you are unable to do, or find hard, because of your hip or back. Rate each from 0 to 10.",
  regions: ["HIP", "BACK"],
  atBaseline: true,
  patientMayStart: true,
  sections: [{ id: "activities", items: [psfsActivities] }],
  range: {
    min: 0,
    max: 10,
    higherIsBetter: true,
    decimals: 2,
    rounding: "half away from zero",
    unit: "points",
  },
  missingAnswers:
    "Every activity named must be rated; an activity that is not rated is an error, not left out. At a follow-up, an activity named at the start but not rated again simply has no change.",
  scoringRule:
    "The mean of the activity ratings (0 to 10, higher is better). Change is the mean over the activities rated both times.",
  importantChange: {
    points: psfsImportantMeanChange,
    rule: "A change of 2 points or more in the mean is important (published values range from 1.3 to 2.7; this app uses 2). For a single activity, less than 3 points is within measurement error.",
    citation:
      "Abbott JH, Schmitt JS. J Orthop Sports Phys Ther 2014;44(8):560-564 (mean); Stratford P et al. Physiotherapy Canada 1995;47(4):258-263 (single activity).",
  },
  activityError: {
    points: psfsActivityErrorPoints,
    rule: "A single activity's change of less than 3 points is within measurement error.",
    citation: "Stratford P et al. Physiotherapy Canada 1995;47(4):258-263.",
  },
  licence:
    "No licence terms published by the authors; listed as free by RehabMeasures (instrument 890). Only the form's two anchor phrases are reproduced.",
  sources: [
    "Stratford P, Gill C, Westaway M, Binkley J. Physiotherapy Canada 1995;47(4):258-263.",
    "Abbott JH, Schmitt JS. J Orthop Sports Phys Ther 2014;44(8):560-564.",
  ],
  score: scorePsfs,
};
