import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logSettings } from "@/lib/log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", pretty: false }, stream) };
}

describe("log settings", () => {
  it("logs JSON at info by default, readable lines in development, nothing under a test runner", () => {
    expect(logSettings({})).toEqual({ level: "info", pretty: false });
    expect(logSettings({ NODE_ENV: "production" })).toEqual({ level: "info", pretty: false });
    expect(logSettings({ NODE_ENV: "development" })).toEqual({ level: "info", pretty: true });
    expect(logSettings({ NODE_ENV: "test" })).toEqual({ level: "silent", pretty: false });
  });

  it("takes LOG_LEVEL and LOG_FORMAT, and refuses a level pino does not know", () => {
    expect(logSettings({ LOG_LEVEL: "Debug", LOG_FORMAT: "pretty" })).toEqual({
      level: "debug",
      pretty: true,
    });
    expect(logSettings({ NODE_ENV: "development", LOG_FORMAT: "json" }).pretty).toBe(false);
    expect(() => logSettings({ LOG_LEVEL: "loud" })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    );
  });
});

describe("log lines", () => {
  it("are one JSON object each, with the level by name and an ISO time", async () => {
    const { lines, logger } = capture();
    logger.info({ route: "/today", status: 200 }, "request");
    logger.error({ err: new Error("database gone") }, "Server action failed");
    expect(lines).toHaveLength(2);
    const [request, failure] = lines.map((line) => JSON.parse(line));
    expect(request).toMatchObject({ level: "info", route: "/today", status: 200, msg: "request" });
    expect(new Date(request.time).toISOString()).toBe(request.time);
    expect(failure.level).toBe("error");
    expect(failure.err.stack).toContain("database gone");
  });

  it("blank out secrets passed by mistake, at the top level and one level down", () => {
    const { lines, logger } = capture();
    logger.warn(
      {
        password: "correct horse",
        email: "someone@example.test",
        input: { token: "tok-123", note: "knee hurts", inviteCode: "ABCD-EFGH" },
        req: { headers: { cookie: "session=abc", authorization: "Bearer xyz" } },
        err: Object.assign(new Error("unique"), { code: "P2002" }),
      },
      "oops",
    );
    const line = lines.join("\n");
    for (const secret of [
      "correct horse",
      "someone@example.test",
      "tok-123",
      "knee hurts",
      "ABCD-EFGH",
      "session=abc",
      "Bearer xyz",
    ]) {
      expect(line).not.toContain(secret);
    }
    // An error's code is no secret and stays readable.
    expect(JSON.parse(line).err.code).toBe("P2002");
  });
});
