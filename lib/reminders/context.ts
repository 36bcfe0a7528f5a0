// The reminder context of this process: the app's database client, the configured senders.

import { config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { sendMail } from "../mail/send.ts";
import { appOrigin } from "../mail/settings.ts";
import type { ReminderContext } from "./delivery.ts";
import { vapidKeys } from "./vapid.ts";

export function reminderContext(db: Db): ReminderContext {
  const settings = config();
  return { db, appUrl: appOrigin(settings), sendMail, vapid: vapidKeys(settings) };
}
