import { spawn } from "node:child_process";

// Parameters Prisma or node-postgres accept in DATABASE_URL that libpq (pg_dump, pg_restore, psql)
// refuses as unknown.
const clientOnlyParameters = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
];

/**
 * The connection for the PostgreSQL client tools: the URL without its password, which goes in
 * PGPASSWORD so it never shows in the process list.
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const name of clientOnlyParameters) url.searchParams.delete(name);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: url.toString(), env };
}

/** Runs a PostgreSQL client tool; rejects with its error output when it fails or is not installed. */
export function runTool(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: NodeJS.ReadableStream,
  prelude?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: [stdin || prelude ? "pipe" : "ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    if (child.stdin) {
      if (prelude) child.stdin.write(prelude);
      if (stdin) stdin.pipe(child.stdin);
      else child.stdin.end();
    }
    child.on("error", (error) =>
      reject(
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? new Error(
              `${command} is not installed: install the PostgreSQL client tools (README, "Operations").`,
            )
          : error,
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
