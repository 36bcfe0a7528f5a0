// Which requests the service worker may keep. Pure, so the rule has unit tests of its own.
// Only what every visitor sees alike is kept: the build's static files, the exercise drawings and
// the public catalog pages. The catalog pages are fetched by the worker itself without cookies, so
// the copy kept is the one a visitor without a session sees (the header of a signed-in visitor
// carries their name). Nothing else (signed-in pages, /api, server actions) is ever stored.

/** The public pages kept for offline reading. `/exercises/<slug>` pages too. */
export const offlineCatalogPages = ["/exercises", "/help"] as const;
/** Shown for a page that needs the network when there is none. Public, and the same for all. */
export const offlinePage = "/offline";

export type CacheRule = "static" | "drawing" | "catalog-page" | "never";

const slugPattern = /^\/exercises\/[a-z0-9-]+$/;

export function cacheRuleFor(url: URL, selfOrigin: string, method = "GET"): CacheRule {
  if (method !== "GET" || url.origin !== selfOrigin) return "never";
  const path = url.pathname;
  if (path.startsWith("/_next/static/")) return "static";
  if (/^\/exercises\/[a-z0-9-]+\.svg$/.test(path)) return "drawing";
  if (path === "/icon.svg" || path === "/apple-icon.png" || /^\/icons\/[a-z0-9-]+\.png$/.test(path)) {
    return "static";
  }
  // A query (`?_rsc=`, filters) makes another response: only the plain page is kept.
  if (url.search === "" && (offlineCatalogPages.includes(path as never) || slugPattern.test(path))) {
    return "catalog-page";
  }
  if (url.search === "" && path === offlinePage) return "catalog-page";
  return "never";
}
