import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "../db/provider.ts";
import {
  appIdentity,
  type BackupManifest,
  dataFolderSecrets,
  manifestFile,
  postgresBackupFile,
  sha256File,
  sqliteBackupFile,
  timestampName,
} from "./backup-manifest.ts";
import { libpqConnection, runTool } from "./postgres-tools.ts";
import type { OpsSettings } from "./settings.ts";

type AppliedMigration = { name: string; checksum: string };

const appliedMigrationsSql = `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

/** The migrations recorded in a SQLite file, after checking the file is sound. */
export function inspectSqliteFile(file: string): AppliedMigration[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma("integrity_check") as { integrity_check: string }[];
    const verdict = check.map((row) => row.integrity_check).join("; ");
    if (verdict !== "ok") throw new Error(`The database in ${file} fails its integrity check: ${verdict}`);
    return db.prepare(appliedMigrationsSql).all() as AppliedMigration[];
  } finally {
    db.close();
  }
}

async function backupSqlite(databaseUrl: string, target: string): Promise<AppliedMigration[]> {
  const sourceFile = sqliteFilePath(databaseUrl);
  if (!existsSync(sourceFile)) throw new Error(`There is no database at ${sourceFile}: nothing to back up.`);
  const source = new Database(sourceFile, { fileMustExist: true, timeout: 10_000 });
  try {
    // SQLite's online backup. Copying every page in one step reads one snapshot inside one read
    // transaction: the app keeps writing (WAL), and the copy is what was committed when it began.
    // In small steps, a write between two steps would restart the copy, over and over under load.
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // One self-contained file: no -wal or -shm companions to lose on the way to off-site storage.
  const copy = new Database(target);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return inspectSqliteFile(target);
}

async function backupPostgres(databaseUrl: string, target: string): Promise<AppliedMigration[]> {
  // Migrations change only while an instance starts, so reading them just before the dump matches it.
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  let migrations: AppliedMigration[];
  try {
    migrations = (await client.query<AppliedMigration>(appliedMigrationsSql)).rows;
  } finally {
    await client.end();
  }
  const { dbname, env } = libpqConnection(databaseUrl);
  // pg_dump reads one snapshot of the whole database while the app keeps writing.
  await runTool("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`, `--dbname=${dbname}`], env);
  return migrations;
}

export type BackupResult = { folder: string; manifest: BackupManifest };

/**
 * Writes `<backupDir>/<UTC time>/`: the database (an online SQLite backup, or pg_dump's custom
 * format), the secrets of the data folder, and a manifest with the migrations applied and the
 * sha256 of every file. Folders 0700, files 0600. The folder appears under its final name only
 * once complete.
 */
export async function createBackup(settings: OpsSettings, now = new Date()): Promise<BackupResult> {
  if (!existsSync(settings.backupDir)) {
    mkdirSync(settings.backupDir, { recursive: true, mode: 0o700 });
    chmodSync(settings.backupDir, 0o700);
  }
  const name = timestampName(now);
  const folder = path.join(settings.backupDir, name);
  if (existsSync(folder)) throw new Error(`${folder} already exists.`);
  const partial = path.join(settings.backupDir, `.partial-${name}`);
  mkdirSync(partial, { mode: 0o700 });
  chmodSync(partial, 0o700);
  try {
    const database = settings.provider === "sqlite" ? sqliteBackupFile : postgresBackupFile;
    const databaseCopy = path.join(partial, database);
    const migrations =
      settings.provider === "sqlite"
        ? await backupSqlite(settings.databaseUrl, databaseCopy)
        : await backupPostgres(settings.databaseUrl, databaseCopy);
    const contents: string[] = [database];
    for (const secret of dataFolderSecrets) {
      const source = path.join(settings.dataDir, secret);
      if (!existsSync(source)) continue;
      copyFileSync(source, path.join(partial, secret));
      contents.push(secret);
    }
    const files: Record<string, string> = {};
    for (const file of contents) {
      chmodSync(path.join(partial, file), 0o600);
      files[file] = sha256File(path.join(partial, file));
    }
    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      app: appIdentity(),
      provider: settings.provider,
      database,
      migrations,
      files,
    };
    writeFileSync(path.join(partial, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    chmodSync(path.join(partial, manifestFile), 0o600);
    renameSync(partial, folder);
    return { folder, manifest };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
