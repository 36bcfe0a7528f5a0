import {
  getAccessFallbackHTTPStatus,
  isHTTPAccessFallbackError,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import { describe, expect, it } from "vitest";
import { NotFoundError, RuleError } from "@/lib/data/errors";
import { isNotFound, isRedirect } from "@/lib/next-errors";

// The contract lib/next-errors.ts relies on, checked against Next's own recognisers (which the
// app itself may not import): a page that lets a NotFoundError through gets Next's 404 page.

function thrown(signal: () => unknown): unknown {
  try {
    signal();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("NotFoundError", () => {
  it("is Next's not-found error as far as Next can tell, with status 404", () => {
    const error = new NotFoundError("That session");
    expect(isHTTPAccessFallbackError(error)).toBe(true);
    expect(getAccessFallbackHTTPStatus(error as never)).toBe(404);
    expect(thrown(() => unstable_rethrow(error))).toBe(error);
  });

  it("keeps its own message for the actions to show", () => {
    expect(new NotFoundError("That session").message).toBe("That session was not found.");
    expect(new NotFoundError()).toBeInstanceOf(Error);
  });
});

describe("isNotFound and isRedirect", () => {
  it("recognise what the data layer and Next throw", () => {
    expect(isNotFound(new NotFoundError())).toBe(true);
    expect(isNotFound(thrown(notFound))).toBe(true);
    expect(isRedirect(thrown(notFound))).toBe(false);

    const toSignIn = thrown(() => redirect("/sign-in?callbackUrl=%2Ftoday"));
    expect(isRedirectError(toSignIn)).toBe(true);
    expect(isRedirect(toSignIn)).toBe(true);
    expect(isNotFound(toSignIn)).toBe(false);
  });

  it("leave every other error alone", () => {
    for (const error of [
      new RuleError("No."),
      new Error("NEXT_HTTP_ERROR_FALLBACK;404"),
      { digest: "NEXT_HTTP_ERROR_FALLBACK;403" },
      { digest: 404 },
      null,
      "NEXT_REDIRECT",
    ]) {
      expect(isNotFound(error)).toBe(false);
      expect(isRedirect(error)).toBe(false);
    }
  });
});
