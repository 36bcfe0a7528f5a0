import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { authConfig } from "@/lib/auth.config";
import { authBodyLimitBytes, readLimitedBody, withBodyLimit } from "@/lib/body-limit";
import { safeCallbackPath } from "@/lib/validation/auth";

const baseUrl = "https://app.example";

type StreamingInit = ConstructorParameters<typeof NextRequest>[1];

/** A body that streams in 16 KiB chunks without saying its length, as a chunked upload does. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(16 * 1024, bytes - sent)).fill(97);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("the Auth.js routes' body limit", () => {
  it("answers 413 to a body over 64 KiB, declared or streamed, without calling Auth.js", async () => {
    const handler = vi.fn(async () => new Response("handled"));
    const post = withBodyLimit(handler, authBodyLimitBytes);
    const declared = await post(
      new NextRequest(`${baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-length": String(100 * 1024 * 1024) },
        body: "x",
      }),
    );
    expect(declared.status).toBe(413);
    const chunked = await post(
      new NextRequest(`${baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        body: streamed(authBodyLimitBytes + 1),
        duplex: "half",
      } as StreamingInit),
    );
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toEqual({ error: "The request body is over 64 KiB." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes a body of exactly 64 KiB on to Auth.js unchanged", async () => {
    const handler = vi.fn(
      async (request: NextRequest) => new Response(String((await request.text()).length)),
    );
    const post = withBodyLimit(handler, authBodyLimitBytes);
    const response = await post(
      new NextRequest(`${baseUrl}/api/auth/signout`, {
        method: "POST",
        body: streamed(authBodyLimitBytes),
        duplex: "half",
      } as StreamingInit),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(String(authBodyLimitBytes));
  });

  it("reads an empty body as empty", async () => {
    expect(await readLimitedBody(new Request(baseUrl, { method: "POST" }), 10)).toEqual(new Uint8Array());
  });
});

describe("where Auth.js redirects", () => {
  const redirect = (url: string) => authConfig.callbacks.redirect({ url, baseUrl });

  it.each([
    ["/today?x=1", `${baseUrl}/today?x=1`],
    [`${baseUrl}/caseload`, `${baseUrl}/caseload`],
    ["/%E2%98%83", `${baseUrl}/%E2%98%83`],
  ])("keeps the plain local path %j", (url, expected) => {
    expect(redirect(url)).toBe(expected);
  });

  it.each([
    "/☃",
    "/caf\u00e9",
    "/\u0100",
    "https://evil.example/today",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "not a url",
    `/${"a".repeat(2100)}`,
  ])("sends %j home instead", (url) => {
    expect(redirect(url)).toBe(`${baseUrl}/`);
  });

  it("never returns a target a Location header cannot carry", () => {
    for (const url of ["/☃", "/\u{1F600}", "/a b", "/\u0000"]) {
      expect(() => new Headers({ Location: redirect(url) })).not.toThrow();
    }
  });

  it("refuses anything but printable ASCII in a sign-in form's callbackUrl", () => {
    expect(safeCallbackPath("/☃", "/home")).toBe("/home");
    expect(safeCallbackPath("/today?q=a b", "/home")).toBe("/home");
    expect(safeCallbackPath("/today?q=a%20b", "/home")).toBe("/today?q=a%20b");
  });
});
