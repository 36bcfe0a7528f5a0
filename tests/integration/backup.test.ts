// `npm run backup` and `npm run restore` (lib/ops) on the project's database: what a backup holds,
// what a restore refuses, what it keeps, and the after-restore steps. The end-to-end drill with a
// running app is tests/e2e/backup-drill.spec.ts.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { sqliteFilePath } from "@/lib/db/provider";
import { afterRestoreSteps, type RestoredData } from "@/lib/ops/after-restore";
import { createBackup } from "@/lib/ops/backup";
import { dataFolderSecrets, manifestFile, sha256File } from "@/lib/ops/backup-manifest";
import { restoreBackup } from "@/lib/ops/restore";
import { writeServerLock } from "@/lib/ops/server-lock";
import { type OpsSettings, opsSettings } from "@/lib/ops/settings";
import { demoPassword, prepareRuntimeEnv } from "../../scripts/runtime-env";
import { createUser, type TestUser } from "../support/factories";
import { createEmptyDatabase, type TestDatabase, testProvider } from "../support/test-database";

const provider = testProvider();
const committed = readMigrations(provider);
const scratch = mkdtempSync(path.join(tmpdir(), "hbc-backup-"));
const databases: TestDatabase[] = [];

afterAll(async () => {
  for (const database of databases) await database.drop();
  rmSync(scratch, { recursive: true, force: true });
});

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** A data folder with the secrets `npm start` writes, and settings naming it and `databaseUrl`. */
function installation(databaseUrl: string, secrets: Record<string, string> = {}): OpsSettings {
  const root = mkdtempSync(path.join(scratch, "install-"));
  const dataDir = path.join(root, "data");
  mkdirSync(dataDir);
  for (const [name, value] of Object.entries(secrets)) {
    writeFileSync(path.join(dataDir, name), `${value}\n`, { mode: 0o600 });
  }
  // `npm start` creates an empty erasure ledger; restores refuse without one (tests/integration/erasure.test.ts).
  // Kept beside the data folder here, so the folder's listing shows only what a restore puts there.
  const erasureLedgerPath = path.join(root, "erasure-ledger.jsonl");
  writeFileSync(erasureLedgerPath, "", { mode: 0o600 });
  return { databaseUrl, provider, dataDir, backupDir: path.join(root, "backups"), erasureLedgerPath };
}

async function freshDatabase(): Promise<string> {
  const database = await createEmptyDatabase(provider);
  databases.push(database);
  return database.url;
}

async function emailsIn(databaseUrl: string): Promise<string[]> {
  const client = createPrismaClient(databaseUrl);
  try {
    return (await client.user.findMany({ select: { email: true } })).map((user) => user.email);
  } finally {
    await client.$disconnect();
  }
}

/** Rewrites a manifest entry's checksum after the test tampered with the file on purpose. */
function resealManifest(
  folder: string,
  file: string,
  change: (manifest: Record<string, unknown>) => void = () => {},
) {
  const manifestPath = path.join(folder, manifestFile);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  manifest.files[file] = sha256File(path.join(folder, file));
  change(manifest);
  writeFileSync(manifestPath, JSON.stringify(manifest));
}

