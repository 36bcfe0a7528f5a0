import path from "node:path";
import { config, type DatabaseProvider, type Environment, readConfig } from "../config.ts";

export type { DatabaseProvider };

/** DATABASE_URL, or the embedded default; from the app's settings unless another environment is given. */
export function resolveDatabaseUrl(env?: Environment): string {
  return (env ? readConfig(env) : config()).databaseUrl;
}

export function providerOf(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL).");
}

/** The absolute path of a SQLite database file; relative paths resolve against the working directory. */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
}

/** Whether the app's database is PostgreSQL: the few raw queries that differ by dialect ask this. */
export function usesPostgres(): boolean {
  return config().databaseProvider === "postgresql";
}
