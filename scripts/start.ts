// `npm start`: prepare the database, build when the sources changed, serve.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "../lib/config.ts";
import { removeServerLock, writeServerLock } from "../lib/ops/server-lock.ts";
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
  writeFileSync(stampFile, stamp);
}

try {
  const env = prepareRuntimeEnv();
  // Tells `npm run restore` the data is in use, from migrating on; the server's pid joins below, as
  // the server would outlive a parent killed with -9.
  writeServerLock(env.dataDir, [process.pid]);
  // PostgreSQL: migrations are `npm run db:migrate`, as the owner; an instance only checks them.
  const { demoPassword } = await prepareDatabase(env, env.embedded ? "migrate" : "check");
  buildIfNeeded();
  const port = String(config().port);
  // scripts/server.ts serves the build as `next start` would, and logs each request as a JSON line.
  const server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts"), "-p", port], {
    stdio: ["ignore", "inherit", "inherit"],
    env: process.env,
  });
  console.log(`\nServing on http://localhost:${port} (${env.embedded ? "embedded SQLite" : "PostgreSQL"})`);
  if (demoPassword) printDemoSignIns(demoPassword);
  if (server.pid) writeServerLock(env.dataDir, [process.pid, server.pid]);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => {
    removeServerLock(env.dataDir);
    process.exit(code ?? 0);
  });
} catch (error) {
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