/** A pid that certainly belongs to no process any more: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

const secrets = { "auth-secret": "secret-of-the-source", "server-actions-key": "key-of-the-source" };
let source: OpsSettings;
let patient: TestUser;

beforeAll(async () => {
  patient = await createUser("PATIENT");
  source = installation(process.env.DATABASE_URL ?? "", secrets);
});

// The app's own steps (the erasure ledger) stay; each test's added steps go.
const appSteps = [...afterRestoreSteps];
afterEach(() => {
  afterRestoreSteps.splice(0, afterRestoreSteps.length, ...appSteps);
});

describe("npm run backup", () => {
  it("writes a private folder named with the time: the database, the secrets and a manifest, each file 0600", async () => {
    const now = new Date("2026-12-01T09:30:15.250Z");
    const { folder, manifest } = await createBackup(source, now);

    expect(folder).toBe(path.join(source.backupDir, "2026-12-01T09-30-15.250Z"));
    expect(modeOf(source.backupDir)).toBe(0o700);
    expect(modeOf(folder)).toBe(0o700);
    const database = provider === "sqlite" ? "app.db" : "database.dump";
    expect(readdirSync(folder).sort()).toEqual(
      [database, "auth-secret", manifestFile, "server-actions-key"].sort(),
    );
    for (const file of readdirSync(folder)) expect(modeOf(path.join(folder, file))).toBe(0o600);
    expect(manifest.createdAt).toBe(now.toISOString());
    expect(manifest.migrations.map((m) => m.name)).toEqual(committed.map((m) => m.name));
    for (const [file, sha] of Object.entries(manifest.files))
      expect(sha256File(path.join(folder, file))).toBe(sha);
    expect(readFileSync(path.join(folder, "auth-secret"), "utf8")).toBe("secret-of-the-source\n");
    expect(readdirSync(source.backupDir).filter((name) => name.startsWith(".partial"))).toEqual([]);
  });

  it("keeps every file `npm start` creates in the data folder, other than the database, in a backup", () => {
    const dataDir = mkdtempSync(path.join(scratch, "start-"));
    const names = ["AUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "DEMO_PASSWORD", "DATA_DIR"] as const;
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    const savedUrl = process.env.DATABASE_URL;
    try {
      for (const name of names) delete process.env[name];
      process.env.DATA_DIR = dataDir;
      demoPassword(prepareRuntimeEnv().dataDir);
    } finally {
      for (const name of names) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      process.env.DATABASE_URL = savedUrl;
    }
    const created = readdirSync(dataDir);
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter((name) => !(dataFolderSecrets as readonly string[]).includes(name))).toEqual([]);
  });

  it("reads its settings from DATABASE_URL, DATA_DIR and BACKUP_DIR, with npm start's defaults", () => {
    expect(opsSettings({ NODE_ENV: "test" })).toEqual({
      databaseUrl: "file:./data/app.db",
      provider: "sqlite",
      dataDir: path.resolve("data"),
      backupDir: path.resolve("backups"),
      erasureLedgerPath: path.resolve("data", "erasure-ledger.jsonl"),
    });
    expect(
      opsSettings({
        NODE_ENV: "test",
        DATABASE_URL: "postgresql://db/x",
        DATA_DIR: "/srv/hbc",
        BACKUP_DIR: "/mnt/copies",
      }),
    ).toEqual({
      databaseUrl: "postgresql://db/x",
      provider: "postgresql",
      dataDir: "/srv/hbc",
      backupDir: "/mnt/copies",
      erasureLedgerPath: "/srv/hbc/erasure-ledger.jsonl",
    });
  });
});

describe("npm run restore", () => {
  it("brings back every row and the secrets into a fresh folder, and runs the after-restore steps on it", async () => {
    const { folder } = await createBackup(source, new Date("2026-12-01T10:00:00Z"));
    const target = installation(await freshDatabase());
    const seen: { step: string; emails: string[] }[] = [];
    const step = (name: string) => ({
      name,
      run: async (restored: RestoredData) => {
        seen.push({ step: name, emails: await emailsIn(restored.databaseUrl) });
      },
    });
    afterRestoreSteps.push(step("first"), step("second"));

    const result = await restoreBackup(target, folder);

    expect(result.stepsRun).toEqual(["erasure ledger", "first", "second"]);
    expect(seen.map((s) => s.step)).toEqual(["first", "second"]);
    expect(seen[0]?.emails).toContain(patient.email);
    // PostgreSQL: the database always exists, so what it held (here nothing) is always dumped aside.
    if (provider === "sqlite") expect(result.replacedDir).toBeNull();
    else expect(existsSync(path.join(result.replacedDir ?? "", "database.dump"))).toBe(true);
    expect(await emailsIn(target.databaseUrl)).toContain(patient.email);
    for (const [name, value] of Object.entries(secrets)) {
      const file = path.join(target.dataDir, name);
      expect(readFileSync(file, "utf8")).toBe(`${value}\n`);
      expect(modeOf(file)).toBe(0o600);
    }
    if (provider === "sqlite") {
      const file = sqliteFilePath(target.databaseUrl);
      expect(modeOf(file)).toBe(0o600);
      const db = new Database(file, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
    }
  });

  it("keeps the data it replaces in replaced-<time>, private, and still readable", async () => {
    const { folder } = await createBackup(source, new Date("2026-12-01T11:00:00Z"));
    const target = installation(await freshDatabase(), { "auth-secret": "secret-being-replaced" });
    const client = createPrismaClient(target.databaseUrl);
    await applyMigrations(target.databaseUrl);
    await client.user.create({
      data: {
        email: "only-in-target@example.test",
        name: "Only",
        role: "PATIENT",
        timezone: "UTC",
        passwordHash: "x",
      },
    });
    await client.$disconnect();

    const result = await restoreBackup(target, folder, { now: new Date("2026-12-02T08:00:00Z") });

    expect(result.replacedDir).toBe(path.join(target.dataDir, "replaced-2026-12-02T08-00-00.000Z"));
    const replaced = result.replacedDir ?? "";
    expect(modeOf(replaced)).toBe(0o700);
    expect(readFileSync(path.join(replaced, "auth-secret"), "utf8")).toBe("secret-being-replaced\n");
    expect(await emailsIn(target.databaseUrl)).not.toContain("only-in-target@example.test");
    if (provider === "sqlite") {
      const kept = new Database(path.join(replaced, path.basename(sqliteFilePath(target.databaseUrl))), {
        readonly: true,
      });
      expect(kept.prepare(`SELECT email FROM "User"`).pluck().all()).toContain("only-in-target@example.test");
      kept.close();
    } else {
      const listing = spawnSync("pg_restore", ["--list", path.join(replaced, "database.dump")], {
        encoding: "utf8",
      });
      expect(listing.status).toBe(0);
      expect(listing.stdout).toContain("TABLE DATA public User");
    }
  });

  it("refuses while the app serves the data folder, and goes ahead once its process is gone", async () => {
    const { folder } = await createBackup(source, new Date("2026-12-01T12:00:00Z"));
    const target = installation(await freshDatabase());
    writeServerLock(target.dataDir, [process.pid]);
    await expect(restoreBackup(target, folder)).rejects.toThrow(`The app is running on ${target.dataDir}`);
    expect(await emailsIn(target.databaseUrl).catch(() => [])).not.toContain(patient.email);

    // A server killed with -9 leaves its pid file behind.
    writeServerLock(target.dataDir, [deadPid()]);
    await restoreBackup(target, folder);
    expect(await emailsIn(target.databaseUrl)).toContain(patient.email);
  });

  it("refuses a backup whose files do not match the manifest, before replacing anything", async () => {
    const { folder, manifest } = await createBackup(source, new Date("2026-12-01T13:00:00Z"));
    const target = installation(await freshDatabase(), { "auth-secret": "untouched" });
    const database = path.join(folder, manifest.database);
    const bytes = readFileSync(database);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(database, bytes);

    await expect(restoreBackup(target, folder)).rejects.toThrow(
      `${manifest.database} does not match its checksum in the manifest`,
    );
    expect(readdirSync(target.dataDir)).toEqual(["auth-secret"]);
    expect(readFileSync(path.join(target.dataDir, "auth-secret"), "utf8")).toBe("untouched\n");
  });

  it("refuses a database that fails its integrity check, even with a matching checksum", async () => {
    const { folder, manifest } = await createBackup(source, new Date("2026-12-01T14:00:00Z"));
    const target = installation(await freshDatabase());
    const database = path.join(folder, manifest.database);
    if (provider === "sqlite") {
      // Scramble a page in the middle of the file, past the header, so SQLite opens it but finds damage.
      const bytes = readFileSync(database);
      const pageSize = bytes.readUInt16BE(16);
      bytes.fill(0x5a, pageSize * 2, pageSize * 4);
      writeFileSync(database, bytes);
    } else {
      writeFileSync(database, readFileSync(database).subarray(0, 200));
    }
    resealManifest(folder, manifest.database);

    await expect(restoreBackup(target, folder)).rejects.toThrow(
      provider === "sqlite" ? /fails its integrity check|malformed/ : /pg_restore failed/,
    );
    expect(readdirSync(target.dataDir)).toEqual([]);
  });

  it("refuses a backup made by a newer version of the app", async () => {
    const { folder, manifest } = await createBackup(source, new Date("2026-12-01T15:00:00Z"));
    const target = installation(await freshDatabase());
    const future = { name: "29991231000000_from_the_future", checksum: "0".repeat(64) };
    if (provider === "sqlite") {
      const db = new Database(path.join(folder, manifest.database));
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, 1, ?, 1, 1)`,
      ).run(randomUUID(), future.checksum, future.name);
      db.close();
    }
    resealManifest(folder, manifest.database, (m) => {
      (m.migrations as unknown[]).push(future);
    });

    await expect(restoreBackup(target, folder)).rejects.toThrow(
      `The backup has migration ${future.name}, which this version of the app does not know`,
    );
    expect(readdirSync(target.dataDir)).toEqual([]);
  });

  it("restores a backup of an older version and migrates it to this one", async () => {
    const [first, ...later] = committed;
    const older = installation(await freshDatabase());
    await applyMigrations(older.databaseUrl, process.cwd(), first?.name);
    const { folder, manifest } = await createBackup(older, new Date("2026-12-01T16:00:00Z"));
    expect(manifest.migrations.map((m) => m.name)).toEqual([first?.name]);
    const target = installation(await freshDatabase());

    const result = await restoreBackup(target, folder);

    expect(result.migrationsApplied).toEqual(later.map((m) => m.name));
  });

  it("refuses a backup of the other kind of database", async () => {
    const { folder } = await createBackup(source, new Date("2026-12-01T17:00:00Z"));
    const other = provider === "sqlite" ? "postgresql://nobody@127.0.0.1:1/none" : "file:./none.db";
    const target = {
      ...installation(other),
      provider: provider === "sqlite" ? "postgresql" : "sqlite",
    } as const;
    await expect(restoreBackup(target, folder)).rejects.toThrow(`This is a ${provider} backup`);
  });

  it("says which after-restore step failed", async () => {
    const { folder } = await createBackup(source, new Date("2026-12-01T18:00:00Z"));
    const target = installation(await freshDatabase(), { "auth-secret": "the previous secret" });
    await applyMigrations(target.databaseUrl);
    afterRestoreSteps.push({
      name: "re-apply erasures",
      run: () => {
        throw new Error("ledger unreadable");
      },
    });

    const failure = restoreBackup(target, folder);

    if (provider === "sqlite") {
      await expect(failure).rejects.toThrow(
        'After-restore step "re-apply erasures" failed (ledger unreadable); the previous data is back in place.',
      );
      expect(await emailsIn(target.databaseUrl)).not.toContain(patient.email);
      expect(readFileSync(path.join(target.dataDir, "auth-secret"), "utf8")).toBe("the previous secret\n");
      expect(readdirSync(target.dataDir).filter((name) => name.startsWith("replaced-"))).toEqual([]);
    } else {
      await expect(failure).rejects.toThrow(
        'Restored, but the after-restore step "re-apply erasures" failed (ledger unreadable). Do not start the app',
      );
    }
  });

  if (provider === "postgresql") {
    it("refuses while anything else is connected to the database", async () => {
      const { folder } = await createBackup(source, new Date("2026-12-01T19:00:00Z"));
      const target = installation(await freshDatabase());
      const other = new pg.Client({ connectionString: target.databaseUrl, application_name: "app instance" });
      await other.connect();
      try {
        await expect(restoreBackup(target, folder)).rejects.toThrow(
          /other connections \(app instance \(pid \d+\)\)/,
        );
      } finally {
        await other.end();
      }
    });
  }

  it("refuses a folder that is not a backup", async () => {
    const target = installation(await freshDatabase());
    const folder = mkdtempSync(path.join(scratch, "not-a-backup-"));
    await expect(restoreBackup(target, folder)).rejects.toThrow("is not a backup: it has no manifest.json");
    await expect(restoreBackup(target, path.join(folder, "missing"))).rejects.toThrow("is not a folder");
    expect(existsSync(path.join(target.dataDir, "replaced"))).toBe(false);
  });
});
