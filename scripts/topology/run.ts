// `npm run test:topology`: starts the production topology of deploy/ on this machine — Caddy with
// deploy/Caddyfile in front of two `npm start` instances sharing one PostgreSQL database, each
// instance reaching it through its own TCP proxy — and checks what only that topology can show.
// Prints "Topology: all N checks passed" or names each failed check, and exits non-zero on a
// failure. Without caddy or PostgreSQL (TEST_DATABASE_URL) it skips with a notice, unless CI=true or
// REQUIRE_POSTGRES=1, where it fails.
//
// Ports 3300-3312 (TOPOLOGY_PORT moves the block); NEXT_DIST_DIR picks the build (default .next,
// which the e2e suite builds just before in `npm test`).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password.ts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { applyMigrations, readMigrations } from "../../lib/db/migrate.ts";
import { type MailSink, startMailSink } from "../../tests/support/mail-sink.ts";
import { ensureBuild } from "./build.ts";
import { type CookieJar, formFields, type Headers, request, signIn } from "./http.ts";
import { type Managed, runToEnd, startProcess, stopAll } from "./processes.ts";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";

const root = path.resolve(import.meta.dirname, "../..");
const basePort = Number(process.env.TOPOLOGY_PORT ?? 3300);
const ports = {
  caddy: basePort,
  a: basePort + 1,
  b: basePort + 2,
  pending: basePort + 3,
  build: basePort + 9,
  proxyA: basePort + 11,
  proxyB: basePort + 12,
};
const publicOrigin = `http://127.0.0.1:${ports.caddy}`;
const publicHost = `127.0.0.1:${ports.caddy}`;
const direct = { a: `http://127.0.0.1:${ports.a}`, b: `http://127.0.0.1:${ports.b}` };
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const required = process.env.CI === "true" || process.env.REQUIRE_POSTGRES === "1";
const password = "topology passphrase 42";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Gate -------------------------------------------------------------------------------------

function caddyBinary(): string | undefined {
  const candidate = process.env.CADDY ?? "caddy";
  return spawnSync(candidate, ["version"], { stdio: "ignore" }).status === 0 ? candidate : undefined;
}

const caddy = caddyBinary();
const serverUrl = process.env.TEST_DATABASE_URL;
const missing = [
  ...(caddy ? [] : ["caddy (apt-get install caddy)"]),
  ...(serverUrl ? [] : ["PostgreSQL (set TEST_DATABASE_URL)"]),
];
if (missing.length > 0) {
  if (required) {
    console.error(`Topology: cannot run, missing ${missing.join(" and ")}; CI requires it.`);
    process.exit(1);
  }
  console.log(`Topology: skipped, missing ${missing.join(" and ")}.`);
  process.exit(0);
}

// ---- Checks -----------------------------------------------------------------------------------

type Outcome = { name: string; error?: string };
const outcomes: Outcome[] = [];

