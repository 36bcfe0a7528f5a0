import { type NextFetchEvent, NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeAccess } from "@/lib/public-routes";

// The proxy itself, called as Next calls it: with a request, with and without a real Auth.js
// session cookie. What it sets is what the browser gets: Next adds its own
// "private, no-cache, no-store, max-age=0, must-revalidate" to dynamic pages only when the proxy set
// no Cache-Control, so these tests assert the app's exact value and fail if the proxy stops setting it.

const secret = "unit-test-secret-0123456789-abcdefghijklmnop";
const now = new Date("2026-12-01T09:00:00Z");
const cookieName = "authjs.session-token";
const origin = "http://localhost:3000";

type Proxy = (request: NextRequest, event: NextFetchEvent) => Promise<Response> | Response;
let proxy: Proxy;
let sessionCookie: string;
// The proxy never uses the event (it is there for waitUntil).
const event = { waitUntil: () => {} } as unknown as NextFetchEvent;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now });
  vi.stubEnv("AUTH_SECRET", secret);
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
});

async function visit(
  pathname: string,
  options: { signedIn: boolean; method?: string; headers?: Record<string, string> },
) {
  // What Next's server adds to every request before the proxy sees it (Auth.js picks its cookie names from them).
  const headers = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", ...options.headers });
  if (options.signedIn) headers.set("cookie", `${cookieName}=${sessionCookie}`);
  const request = new NextRequest(new URL(pathname, origin), { method: options.method ?? "GET", headers });
  return proxy(request, event);
}

const passesOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

const signedInPages = {
  "patient pages": [
    "/today",
    "/session",
    "/log",
    "/progress",
    "/history",
    "/routine",
    "/history/sessions/s1/edit",
  ],
  "physiotherapist pages": ["/caseload", "/caseload/invite", "/patients/p1", "/patients/p1/notes"],
  "account pages": ["/account", "/account/access", "/home"],
};
const signedInApi = ["/api/caseload", "/api/patients/p1/progress?range=2w"];
const publicPages = [
  "/",
  "/exercises",
  "/exercises/clamshell",
  "/help",
  "/offline",
  "/sw.js",
  "/icons/icon-192.png",
  "/sign-in",
  "/sign-up",
  "/api/health",
];

