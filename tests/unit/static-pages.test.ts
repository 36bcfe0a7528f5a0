import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type NextFetchEvent, NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hasStaticCopy } from "@/lib/public-routes";
import {
  inlineScriptHashes,
  prerenderedPathOf,
  publicPathOf,
  staticCopyCacheControl,
  staticPageHashes,
  unhashableScript,
} from "@/lib/static-pages";

// The proxy with a build folder whose manifest (as scripts/csp-hashes.ts writes it) lists copies
// rendered at build time: who gets a copy, under which policy, cached how.

const secret = "unit-test-secret-0123456789-abcdefghijklmnop";
const cookieName = "authjs.session-token";
const origin = "http://localhost:3000";
const now = new Date("2026-12-01T09:00:00Z");
const event = { waitUntil: () => {} } as unknown as NextFetchEvent;
const hashA = "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='";
const hashB = "'sha256-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB='";

type Proxy = (request: NextRequest, event: NextFetchEvent) => Promise<Response> | Response;
let proxy: Proxy;
let sessionCookie: string;
let distDir: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now });
  distDir = mkdtempSync(path.join(tmpdir(), "static-pages-"));
  writeFileSync(path.join(distDir, "BUILD_ID"), "build-1\n");
  writeFileSync(
    path.join(distDir, "csp-hashes.json"),
    JSON.stringify({
      buildId: "build-1",
      pages: { "/": [hashA], "/exercises": [hashA, hashB], "/exercises/clamshell": [hashB], "/help": [] },
    }),
  );
  vi.stubEnv("AUTH_SECRET", secret);
  vi.stubEnv("NEXT_DIST_DIR", distDir);
  proxy = (await import("@/proxy")).default as Proxy;
  const seconds = Math.floor(now.getTime() / 1000);
  sessionCookie = await encode({
    secret,
    salt: cookieName,
    token: {
      sub: "u1",
      uid: "u1",
      role: "PATIENT",
      sv: 0,
      sid: "s1",
      signedInAt: seconds,
      lastSeenAt: seconds,
    },
  });
});

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  rmSync(distDir, { recursive: true, force: true });
});

async function visit(
  pathname: string,
  options: { signedIn?: boolean; method?: string; cookie?: string } = {},
) {
  const headers = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http" });
  if (options.signedIn) headers.set("cookie", `${cookieName}=${sessionCookie}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  const request = new NextRequest(new URL(pathname, origin), { method: options.method ?? "GET", headers });
  return proxy(request, event);
}

const rewrittenTo = (response: Response) => {
  const target = response.headers.get("x-middleware-rewrite");
  return target ? new URL(target).pathname : null;
};
const scriptSrc = (response: Response) =>
  (response.headers.get("content-security-policy") ?? "").split("; ").find((d) => d.startsWith("script-src"));

describe("a visitor without a session", () => {
  it("gets the copy rendered at build time, with exactly its inline scripts allowed by hash", async () => {
    for (const [page, hashes] of [
      ["/", [hashA]],
      ["/exercises", [hashA, hashB]],
      ["/exercises/clamshell", [hashB]],
      ["/help", []],
    ] as const) {
      const response = await visit(page);
      expect(rewrittenTo(response), page).toBe(prerenderedPathOf(page));
      expect(response.headers.getSetCookie(), page).toEqual([]);
      expect(scriptSrc(response), page).toBe(["script-src 'self'", ...hashes].join(" "));
      expect(scriptSrc(response), page).not.toMatch(/unsafe-inline|nonce-|strict-dynamic/);
      expect(response.headers.get("cache-control"), page).toBe(staticCopyCacheControl);
    }
  });

  it("keeps the rest of the policy as on every other page", async () => {
    const copy = (await visit("/exercises")).headers.get("content-security-policy") ?? "";
    const rendered = (await visit("/exercises?q=bridge")).headers.get("content-security-policy") ?? "";
    const withoutScripts = (csp: string) => csp.split("; ").filter((d) => !d.startsWith("script-src"));
    expect(withoutScripts(copy)).toEqual(withoutScripts(rendered));
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "default-src 'self'",
    ]) {
      expect(copy).toContain(directive);
    }
  });

  it("gets a filtered list, an unknown exercise or a page with no copy rendered per request", async () => {
    for (const page of ["/exercises?category=STRETCH", "/exercises/no-such-thing", "/offline", "/sign-in"]) {
      const response = await visit(page);
      expect(rewrittenTo(response), page).toBeNull();
      expect(scriptSrc(response), page).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(response.headers.get("cache-control"), page).not.toBe(staticCopyCacheControl);
    }
  });

  it("posts a server action to the page rendered per request, never to a copy", async () => {
    const response = await visit("/exercises", { method: "POST" });
    expect(rewrittenTo(response)).toBeNull();
  });

  it("is sent from a copy's own address to the page it copies", async () => {
    for (const [copy, page] of [
      ["/prerendered/exercises?q=x", "/exercises?q=x"],
      ["/prerendered", "/"],
    ] as const) {
      const response = await visit(copy);
      expect(response.status, copy).toBe(308);
      expect(new URL(response.headers.get("location") ?? "").href, copy).toBe(`${origin}${page}`);
    }
  });

  it("with a session cookie that is not valid gets the copy too", async () => {
    const forged = await encode({ secret: `${secret}-other`, salt: cookieName, token: { uid: "u1" } });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await visit("/exercises", { cookie: `${cookieName}=${forged}` });
    logged.mockRestore();
    expect(rewrittenTo(response)).toBe("/prerendered/exercises");
    expect(response.headers.get("cache-control")).toBe(staticCopyCacheControl);
  });
});

describe("a signed-in visitor", () => {
  it("never gets a copy: the page rendered for them, with a nonce, never cached", async () => {
    for (const page of ["/", "/exercises", "/exercises/clamshell", "/help", "/exercises?q=bridge"]) {
      const response = await visit(page, { signedIn: true });
      expect(rewrittenTo(response), page).toBeNull();
      expect(response.headers.get("x-middleware-next"), page).toBe("1");
      expect(scriptSrc(response), page).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(response.headers.get("cache-control"), page).toBe("no-store");
    }
  });
});

describe("the manifest", () => {
  it("is not believed when it was written for another build", () => {
    const other = mkdtempSync(path.join(tmpdir(), "static-pages-other-"));
    try {
      writeFileSync(path.join(other, "BUILD_ID"), "build-2");
      writeFileSync(
        path.join(other, "csp-hashes.json"),
        JSON.stringify({ buildId: "build-1", pages: { "/": [] } }),
      );
      expect(staticPageHashes(other).size).toBe(0);
      expect(staticPageHashes(path.join(other, "missing")).size).toBe(0);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe("inline script hashes", () => {
  const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

  it("hashes each inline script's text exactly, and skips scripts loaded from a file", () => {
    const first = 'self.__next_f.push([1,"a\\u003c/script>"])';
    const second = "\n  (self.__next_f=self.__next_f||[]).push([0])\n";
    const html = `<html><head><script src="/_next/static/chunks/a.js" async=""></script><script>${first}</script></head><body><script id="x">${second}</script><SCRIPT>${first}</SCRIPT></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(first), sha(second)]);
  });

  it("finds what no hash can allow", () => {
    expect(unhashableScript('<p>on the floor</p><a href="/x">ok</a>')).toBeNull();
    expect(unhashableScript('<img src="x" onerror="alert(1)">')).toMatch(/onerror/);
    expect(unhashableScript('<a href="javascript:alert(1)">x</a>')).toMatch(/javascript:/);
  });
});

