"use server";

import { revalidatePath } from "next/cache";
import {
  removePushSubscription,
  renewCalendarFeed,
  revokeCalendarFeed,
  savePushSubscription,
  saveReminderPreference,
  sendTestReminderNow,
} from "@/lib/data/reminders";
import {
  emptySchema,
  pushEndpointSchema,
  pushSubscriptionSchema,
  reminderPreferenceSchema,
} from "@/lib/validation/reminders";
import { createAction } from "./action";

export const saveRemindersAction = createAction(
  "PATIENT",
  reminderPreferenceSchema,
  async (input) => {
    await saveReminderPreference(input);
    revalidatePath("/reminders");
    return {
      ok: true,
      message:
        input.channel === "NONE"
          ? "Saved. You will get no reminders."
          : "Saved. Your reminders will come at the time you chose, on your routine's days.",
    };
  },
  "REMINDERS_SAVED",
);

export const addPushDeviceAction = createAction(
  "PATIENT",
  pushSubscriptionSchema,
  async (input) => {
    await savePushSubscription(input);
    revalidatePath("/reminders");
    return { ok: true, message: "This device will show your reminders." };
  },
  "PUSH_DEVICE_ADDED",
);

export const removePushDeviceAction = createAction(
  "PATIENT",
  pushEndpointSchema,
  async (input) => {
    const { removed } = await removePushSubscription(input.endpoint);
    revalidatePath("/reminders");
    return {
      ok: true,
      message: removed
        ? "This device will no longer show reminders."
        : "This device was not set up for reminders.",
    };
  },
  "PUSH_DEVICE_REMOVED",
);

const testMessages = {
  SENT: {
    EMAIL: "A test e-mail is on its way. It may take a minute to arrive.",
    PUSH: "A test notification was sent to your devices.",
  },
  SKIPPED: {
    EMAIL: "No test was sent.",
    PUSH: "No test was sent: no device is set up for notifications. Turn them on for this device first.",
  },
  FAILED: {
    EMAIL: "The test e-mail could not be sent. Please try again later.",
    PUSH: "The test notification could not be delivered. Please try again later.",
  },
} as const;

export const sendTestReminderAction = createAction(
  "PATIENT",
  emptySchema,
  async (_input, { audit }) => {
    const sent = await sendTestReminderNow();
    audit.detail = `${sent.channel} ${sent.status}`;
    revalidatePath("/reminders");
    const channel = sent.channel === "EMAIL" ? "EMAIL" : "PUSH";
    return { ok: sent.status === "SENT", message: testMessages[sent.status][channel] };
  },
  "TEST_REMINDER_SENT",
);

export const renewCalendarFeedAction = createAction(
  "PATIENT",
  emptySchema,
  async () => {
    const { token } = await renewCalendarFeed();
    revalidatePath("/reminders");
    return {
      ok: true,
      message: "Your new calendar address is below. Any earlier address no longer works.",
      result: { token },
    };
  },
  "CALENDAR_FEED_CREATED",
);

export const revokeCalendarFeedAction = createAction(
  "PATIENT",
  emptySchema,
  async () => {
    await revokeCalendarFeed();
    revalidatePath("/reminders");
    return {
      ok: true,
      message: "The calendar address no longer works. Calendars that used it will stop updating.",
    };
  },
  "CALENDAR_FEED_REVOKED",
);
