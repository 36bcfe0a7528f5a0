// The production server (`npm start` runs it after building): Next's request handler inside a plain
// Node HTTP server, so each request gets an id and one JSON log line, and everything the process
// prints (Next's own messages included) is a JSON line. Usage: server.ts [-p port] [-H hostname]
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { format, stripVTControlCharacters } from "node:util";

// As `next start` does, before Next or React is loaded: they pick their production builds by it.
Object.assign(process.env, { NODE_ENV: "production", NEXT_RUNTIME: "nodejs" });

const { config } = await import("../lib/config.ts");
const { logger } = await import("../lib/log.ts");
const { createRouteMatcher, requestIdFor, requestIdHeader, trustedProxyHops } = await import(
  "../lib/request-log.ts"
);
const { clientAddressHeader, clientAddressOf } = await import("../lib/forwarded.ts");
const { createPrismaClient } = await import("../lib/db/client.ts");
const { reminderContext } = await import("../lib/reminders/context.ts");
const { startReminderScheduler } = await import("../lib/reminders/scheduler.ts");
const { default: next } = await import("next");

// One database client for the process, made before Next loads: lib/db.ts takes the one it finds on
// globalThis, so the app and the reminder scheduler share it. With SQLite a second client would be
// a second connection whose busy-wait blocks the event loop while the first holds a transaction.
const db = createPrismaClient();
(globalThis as { db?: typeof db }).db = db;

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.resolve(root, process.env.NEXT_DIST_DIR ?? ".next");
const shutdownGraceMs = 10_000;

function option(short: string, long: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === short || arg === long);
  return at >= 0 ? args[at + 1] : undefined;
}
const port = Number(option("-p", "--port") ?? config().port);
const hostname = option("-H", "--hostname") ?? config().host;

const requestContext = new AsyncLocalStorage<string>();

// Next and its libraries print with console.*: those lines become JSON too, with the request id
// when they happen during a request, and an Error argument logged with its stack.
function consoleTo(level: "debug" | "info" | "warn" | "error") {
  return (...args: unknown[]) => {
    const err = args.find((arg) => arg instanceof Error);
    const text = stripVTControlCharacters(format(...args.filter((arg) => arg !== err))).trim();
    logger[level]({ requestId: requestContext.getStore(), err }, text || (err as Error | undefined)?.message);
  };
}
console.debug = consoleTo("debug");
console.log = consoleTo("info");
console.info = consoleTo("info");
console.warn = consoleTo("warn");
console.error = consoleTo("error");

function filesUnder(folder: string, prefix = ""): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}/${name}`) : [`${prefix}/${name}`];
  });
}

function fail(message: string, error: unknown): never {
  logger.fatal({ err: error }, message);
  process.exit(1);
}

const app = next({ dev: false, dir: root, port, hostname: hostname ?? "localhost" });
await app.prepare().catch((error: unknown) => fail("cannot start (was the app built?)", error));
const handle = app.getRequestHandler();
const routeOf = createRouteMatcher(
  JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")),
  filesUnder(path.join(root, "public")),
);
const hops = trustedProxyHops();

const server = http.createServer((request, response) => {
  const started = performance.now();
  const requestId = requestIdFor(request.headers, hops, randomUUID);
  // Always overwritten: the app believes this header only because no client can set it.
  request.headers[clientAddressHeader] = clientAddressOf(
    request.socket.remoteAddress,
    request.headers["x-forwarded-for"],
    hops,
  );
  // Set on the request too, so the app's own log lines (lib/log-event.ts) carry the same id.
  request.headers[requestIdHeader] = requestId;
  response.setHeader("X-Request-Id", requestId);
  const route = routeOf(request.url ?? "");
  let logged = false;
  const logRequest = () => {
    if (logged) return;
    logged = true;
    const status = response.statusCode;
    logger[status >= 500 ? "error" : "info"](
      {
        requestId,
        method: request.method,
        route,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      "request",
    );
  };
  response.on("finish", logRequest);
  response.on("close", logRequest);
  requestContext.run(requestId, () =>
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error, requestId }, "request failed");
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    }),
  );
});

// Reminders (lib/reminders): each instance scans every minute; claims make several instances send
// each reminder at most once.
const reminders = startReminderScheduler(reminderContext(db), {
  onScan: (summary) => {
    if (summary.sent + summary.skipped + summary.failed + summary.heldElsewhere > 0) {
      logger.info({ event: "reminders_scanned", ...summary }, "reminders scanned");
    }
  },
  onError: (error) => logger.error({ err: error, event: "reminders_failed" }, "reminder scan failed"),
});

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping after the requests in flight");
  // Requests in flight finish; idle keep-alive connections close now, busy ones after the grace.
  server.close(() => {
    // A reminder scan in flight finishes (its claims are kept or released), then nothing new starts.
    void reminders
      .stop()
      .catch(() => undefined)
      .then(() => app.close())
      .catch(() => undefined)
      .then(() => db.$disconnect())
      .catch(() => undefined)
      .then(() => {
        logger.info("stopped");
        process.exit(0);
      });
  });
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), shutdownGraceMs).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

server.on("error", (error) => fail("cannot listen", error));
server.listen(port, hostname, () => {
  logger.info(
    { port, host: hostname ?? "all interfaces", distDir: path.relative(root, distDir) },
    "listening",
  );
});
