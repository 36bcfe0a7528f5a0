import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import config from "../../playwright.config";
import { newAccount, serverActionId, signUpThroughForm } from "./fixtures";

// Issue 12, point 9: `npm start` as an operator runs it, stopped with SIGTERM while a patient's
// check-ins keep arriving. It drains, exits 0, leaves no partial rows and nothing listening; the
// database and its -wal/-shm files were readable by the owner only.

const webServerEnv = (config.webServer as { env: Record<string, string> }).env;
const dataDir = path.resolve(`tests/.artifacts/shutdown-${webServerEnv.PORT}`);
const databaseFile = path.join(dataDir, "app.db");

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Posts check-ins one after another until the server goes away, keeping each one it acknowledged. */
function writeLoop(page: Page, baseURL: string) {
  const actionId = serverActionId("lib/actions/logs.ts", "checkInAction");
  const acknowledged: string[] = [];
  const done = (async () => {
    for (let i = 0; ; i++) {
      const note = `shutdown ${i} ${randomUUID().slice(0, 8)}`;
      const response = await page.request
        .post(`${baseURL}/today`, {
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
        })
        .catch(() => null);
      if (!response) return; // connection refused or reset: the server is gone
      if (response.ok() && (await response.text()).includes("Check-in saved. Thank you."))
        acknowledged.push(note);
    }
  })();
  return { acknowledged, done };
}

let app: ChildProcess | undefined;
test.afterAll(() => {
  if (app && app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
});

test("SIGTERM to npm start drains the writes in flight, exits 0 and leaves nothing serving", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  app = spawn("npm", ["start"], {
    env: {
      ...process.env,
      ...webServerEnv,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${databaseFile}`,
      DEMO_DATA: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  app.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  app.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => app?.on("exit", (code) => resolve(code)));
  await expect
    .poll(
      async () => {
        if (app?.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
        return (await fetch(`${baseURL}/api/health`).catch(() => null))?.status;
      },
      { timeout: 180_000 },
    )
    .toBe(200);

  // Owner-only files, the WAL and shared memory included (they exist while the app serves).
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) {
    expect({ file: path.basename(file), mode: statSync(file).mode & 0o777 }).toEqual({
      file: path.basename(file),
      mode: 0o600,
    });
  }

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signUpThroughForm(page, newAccount("PATIENT"), dataDir);
  const { pids } = JSON.parse(readFileSync(path.join(dataDir, "server.pid"), "utf8")) as { pids: number[] };
  const loop = writeLoop(page, baseURL);
  await expect.poll(() => loop.acknowledged.length).toBeGreaterThanOrEqual(5);

  app.kill("SIGTERM"); // npm itself, as a service manager would
  expect(await exited).toBe(0);
  await loop.done;
  await context.close();

  // Nothing left serving: no process of the app alive, and the port refuses connections.
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  await expect(fetch(`${baseURL}/api/health`)).rejects.toThrow();

  const db = new Database(databaseFile, { readonly: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const rows = db
      .prepare(`SELECT "note", "rating" FROM "PainEntry" WHERE "note" LIKE 'shutdown %'`)
      .all() as { note: string; rating: number }[];
    const stored = new Set(rows.map((row) => row.note));
    // Every acknowledged write is there, and every row there is whole.
    expect(loop.acknowledged.filter((note) => !stored.has(note))).toEqual([]);
    for (const row of rows) {
      const index = Number(/^shutdown (\d+) [0-9a-f]{8}$/.exec(row.note)?.[1]);
      expect(row.rating).toBe(index % 11);
    }
  } finally {
    db.close();
  }
});
