// `npm start`: prepare the database, build when the sources changed, serve. package.json runs it
// with `exec node --import tsx`, so no shell or tsx wrapper sits between npm and this process:
// npm's SIGTERM reaches it, it passes the signal to the server, and both exit 0 after draining.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, config } from "../lib/config.ts";
import { sqliteFilePath } from "../lib/db/provider.ts";
import { ensureLedger } from "../lib/erasure/ledger.ts";
import { mailStartupProblem } from "../lib/mail/settings.ts";
import { removeServerLock, writeServerLock } from "../lib/ops/server-lock.ts";
import { buildServiceWorker } from "./build-service-worker.ts";
import { prepareDatabase, printDemoSignIns } from "./prepare-db.ts";
import { prepareRuntimeEnv } from "./runtime-env.ts";

const buildInputs = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const stampFile = path.join(distDir, "source-stamp");
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

function filesUnder(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  if (entry === path.join("lib", "generated")) return [];
  return readdirSync(entry)
    .sort()
    .flatMap((child) => filesUnder(path.join(entry, child)));
}

function sourceStamp(): string {
  const hash = createHash("sha256");
  for (const file of buildInputs.flatMap(filesUnder)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const stamp = sourceStamp();
  if (
    existsSync(path.join(distDir, "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp
  )
    return;
  console.log("Building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // Stamped after the build: `next build` may rewrite tsconfig.json (one of the inputs), and a stamp
  // of the sources as they were before would make the next start build again, into a folder another
  // server may be serving from.
  writeFileSync(stampFile, sourceStamp());
}

// Everything this process and the server create (the database, its -wal and -shm files, secrets,
// the build) is readable by the owner only: the database holds health data.
process.umask(0o077);

/** Files an earlier version created under a looser umask are tightened too. */
function tightenDataFiles(databaseUrl: string): void {
  const database = databaseUrl.startsWith("file:") ? sqliteFilePath(databaseUrl) : undefined;
  for (const file of [database, `${database}-wal`, `${database}-shm`]) {
    if (file && existsSync(file)) chmodSync(file, 0o600);
  }
}

try {
  // Checked here, not in lib/config.ts: `npm run db:migrate` and the tools need no e-mail.
  const mailProblem = mailStartupProblem(config());
  if (mailProblem) throw new ConfigError(mailProblem);
  const env = prepareRuntimeEnv();
  tightenDataFiles(env.databaseUrl);
  // The erasure ledger exists from the first start on, so `npm run restore` can always re-apply it
  // (README, "Your data: download and erasure"); it is never part of a backup.
  ensureLedger(config().erasureLedgerPath);
  // Tells `npm run restore` the data is in use, from migrating on; the server's pid joins below, as
  // the server would outlive a parent killed with -9.
  writeServerLock(env.dataDir, [process.pid]);
  // PostgreSQL: migrations are `npm run db:migrate`, as the owner; an instance only checks them.
  const { demoPassword } = await prepareDatabase(env, env.embedded ? "migrate" : "check");
  buildIfNeeded();
  // Always: it takes well under a second and lists the static files of the build being served.
  await buildServiceWorker(distDir);
  const port = String(config().port);
  // scripts/server.ts serves the build as `next start` would, and logs each request as a JSON line.
  const server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts"), "-p", port], {
    stdio: ["ignore", "inherit", "inherit"],
    env: process.env,
  });
  console.log(`\nServing on http://localhost:${port} (${env.embedded ? "embedded SQLite" : "PostgreSQL"})`);
  if (demoPassword) printDemoSignIns(demoPassword);
  if (server.pid) writeServerLock(env.dataDir, [process.pid, server.pid]);
  let stopAsked = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopAsked = true;
      server.kill(signal);
    });
  }
  // The server drains and exits 0 when asked to stop; one that died of a signal nobody sent failed.
  server.on("exit", (code) => {
    removeServerLock(env.dataDir);
    process.exit(code ?? (stopAsked ? 0 : 1));
  });
} catch (error) {
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
