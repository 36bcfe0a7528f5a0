import type { PainEntryRevisionView, PainEntryView } from "@/lib/data/pain";
import type { SessionRevisionView, SessionView } from "@/lib/data/sessions";
import { formatDateTime } from "@/lib/format";
import { type PainArea, painAreaLabels } from "@/lib/validation/fields";
import { formatDuration, formatEntry } from "./labels";

/** One field that a change altered, as the patient reads it. */
export type FieldChange = { field: string; before: string; after: string };

/** One kept change: when, by whom, what kind, and (for an edit) which fields. */
export type VersionLine = {
  version: number;
  at: Date;
  by: string;
  change: string;
  fields: FieldChange[];
};

const changeLabels: Record<string, string> = {
  EDITED: "Edited",
  DELETED: "Deleted",
  RESTORED: "Brought back (undo)",
};

// Snapshots are stored as JSON, so their dates come back as strings.
const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const rating = (value: number | null | undefined) =>
  value === null || value === undefined ? "not rated" : `${value}/10`;
const text = (value: string | undefined) => (value?.trim() ? value : "none");

function compare(fields: FieldChange[], field: string, before: string, after: string): void {
  if (before !== after) fields.push({ field, before, after });
}

/** Entries that one list has and the other lacks, counting repeats. */
function missingFrom(list: string[], other: string[]): string[] {
  const left = [...other];
  return list.filter((item) => {
    const index = left.indexOf(item);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
}

export function sessionFieldChanges(
  before: SessionView,
  after: SessionView,
  timeZone: string,
): FieldChange[] {
  const fields: FieldChange[] = [];
  compare(
    fields,
    "Date and time",
    formatDateTime(asDate(before.startedAt), timeZone),
    formatDateTime(asDate(after.startedAt), timeZone),
  );
  compare(fields, "Duration", formatDuration(before.durationSeconds), formatDuration(after.durationSeconds));
  const area = (value: PainArea | null | undefined) => (value ? painAreaLabels[value] : "none");
  compare(fields, "Area of the pain ratings", area(before.painArea), area(after.painArea));
  compare(fields, "Pain before", rating(before.painBefore), rating(after.painBefore));
  compare(fields, "Pain after", rating(before.painAfter), rating(after.painAfter));
  const beforeEntries = before.entries.map(formatEntry);
  const afterEntries = after.entries.map(formatEntry);
  const removed = missingFrom(beforeEntries, afterEntries);
  const added = missingFrom(afterEntries, beforeEntries);
  if (removed.length || added.length) {
    fields.push({
      field: "Exercises",
      before: removed.join("; ") || "none",
      after: added.join("; ") || "none",
    });
  }
  compare(fields, "Notes", text(before.notes), text(after.notes));
  return fields;
}

export function painEntryFieldChanges(
  before: PainEntryView,
  after: PainEntryView,
  timeZone: string,
): FieldChange[] {
  const fields: FieldChange[] = [];
  compare(fields, "Rating", rating(before.rating), rating(after.rating));
  compare(
    fields,
    "Date and time",
    formatDateTime(asDate(before.recordedAt), timeZone),
    formatDateTime(asDate(after.recordedAt), timeZone),
  );
  compare(fields, "Note", text(before.note), text(after.note));
  return fields;
}

/**
 * Each kept change, newest first. A revision holds the record as it was before its change, so what
 * the change made is the next newer revision's state, or the record as it is now.
 */
function versionLines<Record>(
  current: Record,
  revisions: {
    version: number;
    change: string;
    at: Date;
    changedBy: { id: string; name: string };
    snapshot: Record;
  }[],
  viewerId: string,
  changes: (before: Record, after: Record) => FieldChange[],
): VersionLine[] {
  return revisions.map((revision, index) => {
    const after = index === 0 ? current : (revisions[index - 1]?.snapshot ?? current);
    return {
      version: revision.version,
      at: revision.at,
      by: revision.changedBy.id === viewerId ? "you" : revision.changedBy.name,
      change: changeLabels[revision.change] ?? revision.change,
      fields: revision.change === "EDITED" ? changes(revision.snapshot, after) : [],
    };
  });
}

export function sessionVersionLines(
  current: SessionView,
  revisions: SessionRevisionView[],
  viewerId: string,
  timeZone: string,
): VersionLine[] {
  return versionLines(current, revisions, viewerId, (before, after) =>
    sessionFieldChanges(before, after, timeZone),
  );
}

export function painEntryVersionLines(
  current: PainEntryView,
  revisions: PainEntryRevisionView[],
  viewerId: string,
  timeZone: string,
): VersionLine[] {
  return versionLines(current, revisions, viewerId, (before, after) =>
    painEntryFieldChanges(before, after, timeZone),
  );
}
