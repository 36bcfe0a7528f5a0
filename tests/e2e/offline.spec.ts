import net, { type AddressInfo } from "node:net";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { newAccount, screenshotDir, signOut, signUp } from "./fixtures";

// The app's service worker runs here, as on a real device (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

// Installable and offline: the manifest and the service worker, then a guided session and a
// check-in done without a connection, sent once when it returns; a sign-out leaves nothing behind.
//
// Cutting the network: `context.setOffline(true)` stops the page's own requests (and makes
// navigator.onLine false), but in Chromium it does not reach the service worker's fetches, and
// context.route sees them only in some set-ups. So the page reaches the server through a small
// TCP proxy started by this test: stopping the proxy (closing its port and every open connection)
// cuts page and service worker alike, as losing the signal would, and setOffline(true) tells the
// page so. Restoring both is the connection coming back.

const port = Number(process.env.E2E_PORT ?? 3100);
const databaseFile = `tests/.artifacts/e2e-data-${port}/app.db`;

type Proxy = { origin: string; stop: () => Promise<void>; start: () => Promise<void> };

async function tcpProxy(targetPort: number): Promise<Proxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let listenPort = 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(targetPort, "127.0.0.1");
        sockets.add(client);
        sockets.add(upstream);
        const close = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", close).on("close", close);
        upstream.on("error", close).on("close", close);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      next.once("error", reject);
      next.listen(listenPort, "127.0.0.1", () => {
        listenPort = (next.address() as AddressInfo).port;
        server = next;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await start();
  return { origin: `http://localhost:${listenPort}`, stop, start };
}

async function goOffline(proxy: Proxy, context: BrowserContext) {
  await proxy.stop();
  await context.setOffline(true);
}

async function goOnline(proxy: Proxy, context: BrowserContext) {
  await proxy.start();
  await context.setOffline(false);
}

function savedRows(email: string): { sessions: number; checkIns: number } {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) =>
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM "${table}" t JOIN "User" u ON u."id" = t."patientId"
             WHERE u."email" = ? AND t."deletedAt" IS NULL`,
          )
          .get(email.toLowerCase()) as { n: number }
      ).n;
    return { sessions: count("ExerciseSession"), checkIns: count("PainEntry") };
  } finally {
    db.close();
  }
}

const stepHeading = (page: Page) => page.getByRole("heading", { level: 2 }).first();
const finishHeading = (page: Page) => page.getByRole("heading", { level: 2, name: "All exercises done" });

async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole("timer").textContent()) ?? "";
  const match = /(\d+):(\d\d)/.exec(text);
  if (!match) throw new Error(`No countdown on screen: "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Does the first exercise in full (countdowns on the fake clock), then skips the others. */
async function runShortSession(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 2, name: "Before you start" })).toBeVisible();
  await page.getByRole("button", { name: "Start session" }).click();
  const first = (await stepHeading(page).textContent()) ?? "";
  const counter = page.getByText(/^Step \d+ of \d+$/);
  for (let guard = 0; guard < 60 && (await stepHeading(page).textContent()) === first; guard++) {
    const before = await counter.textContent();
    const start = page.getByRole("button", { name: "Start exercise" });
    const next = page.getByRole("button", { name: "Continue" });
    const done = page.getByRole("button", { name: "I've done it" });
    if (await start.isVisible()) await start.click();
    else if (await next.isVisible()) await next.click();
    else if (await done.isVisible()) await done.click();
    else await page.clock.fastForward((await secondsLeft(page)) * 1000);
    await expect
      .poll(async () => (await counter.isVisible()) && (await counter.textContent()))
      .not.toBe(before);
  }
  for (let guard = 0; guard < 20 && !(await finishHeading(page).isVisible()); guard++) {
    await page.getByRole("button", { name: /^Skip (this exercise|the rest of this exercise)$/ }).click();
  }
  await expect(finishHeading(page)).toBeVisible();
}

