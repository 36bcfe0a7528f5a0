import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "../lib/config.ts";

export type RuntimeEnv = { databaseUrl: string; embedded: boolean; demo: boolean; dataDir: string };

/** A secret kept in ./data so restarts keep sessions valid; created on first use, readable by the owner only. */
function localSecret(dataDir: string, file: string, bytes: number): string {
  const target = path.join(dataDir, file);
  if (existsSync(target)) return readFileSync(target, "utf8").trim();
  const value = randomBytes(bytes).toString("base64");
  writeFileSync(target, `${value}\n`, { mode: 0o600 });
  chmodSync(target, 0o600);
  return value;
}

/**
 * Checks every setting first (lib/config.ts: a bad value throws a one-line ConfigError, and
 * production on PostgreSQL without its secrets is refused), then fills in what the embedded mode can
 * decide alone. Writes the results into process.env so `next build` and the server see the same values.
 */
export function prepareRuntimeEnv(): RuntimeEnv {
  const settings = config();
  const { databaseUrl, dataDir } = settings;
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  mkdirSync(dataDir, { recursive: true });
  process.env.AUTH_SECRET = settings.authSecret ?? localSecret(dataDir, "auth-secret", 32);
  process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY =
    settings.serverActionsKey ?? localSecret(dataDir, "server-actions-key", 32);
  process.env.TOTP_ENCRYPTION_KEY =
    settings.totpEncryptionKey ?? localSecret(dataDir, "totp-encryption-key", 32);
  return { databaseUrl, embedded: settings.databaseProvider === "sqlite", demo: settings.demoData, dataDir };
}

/** The demo password: DEMO_PASSWORD, or a random one kept in ./data so it stays the same across restarts. */
export function demoPassword(dataDir: string): string {
  const configured = config().demoPassword;
  if (configured) return configured;
  const file = path.join(dataDir, "demo-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = `demo-${randomBytes(9).toString("base64url")}`;
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
