import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import config from "../../playwright.config";
import { newAccount, serverActionId, signUp } from "./fixtures";

// The backup drill of README "Operations": while a patient's check-ins keep arriving, `npm run
// backup`; then `npm run restore` into a fresh folder, start the app on it, and check that the
// database is sound and holds every check-in the app acknowledged before the backup began.

const webServerEnv = (config.webServer as { env: Record<string, string> }).env;
const e2eEnv = {
  PORT: webServerEnv.PORT ?? "",
  DATA_DIR: webServerEnv.DATA_DIR ?? "",
  DATABASE_URL: webServerEnv.DATABASE_URL ?? "",
  NEXT_DIST_DIR: webServerEnv.NEXT_DIST_DIR ?? "",
  DEMO_PASSWORD: webServerEnv.DEMO_PASSWORD ?? "",
};
const drillDir = path.resolve(`tests/.artifacts/backup-drill-${e2eEnv.PORT}`);
const backupDir = path.join(drillDir, "backups");
const restoredDir = path.join(drillDir, "restored");
const restoredUrl = `file:${path.join(restoredDir, "app.db")}`;

type Acknowledged = { note: string; sentAt: number; answeredAt: number };

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Runs an npm script to its end; answers its output, or fails with it. */
function npmRun(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", ...args], { env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`npm run ${args.join(" ")} exited ${code}:\n${output}`)),
    );
  });
}

/** Posts check-ins one after another until stopped, keeping each one the server acknowledged. */
function writeLoop(page: Page, baseURL: string) {
  const actionId = serverActionId("lib/actions/logs.ts", "checkInAction");
  const acknowledged: Acknowledged[] = [];
  const refused: string[] = [];
  let stopped = false;
  const done = (async () => {
    for (let i = 0; !stopped; i++) {
      const note = `drill ${i} ${randomUUID().slice(0, 8)}`;
      const sentAt = Date.now();
      const response = await page.request.post("/today", {
        headers: {
          "Next-Action": actionId,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          Origin: baseURL,
        },
        data: JSON.stringify([
          { ok: false },
          { clientRequestId: randomUUID(), LOWER_BACK: String(i % 11), note },
        ]),
      });
      const body = await response.text();
      if (response.ok() && body.includes("Check-in saved. Thank you.")) {
        acknowledged.push({ note, sentAt, answeredAt: Date.now() });
      } else {
        refused.push(`${response.status()}: ${body.slice(0, 200)}`);
      }
    }
  })();
  return {
    acknowledged,
    refused,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

/** `npm start` on a data folder, run as npm runs it, reusing the e2e server's build. */
function startApp(port: number, dataDir: string, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: e2eEnv.NEXT_DIST_DIR,
      DEMO_PASSWORD: e2eEnv.DEMO_PASSWORD,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise((resolve) => app.on("close", resolve));
  app.kill("SIGTERM");
  await exited;
}

let restoredApp: ChildProcess | undefined;

test.afterAll(async () => {
  if (restoredApp) await stopApp(restoredApp);
});

test("a backup taken while patients write restores into a fresh folder with every acknowledged write", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  rmSync(drillDir, { recursive: true, force: true });
  const patient = newAccount("PATIENT");
  await signUp(page, patient);

  const loop = writeLoop(page, baseURL ?? "");
  await expect.poll(() => loop.acknowledged.length).toBeGreaterThanOrEqual(5);
  const backupStartedAt = Date.now();
  const output = await npmRun(["backup"], {
    DATABASE_URL: e2eEnv.DATABASE_URL,
    DATA_DIR: e2eEnv.DATA_DIR,
    BACKUP_DIR: backupDir,
  });
  const backupEndedAt = Date.now();
  // The loop went on after the backup: the app kept serving writes during and after it.
  const ackedSoFar = loop.acknowledged.length;
  await expect.poll(() => loop.acknowledged.length).toBeGreaterThan(ackedSoFar);
  await loop.stop();
  expect(loop.refused).toEqual([]);
  expect(
    loop.acknowledged.some((write) => write.answeredAt > backupStartedAt && write.sentAt < backupEndedAt),
  ).toBe(true);
  const folder = /Backup written to (.+)/.exec(output)?.[1]?.trim() ?? "";
  expect(path.dirname(folder)).toBe(backupDir);

  // Another machine: without the erasure ledger the restore is refused; it comes along, as the
  // README says, and is then re-applied.
  await expect(
    npmRun(["restore", "--", folder], { DATABASE_URL: restoredUrl, DATA_DIR: restoredDir }),
  ).rejects.toThrow("erasure-ledger.jsonl is missing");
  mkdirSync(restoredDir, { recursive: true, mode: 0o700 });
  copyFileSync(
    path.join(e2eEnv.DATA_DIR, "erasure-ledger.jsonl"),
    path.join(restoredDir, "erasure-ledger.jsonl"),
  );
  const restoreOutput = await npmRun(["restore", "--", folder], {
    DATABASE_URL: restoredUrl,
    DATA_DIR: restoredDir,
  });
  expect(restoreOutput).toContain(`Restored the backup of`);
  expect(restoreOutput).toContain("after-restore step: erasure ledger");

  const port = await freePort();
  restoredApp = startApp(port, restoredDir, restoredUrl);
  let appOutput = "";
  restoredApp.stdout?.on("data", (chunk) => {
    appOutput += chunk;
  });
  restoredApp.stderr?.on("data", (chunk) => {
    appOutput += chunk;
  });
  const restoredBase = `http://localhost:${port}`;
  await expect
    .poll(
      async () => {
        if (restoredApp?.exitCode !== null) throw new Error(`The restored app exited:\n${appOutput}`);
        return (await fetch(`${restoredBase}/api/health`).catch(() => null))?.status;
      },
      { timeout: 120_000 },
    )
    .toBe(200);

  const db = new Database(path.join(restoredDir, "app.db"), { readonly: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const notes = new Set(
      db
        .prepare(
          `SELECT p."note" FROM "PainEntry" p JOIN "User" u ON u."id" = p."patientId" WHERE u."email" = ?`,
        )
        .pluck()
        .all(patient.email) as string[],
    );
    const beforeBackup = loop.acknowledged.filter((write) => write.answeredAt < backupStartedAt);
    expect(beforeBackup.length).toBeGreaterThanOrEqual(5);
    expect(beforeBackup.filter((write) => !notes.has(write.note))).toEqual([]);
  } finally {
    db.close();
  }

  // The session signed by the original app still opens the restored one: the secrets came along.
  await page.goto(`${restoredBase}/history`);
  await expect(page).toHaveURL(`${restoredBase}/history`);

  // A restore refuses while the app serves the folder, and is allowed again once it stopped.
  await expect(
    npmRun(["restore", "--", folder], { DATABASE_URL: restoredUrl, DATA_DIR: restoredDir }),
  ).rejects.toThrow(`The app is running on ${restoredDir}`);
  await stopApp(restoredApp);
  expect(existsSync(path.join(restoredDir, "server.pid"))).toBe(false);
});
