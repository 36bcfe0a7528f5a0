import { spawn } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
} from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations, readMigrations } from "../db/migrate.ts";
import { sqliteFilePath } from "../db/provider.ts";
import { ensureLedger, readLedger } from "../erasure/ledger.ts";
import { type AfterRestoreStep, afterRestoreSteps, type RestoredData } from "./after-restore.ts";
import { inspectSqliteFile } from "./backup.ts";
import {
  type BackupManifest,
  dataFolderSecrets,
  readManifest,
  timestampName,
  verifyChecksums,
} from "./backup-manifest.ts";
import { libpqConnection, runTool } from "./postgres-tools.ts";
import { runningServerPids } from "./server-lock.ts";
import type { OpsSettings } from "./settings.ts";

export type RestoreOptions = {
  now?: Date;
  steps?: AfterRestoreStep[];
  /** The app's root, whose committed migrations the backup is checked against. */
  root?: string;
  /**
   * `--no-erasure-ledger`: for a brand-new installation where nobody ever erased an account, allows
   * restoring without an erasure ledger (an empty one is created). Never use it to get past a lost
   * ledger: erased people would come back.
   */
  withoutErasureLedger?: boolean;
};

export type RestoreResult = {
  manifest: BackupManifest;
  /** Where the files the restore replaced were moved; null when there was nothing to replace. */
  replacedDir: string | null;
  migrationsApplied: string[];
  stepsRun: string[];
};

/**
 * A backup may come from this version or an older one (start-up migrates it), never from a newer
 * one: its migrations must be the first of the committed ones, unedited.
 */
export function checkMigrationState(
  backup: { name: string; checksum: string }[],
  committed: { name: string; checksum: string }[],
): void {
  backup.forEach((migration, index) => {
    const known = committed.find((m) => m.name === migration.name);
    if (!known) {
      throw new Error(
        `The backup has migration ${migration.name}, which this version of the app does not know: it was made by a newer version. Restore it with that version.`,
      );
    }
    if (known.checksum !== migration.checksum) {
      throw new Error(`The backup's migration ${migration.name} differs from the committed one.`);
    }
    if (committed[index]?.name !== migration.name) {
      throw new Error(
        `The backup's migrations skip ${committed[index]?.name}: it is not a state this app ever had.`,
      );
    }
  });
}

function sqliteCompanions(dbFile: string): string[] {
  return [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`];
}

function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    copyFileSync(from, to);
    unlinkSync(from);
  }
}

function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

function copyPrivate(from: string, to: string): void {
  const staging = `${to}.restoring`;
  copyFileSync(from, staging);
  chmodSync(staging, 0o600);
  renameSync(staging, to);
}

async function otherPostgresSessions(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ who: string }>(
      `SELECT coalesce(nullif(application_name, ''), client_addr::text, 'local') || ' (pid ' || pid || ')' AS who
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.map((row) => row.who);
  } finally {
    await client.end();
  }
}

