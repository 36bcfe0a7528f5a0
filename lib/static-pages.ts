// The public pages served to visitors without a session as copies rendered once at build time,
// under a Content-Security-Policy that allows each copy's inline scripts by hash.
//
// A nonce cannot work on a page rendered once, and Next's inline scripts (the React Server
// Components payload) must be allowed somehow: by hash, never by 'unsafe-inline'. So:
// - app/(public)/prerendered/* renders `/`, `/exercises`, `/exercises/<slug>` and `/help` at build
//   time (`dynamic = "force-static"`: no request, so the layout's header is the signed-out one);
// - scripts/csp-hashes.ts then hashes every inline <script> of each built page into
//   `<build folder>/csp-hashes.json`, keyed by the public path;
// - proxy.ts rewrites a request to its copy only when the visitor has no session, asks for the
//   plain page (no query), and the manifest lists the path; it then sends that path's hashes in
//   script-src. Everyone else gets the page rendered per request with a nonce, as before.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/** Where the build-time copies live. Never opened directly: the proxy sends such requests back. */
export const prerenderedPrefix = "/prerendered";

/** The manifest scripts/csp-hashes.ts writes into the build folder. */
export const cspHashesFileName = "csp-hashes.json";

/**
 * What a copy may be cached as: by the browser only, revalidated on every use (Next answers a
 * matching If-None-Match with 304). Not by shared caches: the same address is the signed-in
 * page for someone with a session, and only `Vary: Cookie` would keep a shared cache from handing
 * them the copy, but Next 16 replaces the Vary header of every app page with its own (its
 * app-page handler calls `res.setHeader("Vary", ...)` after the proxy), so that cannot be promised.
 * The browser's copy is safe: it is revalidated, and a request with a session is answered with the
 * page rendered for it (`no-store`).
 */
export const staticCopyCacheControl = "private, no-cache";

export type CspHashesManifest = {
  /** Next's build id, so a manifest left from another build is never believed. */
  buildId: string;
  /** Public path (`/exercises/clamshell`) -> `sha256-...` of each inline script of its copy. */
  pages: Record<string, string[]>;
};

/** `/prerendered/exercises` -> `/exercises`; `/prerendered` -> `/`; anything else -> null. */
export function publicPathOf(route: string): string | null {
  if (route === prerenderedPrefix) return "/";
  if (route.startsWith(`${prerenderedPrefix}/`)) return route.slice(prerenderedPrefix.length);
  return null;
}

/** `/exercises` -> `/prerendered/exercises`; `/` -> `/prerendered`. */
export function prerenderedPathOf(publicPath: string): string {
  return publicPath === "/" ? prerenderedPrefix : `${prerenderedPrefix}${publicPath}`;
}

/**
 * The CSP source of every inline script in an HTML document: the sha256 of its text exactly as
 * written (browsers hash the element's text as parsed, and script text is never entity-decoded).
 * React writes its inline data with `<` escaped, so `</script` cannot occur inside one.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? "";
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    const text = match[2] ?? "";
    hashes.push(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...new Set(hashes)];
}

/**
 * What a built page holds that a hash cannot cover: an inline event handler or a `javascript:`
 * address would need 'unsafe-inline' (or 'unsafe-hashes'), so scripts/csp-hashes.ts refuses such a
 * page rather than serve it broken.
 */
export function unhashableScript(html: string): string | null {
  const handler = html.match(/<[a-z][^>]*\son[a-z]+\s*=/i);
  if (handler) return handler[0].slice(0, 80);
  const scheme = html.match(/(?:href|src|action)\s*=\s*["']?\s*javascript:/i);
  return scheme ? scheme[0] : null;
}

const loaded = new Map<string, Map<string, string[]>>();

/**
 * The hashes of each public path that has a build-time copy, read once per build folder. No
 * manifest (a development server, a build made without scripts/csp-hashes.ts) or one from another
 * build: no copies, so every page is rendered per request.
 */
export function staticPageHashes(distDir: string): Map<string, string[]> {
  const cached = loaded.get(distDir);
  if (cached) return cached;
  const pages = new Map<string, string[]>();
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(distDir, cspHashesFileName), "utf8"),
    ) as CspHashesManifest;
    const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
    if (manifest.buildId === buildId) {
      for (const [page, hashes] of Object.entries(manifest.pages)) pages.set(page, hashes);
    }
  } catch {
    // No manifest: no copies.
  }
  loaded.set(distDir, pages);
  return pages;
}
