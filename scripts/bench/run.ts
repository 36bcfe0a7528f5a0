// `npm run bench [-- --db sqlite|postgres|both]`: seeds the reference data set (once) into SQLite
// (./bench-data) and PostgreSQL (BENCH_DATABASE_URL), then per database serves the production build
// on it and prints the sequential figures (latency and statements per request), then the
// concurrent capacity run (1, 10 and 50 users by default). See the README's "Benchmarks".
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { capacityUsers, runCapacity, runTrivial, warmUp } from "./capacity.ts";
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
        const pages = ["today", "log page", "progress page", "caseload page", "patient record"] as const;
        const pageP95 = Math.max(
          ...pages.map((name) => {
            const sorted = [...(result.steps.get(name)?.durations ?? [])].sort((a, b) => a - b);
            return sorted[Math.ceil(0.95 * sorted.length) - 1] ?? 0;
          }),
        );
        const sessions = result.steps.get("log session");
        const sessionSorted = [...(sessions?.durations ?? [])].sort((a, b) => a - b);
        summary.push(
          `${db.kind.padEnd(8)} ${String(users).padStart(3)} users: ${result.requestsPerSecond.toFixed(1).padStart(6)} req/s (trivial page ${trivial.toFixed(0)}), worst page p95 ${pageP95.toFixed(0)} ms, session log p95 ${(sessionSorted[Math.ceil(0.95 * sessionSorted.length) - 1] ?? 0).toFixed(0)} ms, ${((sessions?.succeeded ?? 0) / Number(process.env.BENCH_CAPACITY_SECONDS ?? 10)).toFixed(1)} sessions/s, ${result.errors} errors, ${result.busy} SQLITE_BUSY, ${result.serverErrors} server errors${result.writeMismatch ? ", ROW MISMATCH" : ""}`,
        );
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
