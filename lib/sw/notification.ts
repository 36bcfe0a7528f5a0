// What a push message shows. Pure, so the worker and the unit tests share it. The server (the
// reminders) sends JSON `{ title, body, url }`; anything missing or malformed falls back to a
// neutral reminder that names neither the app's purpose nor a condition.

export const defaultNotificationTitle = "Time for your exercises";
export const defaultNotificationUrl = "/today";

export type NotificationPayload = { title: string; body: string; url: string };

function text(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, max) : undefined;
}

/**
 * Only same-origin paths are opened, so a push message can never send the patient elsewhere
 * (`//evil.example` and `/\evil.example` count as other sites).
 */
export function safeNotificationPath(value: unknown): string {
  if (typeof value !== "string") return defaultNotificationUrl;
  try {
    const base = "https://app.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return defaultNotificationUrl;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return defaultNotificationUrl;
  }
}

/** The notification for a push message's text (JSON, plain text or nothing). */
export function notificationFromPush(raw: string | null | undefined): NotificationPayload {
  let data: unknown = null;
  if (raw) {
    try {
      data = JSON.parse(raw);
    } catch {
      data = null;
    }
  }
  const record = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  return {
    title: text(record.title, 120) ?? defaultNotificationTitle,
    body: text(record.body, 400) ?? "",
    url: safeNotificationPath(record.url),
  };
}
