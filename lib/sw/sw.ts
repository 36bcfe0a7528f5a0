/// <reference lib="webworker" />
// The service worker, bundled by scripts/build-service-worker.ts into public/sw.js after
// `next build` (docs/decisions.md says why not @serwist/turbopack). It keeps the app shell and
// the public catalog for offline use (lib/sw/caching.ts decides what may be kept) and shows the
// reminders' push notifications. It never stores a signed-in page or a signed-in user's data.
import { CacheFirst, type PrecacheEntry, Serwist, StaleWhileRevalidate } from "serwist";
import { cacheRuleFor, offlineCatalogPages, offlinePage } from "./caching";
import { defaultNotificationUrl, notificationFromPush, safeNotificationPath } from "./notification";

declare const self: ServiceWorkerGlobalScope & {
  /** Replaced at build time by the list of the build's static files. */
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
};

const catalogCache = "catalog-pages-v1";

// ---- Push (the reminders) ----

self.addEventListener("push", (event) => {
  let raw: string | null = null;
  try {
    raw = event.data ? event.data.text() : null;
  } catch {
    raw = null;
  }
  const message = notificationFromPush(raw);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      // One reminder replaces another rather than piling up.
      tag: "exercise-reminder",
      data: { url: message.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const path = safeNotificationPath(data?.url ?? defaultNotificationUrl);
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const same = windows.find((client) => client.url === target);
      if (same) {
        await same.focus();
        return;
      }
      const ours = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (ours) {
        await ours.focus();
        await ours.navigate(target).catch(() => self.clients.openWindow(target));
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});

// ---- Caching ----

/** A copy of a public page as a visitor without a session sees it (no cookies sent). */
async function storeAnonymousCopy(path: string): Promise<void> {
  const response = await fetch(new Request(path, { credentials: "omit", redirect: "error" }));
  if (!response.ok || response.redirected) return;
  const cache = await caches.open(catalogCache);
  await cache.put(path, response);
}

async function cachedPage(path: string): Promise<Response | undefined> {
  const cache = await caches.open(catalogCache);
  return (await cache.match(path)) ?? (await cache.match(offlinePage));
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, request }) => cacheRuleFor(url, self.location.origin, request.method) === "static",
      handler: new CacheFirst({ cacheName: "static-assets" }),
    },
    {
      matcher: ({ url, request }) => cacheRuleFor(url, self.location.origin, request.method) === "drawing",
      handler: new StaleWhileRevalidate({ cacheName: "exercise-drawings" }),
    },
    {
      // Catalog pages: the network's answer (with the visitor's own header) when there is one,
      // a cookie-less copy stored beside it for later; the stored copy when the network fails.
      matcher: ({ url, request }) =>
        request.mode === "navigate" &&
        cacheRuleFor(url, self.location.origin, request.method) === "catalog-page",
      handler: async ({ request, event }) => {
        const path = new URL(request.url).pathname;
        try {
          const response = await fetch(request);
          if (response.ok) (event as ExtendableEvent).waitUntil(storeAnonymousCopy(path).catch(() => {}));
          return response;
        } catch {
          return (await cachedPage(path)) ?? Response.error();
        }
      },
    },
    {
      // Every other page needs the network and is never stored: offline, a neutral page says so.
      matcher: ({ url, request }) => request.mode === "navigate" && url.origin === self.location.origin,
      handler: async ({ request }) => {
        try {
          return await fetch(request);
        } catch {
          const cache = await caches.open(catalogCache);
          return (await cache.match(offlinePage)) ?? Response.error();
        }
      },
    },
  ],
});

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all(
      [...offlineCatalogPages, offlinePage].map((path) => storeAnonymousCopy(path).catch(() => {})),
    ),
  );
});

serwist.addEventListeners();
