// `npm run bench [-- --db sqlite|postgres|both]`: seeds the reference data set (once) into SQLite
// (./bench-data) and PostgreSQL (BENCH_DATABASE_URL), then per database serves the production build
// on it and prints the sequential figures (latency and statements per request), then the
// concurrent capacity run (1, 10 and 50 users by default). See the README's "Benchmarks".
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { capacityUsers, runCapacity, runTrivial, summaryLine, warmUp } from "./capacity.ts";
import { type BenchDatabase, dataDir, postgresDatabase, sqliteDatabase } from "./data.ts";
import { runSequential } from "./sequential.ts";
import { startServer } from "./server.ts";

const flag = process.argv.indexOf("--db");
const which = flag >= 0 ? process.argv[flag + 1] : "both";
if (which !== "sqlite" && which !== "postgres" && which !== "both") {
  throw new Error("--db takes sqlite, postgres or both.");
}
const only = process.argv.includes("--capacity-only")
  ? "capacity"
  : process.argv.includes("--sequential-only")
    ? "sequential"
    : "all";
const port = Number(process.env.BENCH_PORT ?? 3900);
const databases: BenchDatabase[] = [
  ...(which !== "postgres" ? [sqliteDatabase()] : []),
  ...(which !== "sqlite" ? [postgresDatabase()] : []),
];

// What production on PostgreSQL requires besides the database (README, "Production"): fixed,
// published values, as the bench's AUTH_SECRET is; nothing here protects real data.
const benchKey = Buffer.alloc(32, 7).toString("base64");
const serverEnv = (db: BenchDatabase): Record<string, string> =>
  db.kind === "postgres"
    ? {
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: benchKey,
        TOTP_ENCRYPTION_KEY: benchKey,
        ERASURE_LEDGER_PATH: path.join(dataDir, "erasure-ledger-postgres.jsonl"),
        MAIL_DISABLED: "1",
      }
    : {};

const summary: string[] = [];
for (const db of databases) {
  const ids = await db.prepare();
  // The server appends one line per SQL statement here (lib/db/client.ts, DB_QUERY_LOG).
  const queryLog = path.join(dataDir, `queries-${db.kind}.log`);
  if (only !== "capacity") {
    writeFileSync(queryLog, "");
    console.log(`Starting the production server on ${db.kind} (builds first when the sources changed)…`);
    const server = await startServer({
      port,
      databaseUrl: db.url,
      dataDir,
      queryLog,
      extraEnv: serverEnv(db),
    });
    try {
      await runSequential(server.base, queryLog, db, ids);
    } finally {
      await server.stop();
      rmSync(queryLog, { force: true });
    }
  }
  if (only !== "sequential") {
    // Without the statement log, which writes a line per statement synchronously.
    const server = await startServer({ port, databaseUrl: db.url, dataDir, extraEnv: serverEnv(db) });
    try {
      console.log(`\nCapacity on ${db.kind}: no pause between requests, one server instance`);
      await warmUp(server, db, ids);
      const trivial = await runTrivial(server, Math.max(...capacityUsers));
      for (const users of capacityUsers) {
        const result = await runCapacity(server, db, ids, users);
        summary.push(summaryLine(db.kind, result, trivial));
        // The rows did not add up: the figures are not valid, and a script running the bench should know.
        if (result.writeMismatch) process.exitCode = 1;
      }
    } finally {
      await server.stop();
    }
  }
}
if (summary.length)
  console.log(
    `\nCapacity summary (goals: 0 errors and 0 SQLITE_BUSY at 50 users, page p95 <= 500 ms, session log p95 <= 1 s, >= 50 sessions/s)\n${summary.join("\n")}`,
  );
