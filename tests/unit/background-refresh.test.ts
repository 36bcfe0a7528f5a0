import { afterEach, describe, expect, it, vi } from "vitest";
import {
  idleSignInPath,
  idleSignOutBody,
  isIdleSignOut,
  leaveIfSignedOutIdle,
} from "@/lib/background-refresh";

describe("the idle sign-out of a background refresh", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is told apart from other refusals", () => {
    expect(isIdleSignOut(401, idleSignOutBody)).toBe(true);
    expect(isIdleSignOut(401, { message: "Sign in to see your patients." })).toBe(false);
    expect(isIdleSignOut(404, idleSignOutBody)).toBe(false);
    expect(isIdleSignOut(401, null)).toBe(false);
  });

  it("sends the screen to the sign-in page that says why, and back afterwards", () => {
    const assign = vi.fn();
    vi.stubGlobal("window", { location: { pathname: "/caseload", search: "?flag=pain", assign } });
    leaveIfSignedOutIdle(401, { message: "Sign in to see your patients." });
    expect(assign).not.toHaveBeenCalled();
    leaveIfSignedOutIdle(401, idleSignOutBody);
    expect(assign).toHaveBeenCalledWith("/sign-in?signedOut=idle&callbackUrl=%2Fcaseload%3Fflag%3Dpain");
    expect(idleSignInPath("/caseload")).toBe("/sign-in?signedOut=idle&callbackUrl=%2Fcaseload");
  });
});
