import { describe, expect, it } from "vitest";
import { cacheRuleFor } from "@/lib/sw/caching";
import { defaultNotificationTitle, notificationFromPush, safeNotificationPath } from "@/lib/sw/notification";

const origin = "https://coach.example";
const rule = (path: string, method = "GET", from = origin) =>
  cacheRuleFor(new URL(path, from), origin, method);

describe("what the service worker may keep", () => {
  it.each([
    ["/_next/static/chunks/app-123.js", "static"],
    ["/_next/static/css/a1.css", "static"],
    ["/exercises/glute-bridge.svg", "drawing"],
    ["/icons/icon-192.png", "static"],
    ["/exercises", "catalog-page"],
    ["/exercises/glute-bridge", "catalog-page"],
    ["/help", "catalog-page"],
    ["/offline", "catalog-page"],
  ])("keeps %s (%s)", (path, expected) => {
    expect(rule(path)).toBe(expected);
  });

  it.each([
    "/today",
    "/session",
    "/history",
    "/home",
    "/account",
    "/settings",
    "/caseload",
    "/patients/p1",
    "/api/v1/sessions",
    "/api/caseload",
    "/api/auth/session",
    "/exercises?area=hip",
    "/exercises/glute-bridge?_rsc=abc",
    "/invite/token",
    "/sw.js",
    "/",
  ])("never keeps %s", (path) => {
    expect(rule(path)).toBe("never");
  });

  it("never keeps a write or another site's file", () => {
    expect(rule("/exercises", "POST")).toBe("never");
    expect(rule("/_next/static/chunks/a.js", "GET", "https://elsewhere.example")).toBe("never");
  });
});

describe("the push notification", () => {
  it("shows the title, body and address the reminder sends", () => {
    expect(
      notificationFromPush(JSON.stringify({ title: "A title", body: "A body", url: "/session" })),
    ).toEqual({
      title: "A title",
      body: "A body",
      url: "/session",
    });
  });

  it("falls back to a neutral title and Today when the message is empty or not JSON", () => {
    for (const raw of [null, "", "not json", "[]", JSON.stringify({ title: "  " })]) {
      expect(notificationFromPush(raw)).toEqual({ title: defaultNotificationTitle, body: "", url: "/today" });
    }
  });

  it("opens only this site's pages", () => {
    expect(safeNotificationPath("https://evil.example/today")).toBe("/today");
    expect(safeNotificationPath("//evil.example/x")).toBe("/today");
    expect(safeNotificationPath("/\\evil.example")).toBe("/today");
    expect(safeNotificationPath("javascript:alert(1)")).toBe("/today");
    expect(safeNotificationPath("/history?tab=pain")).toBe("/history?tab=pain");
    expect(safeNotificationPath(42)).toBe("/today");
  });
});