test("the app installs, logs a session and a check-in offline, sends each once, and forgets them at sign-out", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const proxy = await tcpProxy(port);
  const context = await browser.newContext({ baseURL: proxy.origin, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  try {
    // The manifest, with the icons a phone's home screen needs.
    const manifestResponse = await page.request.get("/manifest.webmanifest");
    expect(manifestResponse.ok()).toBe(true);
    const manifest = await manifestResponse.json();
    expect(manifest).toMatchObject({ display: "standalone", start_url: "/today", theme_color: "#0f766e" });
    for (const icon of manifest.icons as { src: string; purpose: string }[]) {
      expect((await page.request.get(icon.src)).ok(), icon.src).toBe(true);
    }
    expect(manifest.icons.some((icon: { purpose: string }) => icon.purpose === "maskable")).toBe(true);

    const account = newAccount();
    await signUp(page, account);
    await page.getByRole("button", { name: "Use the starter routine" }).click();
    await expect(page.getByRole("heading", { name: "Due today" })).toBeVisible();

    // The service worker is registered and controls the page, under the page's CSP.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
      .toBe(`${proxy.origin}/sw.js`);
    const swHeaders = (await page.request.get("/sw.js")).headers();
    expect(swHeaders["content-type"]).toContain("javascript");
    expect(swHeaders["content-security-policy"]).toContain("worker-src 'self'");

    // Today, opened online; then the connection goes.
    await page.clock.install();
    await page.goto("/today");
    await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toBeVisible();
    await goOffline(proxy, context);
    await expect(page.getByText(/^You are offline\./)).toBeVisible();

    // A check-in without a connection waits on the device.
    const checkIn = page.getByRole("region", { name: "Pain check-in" });
    await checkIn.getByRole("radio", { name: "Lower back 4 of 10" }).click();
    await checkIn.getByRole("button", { name: "Save check-in" }).click();
    await expect(checkIn.getByText(/^Saved on this device\./)).toBeVisible();
    await expect(page.getByText("1 check-in waiting to be sent.")).toBeVisible();

    // The guided session runs from the page's memory and waits on the device too.
    await page.getByRole("link", { name: "Start today’s session" }).click();
    await runShortSession(page);
    await page.screenshot({ path: `${screenshotDir}/offline-finish.png`, fullPage: true });
    await page.getByRole("button", { name: "Finish and save" }).click();
    await expect(page.getByRole("heading", { name: "Session complete" })).toBeVisible();
    await expect(page.getByText("1 session and 1 check-in waiting to be sent.")).toBeVisible();
    await page.screenshot({ path: `${screenshotDir}/offline-waiting-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${screenshotDir}/offline-waiting-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    expect(savedRows(account.email)).toEqual({ sessions: 0, checkIns: 0 });
    // Back to Today closes the player without loading the page (which needs the connection).
    await page.getByRole("link", { name: "Back to Today" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toBeVisible();
    await expect(page.getByText("1 session and 1 check-in waiting to be sent.")).toBeVisible();

    // A page that needs the network says so instead of failing.
    const other = await context.newPage();
    await other.goto("/history");
    await expect(other.getByRole("heading", { level: 1, name: "No connection" })).toBeVisible();
    await other.screenshot({ path: `${screenshotDir}/offline-page-360.png`, fullPage: true });
    await expect(other.getByText(/progress that had not been saved is gone/)).toBeVisible();
    // The public catalog is there to read.
    await other.goto("/exercises");
    await expect(other.getByRole("heading", { level: 1 })).not.toHaveText("No connection");
    await other.close();

    // The connection returns: everything is sent once, and the queue is empty.
    await goOnline(proxy, context);
    await expect(
      page.getByText("Sent: 1 session and 1 check-in saved while you were offline."),
    ).toBeVisible();
    await expect(page.getByText(/waiting to be sent/)).toHaveCount(0);
    expect(savedRows(account.email)).toEqual({ sessions: 1, checkIns: 1 });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toBeVisible();
    expect(savedRows(account.email)).toEqual({ sessions: 1, checkIns: 1 });

    // Sign out with a write still waiting (the replay routes refused at the network for now).
    await page.route("**/api/v1/**", (route) => route.abort());
    await goOffline(proxy, context);
    await checkIn.getByRole("radio", { name: "Lower back 2 of 10" }).click();
    await checkIn.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByText("1 check-in waiting to be sent.")).toBeVisible();
    await goOnline(proxy, context);
    await expect(page.getByText("1 check-in waiting to be sent.")).toBeVisible();
    await signOut(page);
    expect(
      await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name)),
    ).toEqual([]);
    const cached = await page.evaluate(async () => {
      const found: { url: string; body: string }[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          const type = response?.headers.get("content-type") ?? "";
          found.push({
            url: new URL(request.url).pathname,
            body: response && type.includes("html") ? await response.text() : "",
          });
        }
      }
      return found;
    });
    const pages = cached.filter((entry) => entry.body !== "");
    expect(pages.map((entry) => entry.url).sort()).toEqual(
      expect.arrayContaining(["/exercises", "/help", "/offline"]),
    );
    for (const entry of cached) {
      expect(entry.url).toMatch(
        /^\/(_next\/static\/|exercises|help$|offline$|icons\/|icon\.svg$|apple-icon\.png$)/,
      );
    }
    for (const entry of pages) {
      expect(entry.body, entry.url).not.toContain(account.name);
      expect(entry.body, entry.url).not.toContain("Signed in as");
    }
    expect(savedRows(account.email)).toEqual({ sessions: 1, checkIns: 1 });
  } finally {
    await context.close();
    await proxy.stop();
  }
});
