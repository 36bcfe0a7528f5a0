// `npm run bench`: seeds the reference data set into ./bench-data (once), serves the production
// build on it, and prints p50/p95 latency of the pages and handlers DESIGN.md section 9 sets
// bars for, next to a trivial dynamic page on the same server so the figures read as ratios.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { hashPassword } from "../../lib/auth/password.ts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { applyMigrations } from "../../lib/db/migrate.ts";
import { seedCatalog } from "../../prisma/seed/catalog.ts";
import { seedReferenceData } from "./reference-data.ts";

const dataDir = path.resolve("bench-data");
const file = path.join(dataDir, "bench.db");
const databaseUrl = `file:${file}`;
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;
const samples = Number(process.env.BENCH_SAMPLES ?? 60);
const authSecret = "bench-secret-not-for-production-0123456789";

async function prepareData(): Promise<{ physioId: string; patientId: string }> {
  if (process.env.BENCH_RESEED === "1") rmSync(dataDir, { recursive: true, force: true });
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
  const db = new Database(file, { readonly: true });
  const physio = db.prepare(`SELECT id FROM "User" WHERE email = 'bench-physio@bench.test'`).get() as {
    id: string;
  };
  const patient = db.prepare(`SELECT id FROM "User" WHERE email = 'bench-patient-0@bench.test'`).get() as {
    id: string;
  };
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM "PainEntry") AS pain, (SELECT COUNT(*) FROM "ExerciseSession") AS sessions, (SELECT COUNT(*) FROM "SessionEntry") AS entries`,
    )
    .get() as Record<string, number>;
  console.log(
    `Data: ${counts.pain} pain entries, ${counts.sessions} sessions, ${counts.entries} session entries`,
  );
  db.close();
  return { physioId: physio.id, patientId: patient.id };
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(label: string, url: string, cookie?: string): Promise<void> {
  const headers = cookie ? { cookie } : undefined;
  for (let i = 0; i < 5; i++) await (await fetch(base + url, { headers, redirect: "manual" })).arrayBuffer();
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const response = await fetch(base + url, { headers, redirect: "manual" });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    status = response.status;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} ${String(status).padEnd(4)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`,
  );
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start.");
}

const { patientId, physioId } = await prepareData();
const stale = await fetch(`${base}/api/health`).catch(() => null);
if (stale) throw new Error(`Something already answers on port ${port}: stop it first, or set BENCH_PORT.`);
const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    DEMO_DATA: "0",
    AUTH_SECRET: authSecret,
    NODE_ENV: "production",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  await waitForServer();
  const patient = await sessionCookie(patientId, "PATIENT");
  const physio = await sessionCookie(physioId, "PHYSIO");
  console.log(`\n${samples} sequential requests each, after 5 warm-up requests, on ${base}\n`);
  await measure("trivial dynamic page (/sign-in)", "/sign-in");
  await measure("patient home (/today)", "/today", patient);
  await measure("progress page (/progress, 3 months)", "/progress", patient);
  for (const range of ["2w", "3m", "1y", "all"]) {
    await measure(
      `progress data, range ${range}`,
      `/api/patients/${patientId}/progress?range=${range}`,
      patient,
    );
  }
  await measure("caseload page (/caseload, 200 patients)", "/caseload", physio);
} finally {
  server.kill("SIGTERM");
}
