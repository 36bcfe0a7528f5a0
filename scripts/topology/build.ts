// The production build the instances serve. `npm start` builds when the sources changed and reuses
// the build otherwise (it keeps a stamp of the sources next to it); running it once here, alone, on
// a throwaway embedded database means the two instances started later find the build current and
// never build at the same time into the same folder. After the e2e suite this takes seconds.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startProcess } from "./processes.ts";

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export async function ensureBuild(options: {
  root: string;
  distDir: string;
  port: number;
  workDir: string;
  logDir: string;
  timeoutMs: number;
}): Promise<void> {
  // `next build` into a folder other than .next adds that folder's types to tsconfig.json. The
  // stamp `npm start` keeps covers tsconfig.json, so each instance would then build again, both at
  // once into the same folder: the file goes back as it was.
  const tsconfig = path.join(options.root, "tsconfig.json");
  const tsconfigBefore = existsSync(tsconfig) ? readFileSync(tsconfig, "utf8") : undefined;
  const dataDir = path.join(options.workDir, "build-data");
  mkdirSync(dataDir, { recursive: true });
  // The embedded mode, as a newcomer's first start: no secrets or PostgreSQL needed to build.
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  const starter = startProcess("build", "npm", ["start"], {
    cwd: options.root,
    logDir: options.logDir,
    env: {
      ...inherited,
      NEXT_DIST_DIR: options.distDir,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "app.db")}`,
      DEMO_DATA: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const deadline = Date.now() + options.timeoutMs;
  try {
    while (!(await healthy(`http://127.0.0.1:${options.port}/api/health`))) {
      if (starter.hasExited()) throw new Error(`npm start (to build) exited:\n${starter.tail()}`);
      if (Date.now() > deadline)
        throw new Error(`npm start (to build) was not up in time:\n${starter.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  } finally {
    await starter.stop();
    if (tsconfigBefore !== undefined && readFileSync(tsconfig, "utf8") !== tsconfigBefore) {
      writeFileSync(tsconfig, tsconfigBefore);
    }
  }
}
