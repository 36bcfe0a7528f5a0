// Every number the app's clinical rules turn on, in one place. Pain is a 0-10 numeric rating
// scale (NPRS). Values marked "app convention" are this app's choices, not published cut-offs;
// they are stated on the pages that use them so a physiotherapist can weigh them.

/**
 * A change of 2 points or more on the 0-10 scale is "better" or "worse"; anything smaller is
 * "about the same". The minimal detectable change of the NPRS is about 2 points (Childs JD,
 * Piva SR, Fritz JM. Responsiveness of the numeric pain rating scale in patients with low back
 * pain. Spine 2005;30(11):1331-4); reported minimal important differences range 1.5-3.5 points
 * (Abbott JH, Schmitt J. Minimum important differences for the patient-specific functional scale,
 * 4 region-specific outcome measures, and the numeric pain rating scale. JOSPT 2014;44(8):560-4);
 * about 2 points or 30% is clinically important (Farrar JT et al. Clinical importance of changes
 * in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain
 * 2001;94(2):149-58). The same rule is used both ways.
 */
export const meaningfulChangePoints = 2;

/** The two windows compared for "better or worse": the last 7 local days and the 7 before. */
export const trendWindowDays = 7;

/**
 * A window's mean is trusted only with ratings on at least this many of its 7 days (app
 * convention: more than half the week, so one bad day cannot set the direction).
 */
export const minimumDaysPerTrendWindow = 4;

/**
 * A flare: an area's latest rating at least `meaningfulChangePoints` above that same area's own
 * baseline, the mean of its daily means over the 14 local days before the rating's day (that day
 * excluded). The rise uses the same 2-point rule as above (Childs 2005).
 */
export const flareBaselineDays = 14;

/** A baseline needs ratings on at least this many of its 14 days, otherwise "too few ratings" (app convention). */
export const minimumBaselineDays = 4;

/**
 * A rating of 7 or more is "severe pain", its own flag. 7-10 is the usual "severe" band of the
 * 0-10 scale (Serlin RC et al. When is cancer pain mild, moderate, or severe? Grading pain
 * severity by its interference with function. Pain 1995;61(2):277-84); using it as a flag on its
 * own, whatever the baseline, is the app's convention.
 */
export const severePainRating = 7;

/** Only ratings from the last 14 days raise flags; older ones are shown with their date (app convention). */
export const latestPainWindowDays = 14;

/**
 * "Inactive" after this many days with nothing logged, and never before this many days have
 * passed since the patient was linked or their routine started (app convention).
 */
export const inactiveAfterDays = 5;

/** "Low adherence" when fewer than this share of due days had a session (app convention)... */
export const lowAdherencePercent = 50;
/** ...over this many days (app convention). */
export const adherenceFlagDays = 14;

/**
 * A week is "on target" when at least this share of its due days had a session; the
 * physiotherapist can set it per patient (User.weeklyTargetPercent). App convention: 80% means
 * every due day of a 3-day routine, 4 of 5 on a 5-day one.
 */
export const defaultWeeklyTargetPercent = 80;

/**
 * The per-exercise comparison names an exercise only with at least this many sessions rated
 * before and after (app convention: fewer cannot tell a pattern from a few good days), and only
 * for a change of `meaningfulChangePoints` or more. It shows association, not cause: a session
 * holds several exercises.
 */
export const minimumSessionsPerExercise = 5;

/**
 * Means of daily means are not exact in binary (6 - 4.1 is 1.9000000000000004), so a value that
 * meets a threshold on paper must not miss it by a rounding error. Compare with `atLeast`.
 */
export const thresholdEpsilon = 1e-9;

/** `value >= threshold`, tolerant of binary rounding in means. */
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - thresholdEpsilon;
}
