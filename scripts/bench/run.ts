// `npm run bench`: seeds the reference data set into ./bench-data (once), serves the production
// build on it, and prints p50/p95 latency and database queries per request of the pages and
// handlers DESIGN.md section 9 sets bars for, next to a trivial dynamic page on the same server so
// the figures read as ratios.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { hashPassword } from "../../lib/auth/password.ts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { applyMigrations } from "../../lib/db/migrate.ts";
import { seedCatalog } from "../../prisma/seed/catalog.ts";
import { referencePhysios, seedReferenceData } from "./reference-data.ts";

const dataDir = path.resolve("bench-data");
const file = path.join(dataDir, "bench.db");
const databaseUrl = `file:${file}`;
// The server appends one line per SQL statement here (lib/db/client.ts, DB_QUERY_LOG).
const queryLog = path.join(dataDir, "queries.log");
// A build folder of its own, so a bench never serves (or breaks) the build an e2e run is using.
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;
const samples = Number(process.env.BENCH_SAMPLES ?? 60);
const warmUp = 5;
const authSecret = "bench-secret-not-for-production-0123456789";

type Ids = {
  physioId: string;
  smallPhysioId: string;
  patientId: string;
  writerId: string;
  exercise: { id: string; perSide: boolean };
};

function readIds(): Ids | null {
  const db = new Database(file, { readonly: true });
  try {
    const idOf = (email: string) =>
      (db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(email) as { id: string } | undefined)?.id;
    const exercise = db.prepare(`SELECT id, "defaultPerSide" AS perSide FROM "Exercise" LIMIT 1`).get() as
      | { id: string; perSide: number }
      | undefined;
    const ids = {
      physioId: idOf(referencePhysios.large),
      smallPhysioId: idOf(referencePhysios.small),
      patientId: idOf("bench-patient-0@bench.test"),
      writerId: idOf("bench-patient-199@bench.test"),
    };
    if (!ids.physioId || !ids.smallPhysioId || !ids.patientId || !ids.writerId || !exercise) return null;
    return {
      physioId: ids.physioId,
      smallPhysioId: ids.smallPhysioId,
      patientId: ids.patientId,
      writerId: ids.writerId,
      exercise: { id: exercise.id, perSide: exercise.perSide === 1 },
    };
  } finally {
    db.close();
  }
}

