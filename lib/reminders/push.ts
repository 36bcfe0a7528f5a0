// Sends one Web Push message (RFC 8030, payload encrypted per RFC 8291 by the web-push library).
// The service worker shows `title` and `body` and opens `url` when the notification is clicked.
import { createHash } from "node:crypto";
import webpush, { type RequestOptions, WebPushError } from "web-push";
import type { VapidKeys } from "./vapid.ts";

export type PushPayload = { title: string; body: string; url: string };
export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushResult = "sent" | "gone" | "failed";

/**
 * The Topic header: a push service keeps only the newest undelivered message with the same topic,
 * so a duplicate (a crash between sending and recording) replaces the first instead of adding one.
 * At most 32 URL-safe base64 characters (RFC 8030 section 5.4).
 */
export function pushTopic(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("base64url").slice(0, 32);
}

export async function sendPush(
  target: PushTarget,
  payload: PushPayload,
  options: { vapid: VapidKeys; topic: string; extra?: Partial<RequestOptions> },
): Promise<{ result: PushResult; detail: string }> {
  try {
    const response = await webpush.sendNotification(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: options.vapid,
        // A reminder a day old helps nobody: the push service may drop it after 6 hours.
        TTL: 6 * 3600,
        urgency: "normal",
        contentEncoding: "aes128gcm",
        topic: options.topic,
        timeout: 10_000,
        ...options.extra,
      },
    );
    return { result: "sent", detail: `push ${response.statusCode}` };
  } catch (error) {
    if (error instanceof WebPushError) {
      // 404 and 410: the subscription is gone for good (unsubscribed, expired); never retried.
      if (error.statusCode === 404 || error.statusCode === 410) {
        return { result: "gone", detail: `push ${error.statusCode}` };
      }
      return { result: "failed", detail: `push ${error.statusCode}` };
    }
    return { result: "failed", detail: `push ${(error as Error).message.slice(0, 100)}` };
  }
}
