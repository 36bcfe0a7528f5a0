import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export const defaultDatabaseUrl = "file:./data/app.db";

export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : defaultDatabaseUrl;
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
  return providerOf(resolveDatabaseUrl()) === "postgresql";
}