describe("proxy, signed in", () => {
  for (const [kind, paths] of Object.entries(signedInPages)) {
    it(`serves ${kind} with exactly Cache-Control: no-store and a nonce-based CSP`, async () => {
      for (const path of paths) {
        const response = await visit(path, { signedIn: true });
        expect(passesOn(response), path).toBe(true);
        expect(response.headers.get("cache-control"), path).toBe("no-store");
        expect(response.headers.get("content-security-policy"), path).toMatch(/script-src 'self' 'nonce-/);
      }
    });
  }

  it("serves the JSON route handlers with exactly Cache-Control: no-store", async () => {
    for (const path of signedInApi) {
      const response = await visit(path, { signedIn: true });
      expect(passesOn(response), path).toBe(true);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("leaves the caching of public pages to Next", async () => {
    for (const path of publicPages) {
      const response = await visit(path, { signedIn: true });
      expect(passesOn(response), path).toBe(true);
      expect(response.headers.get("cache-control"), path).toBeNull();
    }
  });
});

describe("proxy, signed out", () => {
  it("sends every signed-in page to sign-in, with the way back, never cached", async () => {
    for (const path of [...Object.values(signedInPages).flat(), "/a-page-added-later"]) {
      const response = await visit(`${path}?tab=1`, { signedIn: false });
      expect(response.status, path).toBe(307);
      const target = new URL(response.headers.get("location") ?? "");
      expect(target.pathname, path).toBe("/sign-in");
      expect(target.searchParams.get("callbackUrl"), path).toBe(`${path}?tab=1`);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("lets the JSON route handlers answer 401 themselves instead of redirecting, never cached", async () => {
    for (const path of signedInApi) {
      const response = await visit(path, { signedIn: false });
      expect(passesOn(response), path).toBe(true);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("opens public pages to everyone", async () => {
    for (const path of publicPages) {
      const response = await visit(path, { signedIn: false });
      expect(passesOn(response), path).toBe(true);
      expect(response.headers.get("cache-control"), path).toBeNull();
    }
  });

  it("opens an invitation to everyone but never lets it be cached, as its address carries the token", async () => {
    const response = await visit("/invite/abcdefghijklmnopqrstuvwxyz", { signedIn: false });
    expect(passesOn(response)).toBe(true);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("passes a server action through, never cached, for the action to check the session itself", async () => {
    const response = await visit("/today", {
      signedIn: false,
      method: "POST",
      headers: { "next-action": "abc" },
    });
    expect(passesOn(response)).toBe(true);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a session cookie signed with another secret", async () => {
    // Auth.js logs the refused token; keep the test output quiet.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const forged = await encode({ secret: `${secret}-other`, salt: cookieName, token: { uid: "u1" } });
    const response = await visit("/today", {
      signedIn: false,
      headers: { cookie: `${cookieName}=${forged}` },
    });
    expect(response.status).toBe(307);
    logged.mockRestore();
  });
});

describe("proxy, background refreshes", () => {
  const seconds = Math.floor(now.getTime() / 1000);
  const idleLimitMinutes = 30;

  /** A session last used this many minutes ago. */
  async function lastSeen(minutesAgo: number): Promise<string> {
    const token = {
      sub: "u1",
      uid: "u1",
      role: "PHYSIO",
      sv: 0,
      sid: "s2",
      signedInAt: seconds - 3600,
      lastSeenAt: seconds - minutesAgo * 60,
    };
    return `${cookieName}=${await encode({ secret, salt: cookieName, token })}`;
  }

  /** The lastSeenAt of the session cookie a response sets, if it sets one. */
  async function renewedLastSeen(response: Response): Promise<number | undefined> {
    const set = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith(`${cookieName}=`) && !cookie.startsWith(`${cookieName}=;`));
    if (!set) return undefined;
    const value = set.slice(cookieName.length + 1).split(";")[0] ?? "";
    const token = await decode({ secret, salt: cookieName, token: value });
    return token?.lastSeenAt as number | undefined;
  }

  it("lets a background refresh through without renewing the idle time", async () => {
    const cookie = await lastSeen(idleLimitMinutes - 1);
    const response = await visit("/api/caseload", {
      signedIn: false,
      headers: { cookie, "x-background-refresh": "1" },
    });
    expect(passesOn(response)).toBe(true);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect([undefined, seconds - (idleLimitMinutes - 1) * 60]).toContain(await renewedLastSeen(response));
  });

  it("renews the idle time for a request the person made", async () => {
    const cookie = await lastSeen(idleLimitMinutes - 1);
    const response = await visit("/api/caseload", { signedIn: false, headers: { cookie } });
    expect(passesOn(response)).toBe(true);
    expect(await renewedLastSeen(response)).toBe(seconds);
  });

  it("neither renews the idle time nor sets the cookie on a prefetch, and never redirects one", async () => {
    const cookie = await lastSeen(idleLimitMinutes - 1);
    for (const value of ["1", "2"]) {
      const response = await visit("/account", {
        signedIn: false,
        headers: { cookie, rsc: "1", "next-router-prefetch": value },
      });
      expect(passesOn(response)).toBe(true);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    // Without a session either: the page it renders checks the session itself.
    const anonymous = await visit("/today", {
      signedIn: false,
      headers: { rsc: "1", "next-router-prefetch": "1" },
    });
    expect(passesOn(anonymous)).toBe(true);
    const publicPage = await visit("/exercises", {
      signedIn: false,
      headers: { "next-router-prefetch": "1" },
    });
    expect(publicPage.headers.get("cache-control")).toBeNull();
  });

  it("answers 401 signedOut idle to a background refresh past the idle limit", async () => {
    const cookie = await lastSeen(idleLimitMinutes + 1);
    for (const path of signedInApi) {
      const response = await visit(path, {
        signedIn: false,
        headers: { cookie, "x-background-refresh": "1" },
      });
      expect(response.status, path).toBe(401);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      expect(await response.json(), path).toEqual({
        message: "You were signed out after a time without activity.",
        signedOut: "idle",
      });
    }
  });

  it("keeps an unattended screen from staying signed in: refreshes every minute end after the idle limit", async () => {
    let cookie = await lastSeen(0);
    const statuses: number[] = [];
    try {
      for (let minute = 1; minute <= idleLimitMinutes + 2; minute++) {
        vi.setSystemTime(now.getTime() + minute * 60_000);
        const response = await visit("/api/caseload", {
          signedIn: false,
          headers: { cookie, "x-background-refresh": "1" },
        });
        statuses.push(response.status);
        const set = response.headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`));
        if (set) cookie = set.split(";")[0] ?? cookie;
      }
    } finally {
      vi.setSystemTime(now);
    }
    expect(statuses.slice(0, idleLimitMinutes - 1).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(idleLimitMinutes)).toEqual([401, 401]);
  });
});

describe("routeAccess", () => {
  it.each([
    ["/", "public"],
    ["/exercises", "public"],
    ["/exercises/", "public"],
    ["/exercises/glute-bridge", "public"],
    ["/help", "public"],
    ["/offline", "public"],
    ["/sw.js", "public"],
    ["/icons/icon-512.png", "public"],
    ["/icons", "signed-in-page"],
    ["/offline/today", "signed-in-page"],
    ["/api/v1/sessions", "signed-in-api"],
    ["/api/v1/check-ins", "signed-in-api"],
    ["/sign-in", "public"],
    ["/sign-up", "public"],
    ["/api/auth/session", "public"],
    ["/api/auth/callback/credentials", "public"],
    ["/api/health", "public"],
    ["/_next/webpack-hmr", "public"],
    ["/invite/abc", "public-no-store"],
    ["/verify-email", "public-no-store"],
    ["/forgot-password", "public-no-store"],
    ["/reset-password", "public-no-store"],
    ["/reset-password/x", "signed-in-page"],
    ["/invite", "signed-in-page"],
    ["/today", "signed-in-page"],
    ["/caseload", "signed-in-page"],
    ["/patients/p1/routine", "signed-in-page"],
    ["/account", "signed-in-page"],
    ["/home", "signed-in-page"],
    ["/a-page-added-later", "signed-in-page"],
    ["/exercises-draft", "signed-in-page"],
    ["/sign-in/elsewhere", "signed-in-page"],
    ["/helpdesk", "signed-in-page"],
    ["/api/auth", "signed-in-api"],
    ["/api/health/details", "signed-in-api"],
    ["/api/caseload", "signed-in-api"],
    ["/api/patients/p1/progress", "signed-in-api"],
    ["/api/a-route-added-later", "signed-in-api"],
  ])("classifies %s as %s", (pathname, access) => {
    expect(routeAccess(pathname)).toBe(access);
  });
});
