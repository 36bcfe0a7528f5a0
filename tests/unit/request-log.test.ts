import { describe, expect, it } from "vitest";
import {
  createRouteMatcher,
  isSaneRequestId,
  type RoutesManifest,
  requestIdFor,
  trustedProxyHops,
} from "@/lib/request-log";

// Entries as `next build` writes them to routes-manifest.json (route groups already left out).
const manifest: RoutesManifest = {
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/api/caseload", regex: "^/api/caseload(?:/)?$" },
    { page: "/caseload", regex: "^/caseload(?:/)?$" },
    { page: "/caseload/invite", regex: "^/caseload/invite(?:/)?$" },
    { page: "/today", regex: "^/today(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/api/patients/[patientId]/progress", regex: "^/api/patients/([^/]+?)/progress(?:/)?$" },
    { page: "/invite/[token]", regex: "^/invite/([^/]+?)(?:/)?$" },
    { page: "/patients/[patientId]", regex: "^/patients/([^/]+?)(?:/)?$" },
    { page: "/patients/[patientId]/notes", regex: "^/patients/([^/]+?)/notes(?:/)?$" },
  ],
};
const routeOf = createRouteMatcher(manifest, ["/exercises/clamshell.svg", "/icon.svg"]);

describe("the route a request is logged under", () => {
  it.each([
    ["/", "/"],
    ["/today", "/today"],
    ["/today/", "/today"],
    ["/today?_rsc=1x2y", "/today"],
    ["/caseload/invite?patientEmail=someone%40example.test", "/caseload/invite"],
    ["/patients/cmf0abc123def456ghi789jkl", "/patients/[patientId]"],
    ["/patients/cmf0abc123def456ghi789jkl/notes", "/patients/[patientId]/notes"],
    ["/api/patients/cmf0abc123def456ghi789jkl/progress?range=1y", "/api/patients/[patientId]/progress"],
    ["/api/auth/callback/credentials", "/api/auth/[...nextauth]"],
    ["/exercises/clamshell.svg", "/exercises/clamshell.svg"],
    ["/_next/static/chunks/app/page-0a1b2c.js", "/_next/static/[...path]"],
    ["/_next/image?url=%2Fx.png&w=64&q=75", "/_next/image"],
    ["/today.rsc", "/today"],
    ["http://localhost:3000/today?x=1", "/today"],
  ])("%s is logged as %s", (url, route) => {
    expect(routeOf(url)).toBe(route);
  });

  it("names an invitation's route, never its token", () => {
    const token = "q9Zt3Yw_Lk2-0abcdefghijklmnopqrstuvwxyzABCD";
    const route = routeOf(`/invite/${token}`);
    expect(route).toBe("/invite/[token]");
    expect(route).not.toContain(token);
  });

  it.each([
    "/no-such-page",
    "/patients/x/y/z",
    "/exercises/not-a-file.svg",
    "/_next/data/x.json",
    "*",
    "",
    "http://[bad",
  ])("%j matches no route and is logged as unmatched", (url) => {
    expect(routeOf(url)).toBe("unmatched");
  });

  it("knows no routes when the manifest lists none", () => {
    expect(createRouteMatcher({})("/today")).toBe("unmatched");
  });
});

describe("the request id", () => {
  const made = () => "made-here";

  it("is made by the server when nothing came through a proxy", () => {
    expect(requestIdFor({ "x-request-id": "from-client" }, 1, made)).toBe("made-here");
    // No trusted proxy: a client's X-Forwarded-For proves nothing.
    expect(requestIdFor({ "x-forwarded-for": "203.0.113.9", "x-request-id": "from-client" }, 0, made)).toBe(
      "made-here",
    );
  });

  it("is kept from a request that passed the trusted proxies", () => {
    const headers = { "x-forwarded-for": "203.0.113.9", "x-request-id": "abc-123.DEF_456" };
    expect(requestIdFor(headers, 1, made)).toBe("abc-123.DEF_456");
  });

  it("is made by the server when fewer proxies forwarded it than are trusted", () => {
    const headers = { "x-forwarded-for": "203.0.113.9", "x-request-id": "abc" };
    expect(requestIdFor(headers, 2, made)).toBe("made-here");
    expect(requestIdFor({ ...headers, "x-forwarded-for": "198.51.100.1, 203.0.113.9" }, 2, made)).toBe("abc");
  });

  it.each([
    ["a space", "abc def"],
    ["a line break", "abc\ninjected"],
    ["a quote", 'abc"}'],
    ["129 characters", "a".repeat(129)],
    ["nothing", ""],
    ["an e-mail address", "someone@example.test"],
  ])("is made by the server when the forwarded one has %s", (_label, sent) => {
    expect(requestIdFor({ "x-forwarded-for": "203.0.113.9", "x-request-id": sent }, 1, made)).toBe(
      "made-here",
    );
  });

  it("accepts plain tokens of up to 128 characters", () => {
    expect(isSaneRequestId("a".repeat(128))).toBe(true);
    expect(isSaneRequestId("0f8fad5b-d9cb-469f-a165-70867728950e")).toBe(true);
    expect(isSaneRequestId(["a", "b"])).toBe(false);
  });

  it("trusts as many proxies as TRUSTED_PROXY_HOPS says, none by default", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "11" })).toThrow(
      'TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, got "11"',
    );
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "many" })).toThrow(/^TRUSTED_PROXY_HOPS must be/);
  });
});