describe("which pages have a copy", () => {
  it.each([
    ["/", true],
    ["/exercises", true],
    ["/exercises/", true],
    ["/exercises/clamshell", true],
    ["/help", true],
    ["/offline", false],
    ["/sign-in", false],
    ["/today", false],
    ["/helpdesk", false],
  ])("%s: %s", (page, expected) => {
    expect(hasStaticCopy(page)).toBe(expected);
  });

  it("maps each copy's route to its public path and back", () => {
    for (const page of ["/", "/exercises", "/exercises/clamshell", "/help"]) {
      expect(publicPathOf(prerenderedPathOf(page))).toBe(page);
    }
    expect(publicPathOf("/exercises")).toBeNull();
    expect(publicPathOf("/prerenderedx")).toBeNull();
  });
});

describe("scripts/csp-hashes.ts", () => {
  /** A build folder as `next build` leaves it, with the given copies' HTML. */
  function buildFolder(pages: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "csp-hashes-"));
    writeFileSync(path.join(dir, "BUILD_ID"), "build-9");
    const routes = Object.fromEntries(Object.keys(pages).map((route) => [route, {}]));
    writeFileSync(
      path.join(dir, "prerender-manifest.json"),
      JSON.stringify({ routes: { ...routes, "/_not-found": {} } }),
    );
    for (const [route, html] of Object.entries(pages)) {
      const file = path.join(dir, "server", "app", `${route}.html`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, html);
    }
    return dir;
  }

  it("writes each copy's script hashes under its public path, with the build id", async () => {
    const { cspHashesManifest } = await import("@/scripts/csp-hashes");
    const dir = buildFolder({
      "/prerendered": "<script>a()</script>",
      "/prerendered/exercises/clamshell": '<script src="/x.js"></script><script>b()</script>',
    });
    try {
      expect(cspHashesManifest(dir)).toEqual({
        buildId: "build-9",
        pages: {
          "/": inlineScriptHashes("<script>a()</script>"),
          "/exercises/clamshell": inlineScriptHashes("<script>b()</script>"),
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a copy that carries a nonce or a script no hash can allow", async () => {
    const { cspHashesManifest } = await import("@/scripts/csp-hashes");
    for (const html of ['<script nonce="abc">a()</script>', '<button onclick="a()">x</button>']) {
      const dir = buildFolder({ "/prerendered/help": html });
      try {
        expect(() => cspHashesManifest(dir), html).toThrow();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
