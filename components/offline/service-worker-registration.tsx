"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (/sw.js). Browsers allow it only in a secure context (HTTPS, or
 * localhost); elsewhere the app works as before, online only.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!window.isSecureContext || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No worker (a development server, a blocked registration): nothing works offline, all else does.
    });
  }, []);
  return null;
}