async function prepareData(): Promise<Ids> {
  if (process.env.BENCH_RESEED === "1") rmSync(dataDir, { recursive: true, force: true });
  if (existsSync(file) && !readIds()) {
    console.log("The cached data set predates this bench (no 20-patient physio): seeding it again.");
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) {
    console.log("Seeding the reference data set (200 patients x 2 years)…");
    const started = Date.now();
    await applyMigrations(databaseUrl);
    const db = createPrismaClient(databaseUrl);
    await seedCatalog(db);
    await db.$disconnect();
    seedReferenceData(file, await hashPassword("bench password"));
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const ids = readIds();
  if (!ids) throw new Error("The reference data set is incomplete: run again with BENCH_RESEED=1.");
  const db = new Database(file, { readonly: true });
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM "PainEntry") AS pain, (SELECT COUNT(*) FROM "ExerciseSession") AS sessions, (SELECT COUNT(*) FROM "SessionEntry") AS entries, (SELECT COUNT(*) FROM "AuditEvent") AS audits`,
    )
    .get() as Record<string, number>;
  db.close();
  // Audit events are append-only (a trigger refuses deletes): each caseload request adds a row per patient.
  console.log(
    `Data: ${counts.pain} pain entries, ${counts.sessions} sessions, ${counts.entries} session entries, ${counts.audits} audit events`,
  );
  return ids;
}

async function sessionCookie(userId: string, role: "PATIENT" | "PHYSIO"): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const name = "authjs.session-token";
  const token = await encode({
    salt: name,
    secret: authSecret,
    maxAge: 1800,
    token: {
      sub: userId,
      uid: userId,
      role,
      sv: 0,
      sid: `bench-${userId}`,
      signedInAt: now,
      lastSeenAt: now,
    },
  });
  return `${name}=${token}`;
}

// Statements logged so far; requests are sequential, so the difference around one is its count.
let logBytes = 0;
let logLines = 0;
function queriesSoFar(): number {
  const size = existsSync(queryLog) ? statSync(queryLog).size : 0;
  if (size <= logBytes) return logLines;
  const chunk = Buffer.alloc(size - logBytes);
  const fd = openSync(queryLog, "r");
  try {
    readSync(fd, chunk, 0, chunk.length, logBytes);
  } finally {
    closeSync(fd);
  }
  for (const byte of chunk) if (byte === 10) logLines++;
  logBytes = size;
  return logLines;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

type Result = { p50: number; p95: number; queries: { min: number; max: number } };

/** Times `send` (response body included) and counts the statements each request ran. */
async function measure(
  label: string,
  send: () => Promise<Response>,
  check: (status: number, body: string) => boolean = (status) => status < 400,
): Promise<Result> {
  for (let i = 0; i < warmUp; i++) await (await send()).arrayBuffer();
  const times: number[] = [];
  const counts: number[] = [];
  const statuses = new Set<number>();
  let failures = 0;
  for (let i = 0; i < samples; i++) {
    const before = queriesSoFar();
    const started = performance.now();
    const response = await send();
    const body = await response.text();
    times.push(performance.now() - started);
    counts.push(queriesSoFar() - before);
    statuses.add(response.status);
    if (!check(response.status, body)) failures++;
  }
  times.sort((a, b) => a - b);
  const result = {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    queries: { min: Math.min(...counts), max: Math.max(...counts) },
  };
  const status = [...statuses].join("/") + (failures ? ` (${failures} failed)` : "");
  const queries =
    result.queries.min === result.queries.max
      ? `${result.queries.min}`
      : `${result.queries.min}-${result.queries.max}`;
  console.log(
    `${label.padEnd(46)} ${status.padEnd(4)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95.toFixed(1).padStart(7)} ms   queries ${queries}`,
  );
  return result;
}

const get = (url: string, cookie?: string) => () =>
  fetch(base + url, { headers: cookie ? { cookie } : undefined, redirect: "manual" });

async function rowCount(url: string, cookie: string): Promise<number | string> {
  const response = await fetch(base + url, { headers: { cookie } });
  const body = (await response.json()) as unknown;
  return Array.isArray(body) ? body.length : `status ${response.status}`;
}

/**
 * The quick log's server action (logSessionAction), posted the way React's client posts it: the
 * action id from the build's manifest in a Next-Action header, the arguments as JSON. Returns null
 * with a reason when the build does not expose the id (a Next.js change), so the bench says so
 * instead of timing an error page.
 */
function logSessionAction(): { id: string } | { skipped: string } {
  const manifestFile = path.join(distDir, "server", "server-reference-manifest.json");
  if (!existsSync(manifestFile)) return { skipped: `no ${manifestFile}` };
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    node?: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node ?? {}).find(
    ([, entry]) => entry.filename === "lib/actions/logs.ts" && entry.exportedName === "logSessionAction",
  );
  return found ? { id: found[0] } : { skipped: "logSessionAction not found in the action manifest" };
}

function sessionCount(patientId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare(`SELECT COUNT(*) AS n FROM "ExerciseSession" WHERE "patientId" = ?`).get(patientId) as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}

async function waitForServer(exited: () => boolean): Promise<void> {
  // The first start builds the app, which takes minutes on two cores.
  for (let i = 0; i < 1800; i++) {
    if (exited()) throw new Error("The server exited before answering (see the build output above).");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start.");
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");

const ids = await prepareData();
const stale = await fetch(`${base}/api/health`).catch(() => null);
if (stale) throw new Error(`Something already answers on port ${port}: stop it first, or set BENCH_PORT.`);
writeFileSync(queryLog, "");
console.log(`Starting the production server (${distDir}; builds first when the sources changed)…`);
const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    DEMO_DATA: "0",
    AUTH_SECRET: authSecret,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    DB_QUERY_LOG: queryLog,
  },
  stdio: ["ignore", "ignore", "inherit"],
});
let serverExited = false;
server.on("exit", () => {
  serverExited = true;
});
try {
  await waitForServer(() => serverExited);
  const patient = await sessionCookie(ids.patientId, "PATIENT");
  const writer = await sessionCookie(ids.writerId, "PATIENT");
  const physio = await sessionCookie(ids.physioId, "PHYSIO");
  const smallPhysio = await sessionCookie(ids.smallPhysioId, "PHYSIO");
  console.log(
    `\n${samples} sequential requests each, after ${warmUp} warm-up requests, on ${base}; ${availableParallelism()} cores, load average ${load()}`,
  );
  console.log(
    `Caseload rows served: ${await rowCount("/api/caseload", physio)} and ${await rowCount("/api/caseload", smallPhysio)}\n`,
  );
  await measure("trivial dynamic page (/sign-in)", get("/sign-in"));
  await measure("patient home (/today)", get("/today", patient));
  await measure("progress page (/progress, 3 months)", get("/progress", patient));
  for (const range of ["2w", "3m", "1y", "all"]) {
    await measure(
      `progress data, range ${range}`,
      get(`/api/patients/${ids.patientId}/progress?range=${range}`, patient),
    );
  }
  await measure("physio: one patient (/patients/{id})", get(`/patients/${ids.patientId}`, physio));
  const caseload = {
    page200: await measure("caseload page (/caseload, 200 patients)", get("/caseload", physio)),
    api200: await measure("caseload data (/api/caseload, 200 patients)", get("/api/caseload", physio)),
    page20: await measure("caseload page (/caseload, 20 patients)", get("/caseload", smallPhysio)),
    api20: await measure("caseload data (/api/caseload, 20 patients)", get("/api/caseload", smallPhysio)),
  };

  const action = logSessionAction();
  if ("skipped" in action) {
    console.log(`${"log a session (server action)".padEnd(46)} skipped: ${action.skipped}`);
  } else {
    const before = sessionCount(ids.writerId);
    await measure(
      "log a session (server action on /log)",
      () =>
        fetch(`${base}/log`, {
          method: "POST",
          redirect: "manual",
          headers: {
            cookie: writer,
            "Next-Action": action.id,
            "Content-Type": "text/plain;charset=UTF-8",
            Accept: "text/x-component",
            Origin: base,
          },
          body: JSON.stringify([
            { ok: false },
            {
              clientRequestId: randomUUID(),
              startedAt: new Date(Date.now() - 3_600_000).toISOString(),
              durationMinutes: 20,
              painBefore: "4",
              painAfter: "3",
              notes: "",
              entries: [
                {
                  exerciseId: ids.exercise.id,
                  side: ids.exercise.perSide ? "LEFT" : "BOTH",
                  sets: 2,
                  reps: 10,
                  holdSeconds: 5,
                },
              ],
            },
          ]),
        }),
      (status, body) => status === 200 && body.includes("Session saved."),
    );
    const written = sessionCount(ids.writerId) - before;
    if (written !== samples + warmUp) {
      console.log(
        `  but ${written} sessions were written for ${samples + warmUp} requests: the figure is not valid`,
      );
    }
  }

  console.log(`\nLoad average after: ${load()}`);
  console.log("\nQueries per caseload request (min-max over the samples), 200 vs 20 patients:");
  for (const [label, large, small] of [
    ["/caseload", caseload.page200, caseload.page20],
    ["/api/caseload", caseload.api200, caseload.api20],
  ] as const) {
    const range = (r: Result) =>
      r.queries.min === r.queries.max ? `${r.queries.min}` : `${r.queries.min}-${r.queries.max}`;
    const verdict =
      large.queries.max > small.queries.max
        ? "GROWS"
        : large.queries.min === small.queries.min && large.queries.max === small.queries.max
          ? "constant"
          : "differs";
    console.log(
      `  ${label.padEnd(14)} 200 patients: ${range(large).padStart(3)}   20 patients: ${range(small).padStart(3)}   ${verdict}`,
    );
  }
} finally {
  server.kill("SIGTERM");
}
