import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { providerOf, resolveDatabaseUrl } from "../lib/db/provider.ts";

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
 * Fills in what the embedded mode can decide alone, and refuses to start production without its
 * secrets. Mutates process.env so `next build` and `next start` see the same values.
 */
export function prepareRuntimeEnv(): RuntimeEnv {
  const databaseUrl = resolveDatabaseUrl();
  const provider = providerOf(databaseUrl);
  const production = process.env.NODE_ENV === "production";
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  if (production && provider === "postgresql") {
    for (const name of ["AUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]) {
      if (!process.env[name]) {
        throw new Error(
          `${name} is not set: production needs it (the same value on every instance). See README, "Production".`,
        );
      }
    }
  }
  mkdirSync(dataDir, { recursive: true });
  process.env.AUTH_SECRET ||= localSecret(dataDir, "auth-secret", 32);
  process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ||= localSecret(dataDir, "server-actions-key", 32);

  const embedded = provider === "sqlite";
  const demo = process.env.DEMO_DATA ? process.env.DEMO_DATA === "1" : embedded && !production;
  return { databaseUrl, embedded, demo, dataDir };
}

/** The demo password: DEMO_PASSWORD, or a random one kept in ./data so it stays the same across restarts. */
export function demoPassword(dataDir: string): string {
  if (process.env.DEMO_PASSWORD) return process.env.DEMO_PASSWORD;
  const file = path.join(dataDir, "demo-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = `demo-${randomBytes(9).toString("base64url")}`;
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
