import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Files in the data folder that the data cannot be used without: the session signing secret, the
 * server-actions key and the demo password the embedded mode creates on first start
 * (scripts/runtime-env.ts). A feature that keeps another key there adds its name here, so backups
 * carry it. When the secret comes from the environment instead, no file exists and the operator
 * keeps it (README, "Operations").
 */
export const dataFolderSecrets = [
  "auth-secret",
  "server-actions-key",
  "totp-encryption-key",
  "demo-password",
] as const;

export const sqliteBackupFile = "app.db";
export const postgresBackupFile = "database.dump";
export const manifestFile = "manifest.json";

const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.iso.datetime(),
  app: z.object({ name: z.string(), version: z.string() }),
  provider: z.enum(["sqlite", "postgresql"]),
  database: z.enum([sqliteBackupFile, postgresBackupFile]),
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  /** sha256 of every file in the backup folder but the manifest. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export function sha256File(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

export function readManifest(folder: string): BackupManifest {
  const file = path.join(folder, manifestFile);
  if (!existsSync(file)) throw new Error(`${folder} is not a backup: it has no ${manifestFile}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file} is not valid JSON: the backup is damaged.`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is not a backup manifest this app understands.`);
  return parsed.data;
}

/** Refuses a backup whose files are missing or differ from what the manifest recorded. */
export function verifyChecksums(folder: string, manifest: BackupManifest): void {
  if (!(manifest.database in manifest.files))
    throw new Error(`The manifest does not list ${manifest.database}.`);
  for (const [name, expected] of Object.entries(manifest.files)) {
    if (path.basename(name) !== name)
      throw new Error(`The manifest names a file outside the backup: ${name}.`);
    const file = path.join(folder, name);
    if (!existsSync(file)) throw new Error(`The backup lacks ${name}, which its manifest lists.`);
    if (sha256File(file) !== expected) {
      throw new Error(`${name} does not match its checksum in the manifest: the backup is damaged.`);
    }
  }
}

/** A folder or file name for this moment in UTC that sorts by time and is valid on every file system. */
export function timestampName(now: Date): string {
  return now.toISOString().replace(/:/g, "-");
}

export function appIdentity(root = process.cwd()): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}
