"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/actions/action-state";
import { addPushDeviceAction, removePushDeviceAction } from "@/lib/actions/reminders";

type DeviceState =
  | { kind: "checking" }
  | { kind: "unavailable"; reason: string }
  | { kind: "off"; registration: ServiceWorkerRegistration }
  | { kind: "on"; registration: ServiceWorkerRegistration; subscription: PushSubscription };

function keyBytes(base64Url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64Url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Why this browser cannot show reminders, in words a patient can act on; null when it can. */
function unavailableReason(): string | null {
  if (!window.isSecureContext) {
    return "Notifications need a secure connection (an address starting with https://). Open the app that way, or choose e-mail reminders.";
  }
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return "This browser cannot show notifications from web pages. On an iPhone or iPad, add the app to your Home Screen first and open it from there.";
  }
  if (Notification.permission === "denied") {
    return "Notifications are blocked for this site. Allow them in your browser's site settings, then reload this page.";
  }
  return null;
}

/** Turns reminders on or off for this browser (Web Push through the app's service worker). */
export function PushDevice({ publicKey }: { publicKey: string | null }) {
  const [device, setDevice] = useState<DeviceState>({ kind: "checking" });
  const [message, setMessage] = useState(initialActionState);
  const [busy, setBusy] = useState(false);

  const check = useCallback(async () => {
    const reason = unavailableReason();
    if (reason) return setDevice({ kind: "unavailable", reason });
    if (!publicKey) {
      return setDevice({ kind: "unavailable", reason: "This server is not set up to send notifications." });
    }
    // The app registers its worker as the page loads; `ready` waits for ever when none comes, so it
    // is given a few seconds.
    const registration = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 4_000)),
    ]);
    if (!registration) {
      return setDevice({
        kind: "unavailable",
        reason:
          "The part of the app that shows notifications is not running in this browser yet. Reload the page; if this message stays, choose e-mail reminders instead.",
      });
    }
    const subscription = await registration.pushManager.getSubscription();
    setDevice(subscription ? { kind: "on", registration, subscription } : { kind: "off", registration });
  }, [publicKey]);

  useEffect(() => {
    check().catch(() =>
      setDevice({ kind: "unavailable", reason: "This browser could not tell whether notifications are on." }),
    );
  }, [check]);

  async function turnOn(registration: ServiceWorkerRegistration) {
    setBusy(true);
    setMessage(initialActionState);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setMessage({
          ok: false,
          message:
            permission === "denied"
              ? "Notifications are blocked for this site. Allow them in your browser's site settings to get reminders here."
              : "Notifications were not allowed, so nothing changed.",
        });
        return;
      }
      let subscription: PushSubscription;
      try {
        subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(publicKey ?? ""),
        });
      } catch {
        setMessage({
          ok: false,
          message:
            "Your browser could not reach its notification service, so notifications are not on. Check the connection and try again, or choose e-mail reminders.",
        });
        return;
      }
      const json = subscription.toJSON();
      const saved = await addPushDeviceAction(initialActionState, {
        endpoint: subscription.endpoint,
        p256dh: json.keys?.p256dh ?? "",
        auth: json.keys?.auth ?? "",
      });
      if (!saved.ok) await subscription.unsubscribe().catch(() => undefined);
      setMessage(saved);
      await check();
    } finally {
      setBusy(false);
    }
  }

  async function turnOff(subscription: PushSubscription) {
    setBusy(true);
    try {
      const endpoint = subscription.endpoint;
      await subscription.unsubscribe().catch(() => undefined);
      setMessage(await removePushDeviceAction(initialActionState, { endpoint }));
      await check();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      {device.kind === "checking" ? <p className="text-slate-700">Checking this browser…</p> : null}
      {device.kind === "unavailable" ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <span className="font-semibold">Notifications are not available here. </span>
          {device.reason}
        </p>
      ) : null}
      {device.kind === "off" ? (
        <>
          <p className="text-slate-700">Notifications are off on this device.</p>
          <Button onClick={() => turnOn(device.registration)} disabled={busy} aria-disabled={busy}>
            {busy ? "Turning on…" : "Turn on notifications on this device"}
          </Button>
        </>
      ) : null}
      {device.kind === "on" ? (
        <>
          <p className="text-slate-700">This device shows your reminders.</p>
          <Button
            variant="secondary"
            onClick={() => turnOff(device.subscription)}
            disabled={busy}
            aria-disabled={busy}
          >
            {busy ? "Turning off…" : "Turn off notifications on this device"}
          </Button>
        </>
      ) : null}
      <FormMessage ok={message.ok} message={message.message} />
    </div>
  );
}
