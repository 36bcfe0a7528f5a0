import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download its browser here: use Debian's chromium unless told otherwise.
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

const port = Number(process.env.E2E_PORT ?? 3100);
// Each port gets its own data folder and build folder, so parallel runs do not collide.
export const e2eDataDir = `tests/.artifacts/e2e-data-${port}`;
const dataDir = e2eDataDir;
export const e2eDistDir = port === 3100 ? ".next" : `.next-${port}`;
const distDir = e2eDistDir;
export const e2eDemoPassword = "e2e demo passphrase";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `tests/.artifacts/playwright-${port}`,
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    // The app's service worker stores about seventy files and three pages when it installs, in every
    // new browser context: a third of the suite's requests to the server. Specs that test it (offline
    // use, reminders, the console's cleanliness) allow it with `test.use({ serviceWorkers: "allow" })`.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production build, started the way a user starts it, on a fresh embedded database.
    command: `rm -rf ${dataDir} && npm start`,
    url: `http://localhost:${port}/api/health`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:./${dataDir}/app.db`,
      NEXT_DIST_DIR: distDir,
      DEMO_PASSWORD: e2eDemoPassword,
      NEXT_TELEMETRY_DISABLED: "1",
      // Every spec signs up its own users from this one address.
      SIGN_UP_LIMIT_PER_HOUR: "10000",
    },
  },
});
