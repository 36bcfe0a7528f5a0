import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm start` leaves this file in the data folder while it serves, so `npm run restore` can
// refuse to swap the database under a running app. It names processes rather than holding a
// lock, so a server killed with -9 leaves a stale file that is recognised by its dead pids.
export const serverLockName = "server.pid";

export function serverLockFile(dataDir: string): string {
  return path.join(dataDir, serverLockName);
}

export function writeServerLock(dataDir: string, pids: number[]): void {
  writeFileSync(serverLockFile(dataDir), `${JSON.stringify({ pids })}\n`, { mode: 0o600 });
}

export function removeServerLock(dataDir: string): void {
  rmSync(serverLockFile(dataDir), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pids of an app serving this data folder that are still alive; empty when none. */
export function runningServerPids(dataDir: string): number[] {
  const file = serverLockFile(dataDir);
  if (!existsSync(file)) return [];
  let pids: unknown;
  try {
    pids = (JSON.parse(readFileSync(file, "utf8")) as { pids?: unknown }).pids;
  } catch {
    return [];
  }
  if (!Array.isArray(pids)) return [];
  return pids.filter((pid): pid is number => Number.isInteger(pid) && pid > 0 && isAlive(pid));
}
