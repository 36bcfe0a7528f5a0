/** Dates and times shown to a user, always in that user's time zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(date);
}

/** "2026-11-27T14:05" in the given zone: the value a datetime-local input expects. */
export function toDateTimeLocalValue(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const englishPlurals = new Intl.PluralRules("en");

/** The noun for a count: "session" for 1, "sessions" for 0, 2 or 1.5. */
export function nounFor(count: number, singular: string, pluralForm = `${singular}s`): string {
  return englishPlurals.select(count) === "one" ? singular : pluralForm;
}

/** "1 session", "2 sessions", "0 sessions": the app's one pluralisation rule. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${nounFor(count, singular, pluralForm)}`;
}
