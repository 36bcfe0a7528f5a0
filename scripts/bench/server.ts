// One production server per database and phase: it builds first when the sources changed
// (scripts/start.ts), and its output is scanned for SQLITE_BUSY and logged server errors.
import { spawn } from "node:child_process";

export const authSecret = "bench-secret-not-for-production-0123456789";
export const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";

export type ServerCounters = { busy: number; errors: number };
export type BenchServer = {
  base: string;
  /** SQLITE_BUSY lines and logged server errors since the last call. */
  takeCounters(): ServerCounters;
  stop(): Promise<void>;
};

async function waitForServer(base: string, exited: () => boolean): Promise<void> {
  // The first start builds the app, which takes minutes on two cores.
  for (let i = 0; i < 1800; i++) {
    if (exited()) throw new Error("The server exited before answering (see the build output above).");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start.");
}

export async function startServer(options: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  queryLog?: string;
  extraEnv?: Record<string, string>;
}): Promise<BenchServer> {
  const base = `http://127.0.0.1:${options.port}`;
  if (await fetch(`${base}/api/health`).catch(() => null)) {
    throw new Error(`Something already answers on port ${options.port}: stop it first, or set BENCH_PORT.`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    DEMO_DATA: "0",
    AUTH_SECRET: authSecret,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    ...options.extraEnv,
  };
  if (options.queryLog) env.DB_QUERY_LOG = options.queryLog;
  else delete env.DB_QUERY_LOG;
  // As `npm start` runs it, in a process group of its own so stop() reaches the server too.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      if (server.pid) process.kill(-server.pid, name);
    } catch {
      // already gone
    }
  };
  const counters: ServerCounters = { busy: 0, errors: 0 };
  let ready = false;
  const scan = (echo: boolean) => (chunk: Buffer) => {
    const text = chunk.toString();
    for (const line of text.split("\n")) {
      if (/SQLITE_BUSY|database is locked/i.test(line)) counters.busy++;
      // pino writes level 50 (error) and above; Next prints uncaught errors with "Error".
      if (/"level":(50|60)|⨯|^Error[: ]/.test(line)) counters.errors++;
    }
    // Build output and start-up problems are shown; the request-time log only counted.
    if (echo && !ready) process.stderr.write(text);
  };
  server.stdout.on("data", scan(true));
  server.stderr.on("data", scan(true));
  let exited = false;
  const done = new Promise<void>((resolve) =>
    server.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  try {
    await waitForServer(base, () => exited);
  } catch (error) {
    signal("SIGTERM");
    throw error;
  }
  ready = true;
  return {
    base,
    takeCounters() {
      const taken = { ...counters };
      counters.busy = 0;
      counters.errors = 0;
      return taken;
    },
    async stop() {
      signal("SIGTERM");
      await done;
      // The server drains the requests a load run left in flight; after 30 s it is stopped hard.
      for (let i = 0; i < 90 && (await fetch(`${base}/api/health`).catch(() => null)); i++) {
        if (i === 60) signal("SIGKILL");
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
  };
}
