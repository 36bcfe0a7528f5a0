import {
  defaultQuietHours,
  inQuietHours,
  minuteLabel,
  parseMinute,
  reminderChannels,
} from "@/lib/domain/reminders";
import { z } from "./zod";

const timeField = (empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty, abort: true })
    .refine((value) => parseMinute(value) !== null, "Enter a time as hours and minutes, like 18:30.")
    .transform((value) => parseMinute(value) as number);

/**
 * The reminder form. Quiet hours are on unless unticked: no reminder inside them, so a reminder
 * time inside them is refused here rather than silently never sent.
 */
export const reminderPreferenceSchema = z
  .object({
    channel: z.enum(reminderChannels, { error: "Choose how you would like to be reminded." }),
    time: timeField("Choose a time for your reminder."),
    quietHours: z.literal("on", { error: "Tick the box or leave it empty." }).optional(),
    quietStart: timeField("Choose when your quiet hours start."),
    quietEnd: timeField("Choose when your quiet hours end."),
  })
  .superRefine((input, context) => {
    if (!input.quietHours) return;
    if (input.quietStart === input.quietEnd) {
      context.addIssue({
        code: "custom",
        path: ["quietEnd"],
        message: "Quiet hours need to end at a different time than they start.",
      });
      return;
    }
    if (
      input.channel !== "NONE" &&
      inQuietHours(input.time, { start: input.quietStart, end: input.quietEnd })
    ) {
      context.addIssue({
        code: "custom",
        path: ["time"],
        message: `That time is inside your quiet hours (${minuteLabel(input.quietStart)} to ${minuteLabel(input.quietEnd)}). Choose another time, or change the quiet hours.`,
      });
    }
  });
export type ReminderPreferenceInput = z.output<typeof reminderPreferenceSchema>;

export const defaultReminderForm = {
  quietStart: minuteLabel(defaultQuietHours.start),
  quietEnd: minuteLabel(defaultQuietHours.end),
};

const base64Url = /^[A-Za-z0-9_-]+={0,2}$/;

/** What a browser's PushSubscription.toJSON() holds, flattened by the client. */
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .string({ error: "The browser sent no push address." })
    .max(1000, { error: "The browser's push address is too long." })
    .refine((value) => {
      try {
        return new URL(value).protocol === "https:";
      } catch {
        return false;
      }
    }, "The browser's push address is not a secure web address."),
  p256dh: z
    .string({ error: "The browser sent no push key." })
    .regex(base64Url, { error: "The browser's push key is not readable." })
    .min(80, { error: "The browser's push key is not readable." })
    .max(100, { error: "The browser's push key is not readable." }),
  auth: z
    .string({ error: "The browser sent no push secret." })
    .regex(base64Url, { error: "The browser's push secret is not readable." })
    .min(16, { error: "The browser's push secret is not readable." })
    .max(32, { error: "The browser's push secret is not readable." }),
});
export type PushSubscriptionInput = z.output<typeof pushSubscriptionSchema>;

export const pushEndpointSchema = z.object({ endpoint: pushSubscriptionSchema.shape.endpoint });
export const emptySchema = z.object({});
