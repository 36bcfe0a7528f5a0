import type { AreaPainView, OutcomeChangeView } from "@/lib/data/caseload";
import type { Adherence } from "@/lib/domain/caseload";
import { flareBaselineDays, minimumBaselineDays } from "@/lib/domain/clinical-thresholds";
import { formatScoreChange } from "@/lib/domain/outcomes";
import { painTrendLabels } from "@/lib/domain/pain-trend";

const shortDates = new Map<string, Intl.DateTimeFormat>();

/** "3 Mar", on the calendar of the zone given (the patient's, for the patient's data). */
export function formatShortDate(iso: string, timeZone: string): string {
  let format = shortDates.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone });
    shortDates.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

/** Days counted by the server in the patient's zone, so the browser's clock and zone play no part. */
export function lastActivityText(daysSinceActivity: number | null): string {
  if (daysSinceActivity === null) return "Nothing logged yet";
  if (daysSinceActivity === 0) return "Today";
  if (daysSinceActivity === 1) return "Yesterday";
  return `${daysSinceActivity} days ago`;
}

/** "4/5 (80%)": due days with a session out of due days. Null when nothing was due. */
export function adherenceText(adherence: Adherence): string | null {
  return adherence ? `${adherence.done}/${adherence.due} (${adherence.percent}%)` : null;
}

const areaNames: Record<AreaPainView["area"], string> = {
  LEFT_HIP: "Left hip",
  RIGHT_HIP: "Right hip",
  LOWER_BACK: "Lower back",
  NOT_GIVEN: "Area not given",
};
const contextNotes: Record<AreaPainView["context"], string> = {
  CHECK_IN: "",
  BEFORE_SESSION: " before a session",
  AFTER_SESSION: " after a session",
};

/**
 * One area's latest pain as facts: "Left hip 8/10 on 2 Dec; 14-day average 4.1; trend about the
 * same". An after-session rating says so, and a rise right after exercise is compared with the same
 * session's before rating. Older ratings say they are outside the 14-day window.
 */
/** A calendar date the server worked out in the patient's zone of the time, shown as it is. */
function calendarDate(date: string): string {
  return formatShortDate(new Date(`${date}T12:00:00Z`).toISOString(), "UTC");
}

export function areaPainFacts(area: AreaPainView): string {
  const facts = [
    `${areaNames[area.area]} ${area.rating}/10${contextNotes[area.context]} on ${calendarDate(area.date)}`,
  ];
  if (!area.recent) {
    facts.push(`older than ${flareBaselineDays} days, not flagged`);
    return facts.join("; ");
  }
  if (area.riseAfterSession) {
    facts.push(`up from ${area.riseAfterSession.before} before that session`);
  }
  if (area.judged && area.judged.at !== area.at) {
    facts.push(
      `last check-in or before-session rating ${area.judged.rating}/10 on ${calendarDate(area.judged.date)}`,
    );
  }
  if (area.baseline.status === "ok") {
    facts.push(`${flareBaselineDays}-day average ${area.baseline.mean.toFixed(1)}`);
  } else if (area.area !== "NOT_GIVEN") {
    facts.push(
      `too few ratings for a ${flareBaselineDays}-day average (${area.baseline.status === "too-few" ? area.baseline.days : 0} days; needs ${minimumBaselineDays})`,
    );
  }
  if (area.trend && area.trend.direction !== "too-few") {
    facts.push(`last 7 days ${painTrendLabels[area.trend.direction].toLowerCase()}`);
  }
  return facts.join("; ");
}

/**
 * "PSFS +2.5 points since first (important)", "Global change +4 (important)", "PSFS 4.5, first
 * score": the latest change per instrument, labelled only by the instrument's published threshold.
 */
export function outcomeChangeText(outcome: OutcomeChangeView): string {
  if (outcome.changeScale) {
    const sign = outcome.latestScore > 0 ? "+" : "";
    return `${outcome.shortName} ${sign}${outcome.latestScore}${outcome.important ? " (important)" : ""}`;
  }
  if (outcome.change === null) return `${outcome.shortName} ${outcome.latestScore}, first score`;
  const judged =
    outcome.direction === "IMPROVED"
      ? " (important improvement)"
      : outcome.direction === "WORSE"
        ? " (important worsening)"
        : outcome.direction === "NO_IMPORTANT_CHANGE"
          ? " (not an important change)"
          : "";
  return `${outcome.shortName} ${formatScoreChange(outcome.change)} since first${judged}`;
}
