import path from "node:path";
import { buildDir } from "../config.ts";

/**
 * Where scripts/build-service-worker.ts writes the bundled worker: inside the build folder, so each
 * build (parallel e2e runs use their own folder) serves the worker that lists its own files. The
 * build folder is the build tooling's setting, read as next.config.ts reads it.
 */
export function serviceWorkerFile(distDir = buildDir()): string {
  return path.resolve(distDir, "service-worker", "sw.js");
}
