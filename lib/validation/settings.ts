import { isValidTimeZone, nameField } from "./auth";
import { painAreaField } from "./fields";
import { z } from "./zod";

// An IANA name such as "Europe/London", "America/Argentina/Buenos_Aires" or "UTC". Intl also accepts
// fixed offsets ("+05:00") and old abbreviations ("EST"), which follow no summer time and no
// change of a country's rules, so a person's zone is always a name from the list.
const zoneName = /^(?:[A-Za-z][A-Za-z0-9_+-]*)(?:\/[A-Za-z0-9_+-]+){0,2}$/;

export const settingsTimeZoneField = z
  .string({ error: "Choose your time zone." })
  .trim()
  // One message per field: an empty or overlong value is not also checked against the list.
  .min(1, { error: "Choose your time zone.", abort: true })
  .max(64, { error: "Choose a time zone from the list, like Europe/London.", abort: true })
  .refine(
    (value) =>
      zoneName.test(value) && !/^[A-Z]{2,5}$/.test(value.replace(/^UTC$/, "")) && isValidTimeZone(value),
    "Choose a time zone from the list, like Europe/London.",
  )
  // "europe/london" is stored as "Europe/London".
  .transform((value) => new Intl.DateTimeFormat("en-GB", { timeZone: value }).resolvedOptions().timeZone);

/** The settings form: name and time zone for everyone, the main pain area for patients. */
export const settingsSchema = z.object({
  name: nameField,
  timeZone: settingsTimeZoneField,
  // A physiotherapist's form has no such field; a patient may leave it "Not set".
  mainPainArea: painAreaField,
});
export type SettingsInput = z.infer<typeof settingsSchema>;