async function check(name: string, run: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await run();
    outcomes.push({ name });
    console.log(`  ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcomes.push({ name, error: message });
    console.log(`  FAIL ${name}\n       ${message.split("\n").join("\n       ")}`);
  }
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function poll<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

async function status(url: string, headers: Headers = {}, jar?: CookieJar): Promise<number> {
  return (await request(url, { headers, jar })).status;
}

// ---- Set-up -----------------------------------------------------------------------------------

const workDir = mkdtempSync(path.join(tmpdir(), "hbc-topology-"));
const logDir = path.join(workDir, "logs");
mkdirSync(logDir);
const suffix = randomBytes(5).toString("hex");
const databaseName = `hbc_topology_${suffix}`;
const appRole = `hbc_topology_app_${suffix}`;
const appRolePassword = randomBytes(18).toString("base64url");
// Production on PostgreSQL needs the same secrets on every instance (lib/config.ts); a setting a
// version does not know is ignored.
const secrets = {
  AUTH_SECRET: randomBytes(32).toString("base64"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  TOTP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

function urlFor(database: string, port?: number, user?: { name: string; password: string }): string {
  const url = new URL(serverUrl as string);
  url.pathname = `/${database}`;
  if (port !== undefined) {
    url.hostname = "127.0.0.1";
    url.port = String(port);
  }
  if (user) {
    url.username = user.name;
    url.password = user.password;
  }
  return url.toString();
}

const ownerUrl = urlFor(databaseName);
const pgTarget = new URL(serverUrl as string);

async function admin<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The settings every process of the deployment shares (README, "Production"). */
function deploymentEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...secrets,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    DEMO_DATA: "0",
    // A local SMTP server started below receives every message, so a check can count them.
    MAIL_DISABLED: undefined,
    SMTP_URL: mailSink?.url,
    APP_URL: publicOrigin,
    // Production on PostgreSQL keeps the erasure ledger in a file outside the database.
    ERASURE_LEDGER_PATH: path.join(workDir, "erasure-ledger.jsonl"),
    MIGRATION_DATABASE_URL: undefined,
    APP_DATABASE_ROLE: undefined,
    TEST_DATABASE_URL: undefined,
    REQUIRE_POSTGRES: undefined,
  };
}

/** `npm run db:migrate` as the operator runs it: with the owner's URL, naming the app's role. */
function migrateEnv(): NodeJS.ProcessEnv {
  return {
    ...deploymentEnv(),
    DATABASE_URL: ownerUrl,
    MIGRATION_DATABASE_URL: ownerUrl,
    APP_DATABASE_ROLE: appRole,
    DATA_DIR: path.join(workDir, "migrate-data"),
  };
}

/** An app instance: only the app role's URL, through its own TCP proxy, behind one trusted proxy. */
function instanceEnv(name: string, port: number, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...deploymentEnv(),
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: path.join(workDir, `${name}-data`),
    TRUSTED_PROXY_HOPS: "1",
    AUTH_URL: publicOrigin,
    AUTH_TRUST_HOST: "true",
    DATABASE_POOL_TIMEOUT_MS: "2000",
    LOG_LEVEL: "warn",
  };
}

function startInstance(name: string, port: number, databaseUrl: string): Managed {
  return startProcess(name, "npm", ["start"], {
    cwd: root,
    logDir,
    env: instanceEnv(name, port, databaseUrl),
  });
}

async function healthyOrExited(
  instance: Managed,
  base: string,
  timeoutMs: number,
): Promise<"healthy" | "exited"> {
  return poll(`${instance.name} to answer /api/health with 200`, timeoutMs, async () => {
    if (instance.hasExited()) return "exited" as const;
    return (await status(`${base}/api/health`)) === 200 ? ("healthy" as const) : undefined;
  });
}

async function createPatient(email: string): Promise<string> {
  const db = createPrismaClient(ownerUrl);
  try {
    const user = await db.user.create({
      data: { email, name: "Topology Patient", role: "PATIENT", passwordHash: await hashPassword(password) },
    });
    return user.id;
  } finally {
    await db.$disconnect();
  }
}

/** A patient (zone UTC) with a routine due every day and an e-mail reminder due a minute ago. */
async function createPatientDueForReminder(email: string): Promise<{ id: string; email: string }> {
  const db = createPrismaClient(ownerUrl);
  try {
    const exercise = await db.exercise.findFirstOrThrow({ select: { id: true } });
    const now = new Date();
    const minute = Math.max(0, now.getUTCHours() * 60 + now.getUTCMinutes() - 1);
    const user = await db.user.create({
      data: {
        email,
        name: "Reminder Patient",
        role: "PATIENT",
        timezone: "UTC",
        passwordHash: await hashPassword(password),
      },
    });
    await db.routine.create({
      data: {
        patientId: user.id,
        items: {
          create: {
            exerciseId: exercise.id,
            position: 0,
            sets: 2,
            reps: 10,
            holdSeconds: 0,
            perSide: false,
            daysOfWeek: 0b1111111,
            setById: user.id,
            setByRole: "PATIENT",
          },
        },
      },
    });
    await db.reminderPreference.create({ data: { userId: user.id, channel: "EMAIL", minuteOfDay: minute } });
    return { id: user.id, email };
  } finally {
    await db.$disconnect();
  }
}

/** Headers a request carries when Caddy forwards it from `client` (deploy/Caddyfile sets them). */
function forwardedFrom(client: string): Headers {
  return {
    "x-forwarded-for": client,
    "x-forwarded-host": publicHost,
    "x-forwarded-proto": "http",
    origin: publicOrigin,
  };
}

const progressPath = (patientId: string) => `/api/patients/${patientId}/progress?range=3m`;

/** Posts the sign-out button's form from /account, as a browser without JavaScript does. */
async function signOutThrough(base: string, jar: CookieJar, headers: Headers): Promise<number> {
  const page = await request(`${base}/account`, { jar, headers });
  expect(page.status === 200, `GET /account answered ${page.status}, not the signed-in page`);
  const fields = formFields(page.text, "Sign out");
  const answer = await request(`${base}/account`, { method: "POST", jar, headers, body: fields });
  return answer.status;
}

// ---- Run --------------------------------------------------------------------------------------

let proxies: { a: TcpProxy; b: TcpProxy } | undefined;
let mailSink: MailSink | undefined;
let databaseCreated = false;
let roleCreated = false;

async function main(): Promise<void> {
  console.log(`Topology: Caddy + 2 instances + PostgreSQL (logs in ${logDir})`);

  const started = Date.now();
  await ensureBuild({ root, distDir, port: ports.build, workDir, logDir, timeoutMs: 20 * 60_000 });
  console.log(`  build ${distDir} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  mailSink = await startMailSink();
  await admin(serverUrl as string, `CREATE DATABASE "${databaseName}"`);
  databaseCreated = true;
  // The role an operator creates for the app (README, "Production"); db:migrate grants it.
  await admin(serverUrl as string, `CREATE ROLE "${appRole}" LOGIN PASSWORD '${appRolePassword}'`);
  roleCreated = true;
  proxies = {
    a: await startTcpProxy({
      listenPort: ports.proxyA,
      targetHost: pgTarget.hostname,
      targetPort: Number(pgTarget.port || 5432),
    }),
    b: await startTcpProxy({
      listenPort: ports.proxyB,
      targetHost: pgTarget.hostname,
      targetPort: Number(pgTarget.port || 5432),
    }),
  };
  const app = { name: appRole, password: appRolePassword };
  const appUrls = { a: urlFor(databaseName, ports.proxyA, app), b: urlFor(databaseName, ports.proxyB, app) };

  // The database as the previous release left it: every migration but the newest.
  const migrations = readMigrations("postgresql", root).map((m) => m.name);
  const newest = migrations.at(-1);
  const previous = migrations.at(-2);
  expect(newest !== undefined && previous !== undefined, "fewer than two PostgreSQL migrations");
  await applyMigrations(ownerUrl, root, previous);
  // What the previous release's db:migrate left for the app role, as far as this check needs it:
  // it may read the migration history (to see what is pending), and change nothing.
  await admin(ownerUrl, `GRANT USAGE ON SCHEMA public TO "${appRole}"`);
  await admin(ownerUrl, `GRANT SELECT ON "_prisma_migrations" TO "${appRole}"`);

  await check("an instance refuses to start while a migration is pending", async () => {
    const instance = startInstance("pending", ports.pending, appUrls.a);
    try {
      const state = await healthyOrExited(instance, `http://127.0.0.1:${ports.pending}`, 180_000);
      expect(state === "exited", `it started serving with ${newest} pending`);
      const code = await instance.exited;
      const output = instance.tail(15);
      expect(code !== 0, `it exited with code ${code}`);
      const applied = await admin(ownerUrl, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [
        newest,
      ]);
      expect(applied.length === 0, `it applied ${newest} itself: instances must leave that to db:migrate`);
      expect(
        /pending|db:migrate/i.test(output),
        `it exited (code ${code}) without saying a migration is pending (the audit branch adds that):\n${output}`,
      );
    } finally {
      await instance.stop();
    }
  });

  await check("db:migrate run twice at once applies each migration once", async () => {
    const runs = await Promise.all(
      [1, 2].map((n) =>
        runToEnd(`migrate-${n}`, "npm", ["run", "db:migrate"], {
          env: migrateEnv(),
          logDir,
          timeoutMs: 180_000,
        }),
      ),
    );
    for (const [i, run] of runs.entries()) {
      expect(
        run.code === 0,
        `run ${i + 1} exited with ${run.code}:\n${run.output.split("\n").slice(-15).join("\n")}`,
      );
    }
    const rows = await admin<{ migration_name: string; times: string }>(
      ownerUrl,
      `SELECT migration_name, count(*) AS times FROM "_prisma_migrations" GROUP BY migration_name`,
    );
    const times = new Map(rows.map((row) => [row.migration_name, Number(row.times)]));
    const wrong = migrations.filter((name) => times.get(name) !== 1);
    expect(
      wrong.length === 0 && rows.length === migrations.length,
      `applied counts: ${wrong.map((name) => `${name} x${times.get(name) ?? 0}`).join(", ")}`,
    );
  });

  // Instances get only the app role's URL. Until db:migrate grants that role its rights they
  // cannot work at all: then that is one failed check, and the others run with the owner's URL.
  let instanceUrls = appUrls;
  await check(
    "db:migrate grants the app role what the app needs, and no more on the audit table",
    async () => {
      const [rights] = await admin<Record<string, boolean>>(
        ownerUrl,
        `SELECT has_table_privilege($1, '"User"', 'SELECT,INSERT,UPDATE,DELETE') AS users,
              has_table_privilege($1, '"AuditEvent"', 'INSERT') AS audit_insert,
              has_table_privilege($1, '"AuditEvent"', 'UPDATE') AS audit_update,
              has_table_privilege($1, '"AuditEvent"', 'DELETE') AS audit_delete`,
        [appRole],
      );
      if (!rights?.users) {
        instanceUrls = {
          a: urlFor(databaseName, ports.proxyA),
          b: urlFor(databaseName, ports.proxyB),
        };
        throw new Error(
          `the app role (APP_DATABASE_ROLE=${appRole}) cannot use the tables after db:migrate: the separate migration step with grants is missing (audit branch); the other checks use the owner's URL`,
        );
      }
      expect(rights.audit_insert === true, "the app role cannot insert audit events");
      expect(!rights.audit_update && !rights.audit_delete, "the app role may update or delete audit events");
    },
  );

  // A patient whose e-mail reminder is already due when both instances start: each scans at
  // start-up and then every minute, so they race for it.
  const reminderPatient = await createPatientDueForReminder(`reminder-${suffix}@example.test`);

  const instances = {
    a: startInstance("instance-a", ports.a, instanceUrls.a),
    b: startInstance("instance-b", ports.b, instanceUrls.b),
  };
  for (const [name, instance] of Object.entries(instances)) {
    const state = await healthyOrExited(instance, name === "a" ? direct.a : direct.b, 180_000);
    if (state === "exited") throw new Error(`instance ${name} did not start:\n${instance.tail()}`);
  }
  const proxy = startProcess(
    "caddy",
    caddy as string,
    ["run", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"],
    {
      cwd: root,
      logDir,
      env: {
        ...process.env,
        SITE_ADDRESS: publicOrigin,
        APP_UPSTREAMS: `127.0.0.1:${ports.a} 127.0.0.1:${ports.b}`,
        APP_HEALTH_INTERVAL: "1s",
        CADDY_ADMIN: "off",
        HOME: workDir,
        XDG_DATA_HOME: path.join(workDir, "caddy-data"),
        XDG_CONFIG_HOME: path.join(workDir, "caddy-config"),
      },
    },
  );
  await poll("Caddy to answer /api/health", 30_000, async () => {
    if (proxy.hasExited()) throw new Error(`caddy exited:\n${proxy.tail()}`);
    return (await status(`${publicOrigin}/api/health`)) === 200 ? true : undefined;
  }).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${proxy.tail()}`);
  });
  console.log("  topology up: caddy, instance a, instance b");

  const alice = {
    email: `alice-${suffix}@topology.test`,
    id: await createPatient(`alice-${suffix}@topology.test`),
  };

  await check("a session from one instance works on the other", async () => {
    const client = forwardedFrom("192.0.2.10");
    const { outcome, jar } = await signIn(direct.a, alice.email, password, client);
    expect(outcome === "signed-in", `sign-in on instance a: ${outcome}`);
    const onB = await status(direct.b + progressPath(alice.id), client, jar);
    expect(onB === 200, `instance b answered ${onB} to the session from instance a`);
    const anonymous = await status(direct.b + progressPath(alice.id), client);
    expect(anonymous === 401, `instance b answered ${anonymous} without a session (expected 401)`);
    const viaCaddy = await signIn(publicOrigin, alice.email, password);
    expect(viaCaddy.outcome === "signed-in", `sign-in through Caddy: ${viaCaddy.outcome}`);
    for (const base of [direct.a, direct.b]) {
      const answer = await status(base + progressPath(alice.id), client, viaCaddy.jar);
      expect(answer === 200, `${base} answered ${answer} to the session signed in through Caddy`);
    }
  });

  await check("signing out on one instance ends the session on the other", async () => {
    const client = forwardedFrom("192.0.2.20");
    const { outcome, jar } = await signIn(direct.a, alice.email, password, client);
    expect(outcome === "signed-in", `sign-in on instance a: ${outcome}`);
    const stolen = jar.clone();
    const signOut = await signOutThrough(direct.a, jar, client);
    expect(signOut === 303, `the sign-out form on instance a answered ${signOut} (expected a 303 redirect)`);
    const onB = await status(direct.b + progressPath(alice.id), client, stolen);
    expect(onB === 401, `instance b answered ${onB} to the signed-out session's cookie (expected 401)`);
    const onCaddy = await status(publicOrigin + progressPath(alice.id), {}, stolen);
    expect(onCaddy === 401, `Caddy answered ${onCaddy} to the signed-out session's cookie (expected 401)`);
  });

  await check("the sign-in throttle is shared by the instances", async () => {
    const email = `bob-${suffix}@topology.test`;
    await createPatient(email);
    const client = forwardedFrom("192.0.2.30");
    let failures = 0;
    for (;;) {
      const { outcome } = await signIn(direct.a, email, "not the password", client);
      if (outcome === "throttled") break;
      expect(outcome === "refused", `a wrong password on instance a: ${outcome}`);
      failures++;
      expect(failures < 15, "instance a still checks passwords after 15 failures in a row");
    }
    const onB = await signIn(direct.b, email, password, client);
    expect(
      onB.outcome === "throttled",
      `after ${failures} failures on instance a, instance b answered the right password with "${onB.outcome}"`,
    );
  });

  await check(
    "a forged X-Forwarded-For is not believed (throttle and audit see the real address)",
    async () => {
      const email = `carol-${suffix}@topology.test`;
      await createPatient(email);
      const before = new Set(
        (await admin<{ id: string }>(ownerUrl, `SELECT id FROM "AuditEvent"`)).map((row) => row.id),
      );
      const forged = (n: number) => `198.51.100.${n}`;
      let failures = 0;
      let outcome = "refused";
      // A new forged address on every attempt: if any were believed, no address or pair would fill up.
      while (failures < 15) {
        const spoof = forged(failures + 1);
        const attempt = await signIn(publicOrigin, email, "not the password", {
          "x-forwarded-for": spoof,
          "x-real-ip": spoof,
          "x-client-address": spoof,
          forwarded: `for=${spoof}`,
        });
        outcome = attempt.outcome;
        if (outcome === "throttled") break;
        failures++;
      }
      expect(
        outcome === "throttled",
        `15 wrong passwords, each from a new forged address, were never throttled`,
      );
      const spoof = forged(99);
      const right = await signIn(publicOrigin, email, password, {
        "x-forwarded-for": spoof,
        "x-real-ip": spoof,
      });
      expect(
        right.outcome === "throttled",
        `the right password from a new forged address was "${right.outcome}"`,
      );
      const rows = await admin<Record<string, unknown>>(ownerUrl, `SELECT * FROM "AuditEvent"`);
      const fresh = rows.filter((row) => !before.has(String(row.id))).map((row) => JSON.stringify(row));
      expect(fresh.length > 0, "no audit rows were written for these sign-in attempts");
      const believed = fresh.filter((row) => row.includes("198.51.100."));
      expect(believed.length === 0, `audit rows carry a forged address: ${believed[0]}`);
      const real = fresh.filter((row) => row.includes("127.0.0.1"));
      expect(
        real.length === fresh.length,
        `audit rows without the real address 127.0.0.1: ${fresh.find((r) => !r.includes("127.0.0.1"))}`,
      );
      const keys = await admin<{ key: string }>(ownerUrl, `SELECT key FROM "SignInThrottle"`);
      const forgedKey = keys.find((row) => row.key.includes("198.51.100."));
      expect(forgedKey === undefined, `a throttle counter is keyed on a forged address: ${forgedKey?.key}`);
    },
  );

  await check(
    "a forged X-Forwarded-Host is not believed (sign-in redirect, server action origin)",
    async () => {
      const forgedHost = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
      const { outcome, jar, location } = await signIn(publicOrigin, alice.email, password, forgedHost);
      expect(outcome === "signed-in", `sign-in through Caddy: ${outcome}`);
      expect(!location?.includes("evil.example"), `the sign-in redirected to ${location}`);
      // A cross-site form post claiming to come from the forged host: Next accepts a server action
      // only when Origin matches the host the proxy says the request was for.
      const crossSite = await signOutThrough(publicOrigin, jar, {
        ...forgedHost,
        origin: "https://evil.example",
      });
      expect(crossSite !== 303, "a sign-out posted from https://evil.example was carried out");
      const still = await status(publicOrigin + progressPath(alice.id), {}, jar);
      expect(
        still === 200,
        `after the refused cross-site sign-out the session answered ${still} (expected 200)`,
      );
      // The same form from the real origin works, so the refusal above was the origin check.
      const sameSite = await signOutThrough(publicOrigin, jar, { origin: publicOrigin });
      expect(
        sameSite === 303,
        `the sign-out posted from ${publicOrigin} answered ${sameSite} (expected 303)`,
      );
    },
  );

  await check("a due e-mail reminder is sent exactly once by two instances", async () => {
    const sink = mailSink as MailSink;
    const toPatient = () =>
      sink.messages.filter((message) => JSON.stringify(message.to ?? "").includes(reminderPatient.email));
    await poll("the reminder e-mail to reach the SMTP server", 90_000, async () =>
      toPatient().length > 0 ? true : undefined,
    );
    // Both instances scan again on the next minute; the count must not move.
    const nextScans = Math.ceil((Date.now() + 1) / 60_000) * 60_000 + 10_000;
    await poll("both instances to scan once more", 90_000, async () =>
      Date.now() > nextScans ? true : undefined,
    );
    const messages = toPatient();
    expect(messages.length === 1, `${messages.length} reminder e-mails arrived, not 1`);
    expect(messages[0]?.subject === "Time for your exercises", `subject: ${messages[0]?.subject}`);
    const rows = await admin<{ status: string; attempts: number }>(
      ownerUrl,
      `SELECT status, attempts FROM "ReminderDelivery" WHERE "userId" = $1 AND kind = 'DAILY'`,
      [reminderPatient.id],
    );
    expect(
      rows.length === 1 && rows[0]?.status === "SENT" && rows[0]?.attempts === 1,
      `delivery rows: ${JSON.stringify(rows)}`,
    );
  });

  await check("the health check takes an instance out when its database is cut", async () => {
    if (!proxies) throw new Error("no TCP proxies");
    proxies.a.cut();
    try {
      await poll("instance a to answer /api/health with 503 once its database is cut", 20_000, async () =>
        (await status(`${direct.a}/api/health`)) === 503 ? true : undefined,
      );
      expect((await status(`${direct.b}/api/health`)) === 200, "instance b is not healthy");
      // Round robin over both instances would give a 503 every other request; Caddy must stop
      // sending to instance a within a few health-check intervals.
      await poll("Caddy to answer 12 requests in a row from the healthy instance", 20_000, async () => {
        for (let i = 0; i < 12; i++) {
          if ((await status(`${publicOrigin}/api/health`)) !== 200) return undefined;
        }
        return true;
      });
      const { outcome, jar } = await signIn(publicOrigin, alice.email, password);
      expect(outcome === "signed-in", `sign-in through Caddy with instance a cut off: ${outcome}`);
      for (let i = 0; i < 4; i++) {
        const answer = await status(publicOrigin + progressPath(alice.id), {}, jar);
        expect(answer === 200, `a signed-in read through Caddy answered ${answer}`);
      }
    } finally {
      proxies.a.restore();
    }
    await poll("instance a to be healthy again once its database is back", 30_000, async () =>
      (await status(`${direct.a}/api/health`)) === 200 ? true : undefined,
    );
  });
}

async function cleanUp(): Promise<void> {
  await stopAll();
  await proxies?.a.close();
  await proxies?.b.close();
  await mailSink?.close();
  if (databaseCreated) {
    await admin(serverUrl as string, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch(
      () => undefined,
    );
  }
  if (roleCreated)
    await admin(serverUrl as string, `DROP ROLE IF EXISTS "${appRole}"`).catch(() => undefined);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

let setupError: unknown;
try {
  await main();
} catch (error) {
  setupError = error;
} finally {
  await cleanUp();
}

const failed = outcomes.filter((outcome) => outcome.error !== undefined);
if (setupError !== undefined) {
  console.error(
    `Topology: could not run: ${setupError instanceof Error ? setupError.message : String(setupError)}`,
  );
  console.error(`Logs: ${logDir}`);
  process.exit(1);
}
if (failed.length > 0) {
  console.error(
    `Topology: ${failed.length} of ${outcomes.length} checks failed: ${failed.map((f) => f.name).join("; ")}`,
  );
  console.error(`Logs: ${logDir}`);
  process.exit(1);
}
rmSync(workDir, { recursive: true, force: true });
console.log(`Topology: all ${outcomes.length} checks passed`);
