// Child processes of the topology test: each in its own process group (so stopping one stops what
// it started, `npm start`'s server included), its output in a log file to show when a check fails.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";

export type Environment = Record<string, string | undefined>;

export type Managed = {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** The exit code (a signal counts as null) once the process has ended. */
  exited: Promise<number | null>;
  hasExited(): boolean;
  /** The last lines it printed. */
  tail(lines?: number): string;
  /** SIGTERM to its process group, SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
};

const running = new Set<Managed>();

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env: Environment; logDir: string; cwd?: string },
): Managed {
  const logFile = path.join(options.logDir, `${name}.log`);
  const out = openSync(logFile, "a");
  const child = spawn(command, args, {
    cwd: options.cwd,
    // Unset (undefined) variables are left out of the child's environment.
    env: options.env as NodeJS.ProcessEnv,
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  let ended = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      ended = true;
      resolve(code);
    });
    child.once("error", () => {
      ended = true;
      resolve(null);
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const managed: Managed = {
    name,
    child,
    logFile,
    exited,
    hasExited: () => ended,
    tail(lines = 30) {
      try {
        return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
      } catch {
        return "";
      }
    },
    async stop(graceMs = 15_000) {
      if (!ended) {
        signalGroup("SIGTERM");
        const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // Whatever it left behind in its group (a server whose parent already exited).
      signalGroup("SIGKILL");
      running.delete(managed);
    },
  };
  running.add(managed);
  return managed;
}

/** Stops every process this module started and has not stopped yet. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((managed) => managed.stop(5_000)));
}

/** Runs a command to its end; resolves with its exit code and output. */
export async function runToEnd(
  name: string,
  command: string,
  args: string[],
  options: { env: Environment; logDir: string; timeoutMs: number },
): Promise<{ code: number | null; output: string }> {
  const managed = startProcess(name, command, args, options);
  const timer = setTimeout(() => void managed.stop(2_000), options.timeoutMs);
  const code = await managed.exited;
  clearTimeout(timer);
  await managed.stop();
  return { code, output: managed.tail(200) };
}