/** Replaces the database's schema with the dump's contents in one transaction: all or nothing. */
async function loadPostgresDump(databaseUrl: string, dump: string): Promise<void> {
  const { dbname, env } = libpqConnection(databaseUrl);
  const schema = new URL(databaseUrl).searchParams.get("schema") ?? "public";
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  const script = spawn("pg_restore", ["--no-owner", "--no-acl", "--file=-", dump], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let dumpError = "";
  script.stderr.on("data", (chunk) => {
    dumpError += chunk;
  });
  const scriptDone = new Promise<void>((resolve, reject) => {
    script.on("error", reject);
    script.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_restore failed: ${dumpError.trim()}`)),
    );
  });
  // Dropping the schema first (not pg_restore --clean) also removes tables that migrations newer
  // than the backup created, so start-up can apply those migrations again.
  await runTool(
    "psql",
    [
      "--no-psqlrc",
      "--quiet",
      "--single-transaction",
      "--set=ON_ERROR_STOP=1",
      `--dbname=${dbname}`,
      "--file=-",
    ],
    env,
    script.stdout,
    `DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted};\n`,
  );
  await scriptDone;
}

/**
 * Restores a folder written by createBackup: refuses while the app serves this data, checks the
 * checksums, integrity and migration state first, moves what it replaces to
 * `<dataDir>/replaced-<time>/`, applies this version's pending migrations, then runs the
 * after-restore steps. On SQLite a failed step puts the replaced files back.
 */
export async function restoreBackup(
  settings: OpsSettings,
  backupFolder: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const {
    now = new Date(),
    steps = afterRestoreSteps,
    root = process.cwd(),
    withoutErasureLedger = false,
  } = options;
  const folder = path.resolve(backupFolder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder.`);

  const pids = runningServerPids(settings.dataDir);
  if (pids.length > 0) {
    throw new Error(
      `The app is running on ${settings.dataDir} (pid ${pids.join(", ")}): stop it, then restore.`,
    );
  }
  // The erasure ledger is read before anything is replaced: without it (or with an unreadable one),
  // nothing is restored.
  if (existsSync(settings.erasureLedgerPath) || !withoutErasureLedger) readLedger(settings.erasureLedgerPath);
  const manifest = readManifest(folder);
  if (manifest.provider !== settings.provider) {
    throw new Error(
      `This is a ${manifest.provider} backup, but DATABASE_URL names a ${settings.provider} database.`,
    );
  }
  verifyChecksums(folder, manifest);
  const backupDatabase = path.join(folder, manifest.database);
  const backupMigrations =
    settings.provider === "sqlite" ? inspectSqliteFile(backupDatabase) : manifest.migrations;
  if (settings.provider === "postgresql") {
    // Reads the whole archive's table of contents: a truncated or foreign file fails here.
    await runTool("pg_restore", ["--list", backupDatabase], { ...process.env });
    const sessions = await otherPostgresSessions(settings.databaseUrl);
    if (sessions.length > 0) {
      throw new Error(
        `The database has other connections (${sessions.join(", ")}): stop every app instance, then restore.`,
      );
    }
  }
  checkMigrationState(backupMigrations, readMigrations(settings.provider, root));

  const secrets = dataFolderSecrets.filter((name) => name in manifest.files);
  const replacedDir = path.join(settings.dataDir, `replaced-${timestampName(now)}`);
  const moved: { from: string; to: string }[] = [];
  const moveAside = (file: string) => {
    if (!existsSync(file)) return;
    makePrivateDir(replacedDir);
    const to = path.join(replacedDir, path.basename(file));
    moveFile(file, to);
    moved.push({ from: file, to });
  };

  makePrivateDir(settings.dataDir);
  const dbFile = settings.provider === "sqlite" ? sqliteFilePath(settings.databaseUrl) : null;
  if (dbFile) {
    for (const file of sqliteCompanions(dbFile)) moveAside(file);
    mkdirSync(path.dirname(dbFile), { recursive: true });
    copyPrivate(backupDatabase, dbFile);
  } else {
    makePrivateDir(replacedDir);
    const { dbname, env } = libpqConnection(settings.databaseUrl);
    const current = path.join(replacedDir, "database.dump");
    await runTool(
      "pg_dump",
      ["--format=custom", "--no-owner", `--file=${current}`, `--dbname=${dbname}`],
      env,
    );
    chmodSync(current, 0o600);
    await loadPostgresDump(settings.databaseUrl, backupDatabase);
  }
  for (const secret of secrets) {
    const target = path.join(settings.dataDir, secret);
    moveAside(target);
    copyPrivate(path.join(folder, secret), target);
  }

  const restored: RestoredData = {
    databaseUrl: settings.databaseUrl,
    provider: settings.provider,
    dataDir: settings.dataDir,
    backup: manifest,
    erasureLedgerPath: settings.erasureLedgerPath,
  };
  // After --no-erasure-ledger the next restore has a ledger to read.
  ensureLedger(settings.erasureLedgerPath);
  const stepsRun: string[] = [];
  let migrationsApplied: string[] = [];
  let current = "migrations";
  try {
    migrationsApplied = await applyMigrations(settings.databaseUrl, root);
    for (const step of steps) {
      current = step.name;
      await step.run(restored);
      stepsRun.push(step.name);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (dbFile) {
      for (const file of sqliteCompanions(dbFile)) rmSync(file, { force: true });
      for (const secret of secrets) rmSync(path.join(settings.dataDir, secret), { force: true });
      for (const { from, to } of moved) moveFile(to, from);
      rmSync(replacedDir, { recursive: true, force: true });
      throw new Error(
        `After-restore step "${current}" failed (${reason}); the previous data is back in place.`,
      );
    }
    throw new Error(
      `Restored, but the after-restore step "${current}" failed (${reason}). Do not start the app until it succeeds; the database as it was before the restore is in ${replacedDir}.`,
    );
  }
  return { manifest, replacedDir: existsSync(replacedDir) ? replacedDir : null, migrationsApplied, stepsRun };
}
