import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import config from "../../playwright.config";
import { newAccount, signUp } from "./fixtures";

// The app's service worker runs here, as on a real device (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

// Issue 16, item 5: the reminder page with the keyboard alone, a test e-mail that lands in the
// embedded outbox, the calendar address made and turned off, and this device's notifications up
// to the browser's pushManager (subscribing needs the browser maker's push service, out of reach
// here: the page must say so plainly).

const webServerEnv = (config.webServer as { env: Record<string, string> }).env;
const outbox = path.resolve(webServerEnv.DATA_DIR ?? "data", "outbox");
const shots = "/tmp/shots-reminders";
mkdirSync(shots, { recursive: true });

async function tabTo(page: Page, name: RegExp | string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return `${el?.labels?.[0]?.textContent ?? ""} ${el?.getAttribute("aria-label") ?? ""} ${el?.textContent ?? ""}`;
    });
    if (typeof name === "string" ? label.includes(name) : name.test(label)) return page.locator(":focus");
  }
  throw new Error(`Tab never reached ${name}`);
}

test("a patient sets reminders with the keyboard, sends a test e-mail, and makes and turns off a calendar address", async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  await page.getByRole("link", { name: "Reminders" }).first().click();
  await expect(page.getByRole("heading", { name: "Reminders", level: 1 })).toBeVisible();
  // With reminders off there is nothing to test: the page says what to do instead of offering a button.
  await expect(page.getByRole("button", { name: "Send a test reminder" })).toHaveCount(0);
  await expect(page.getByText("Reminders are off. Choose an e-mail or a notification above")).toBeVisible();

  // From the top of the page. Tab enters the radio group at the checked choice (none yet), and
  // the arrow keys move the choice.
  await page.getByRole("heading", { name: "Reminders", level: 1 }).click();
  const off = await tabTo(page, "No reminders");
  await expect(off).toBeChecked();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("An e-mail")).toBeChecked();
  // A time inside the quiet hours is refused, with the reason next to the field.
  // Typing into Chromium's segmented time field is not reproducible headless: the value is filled
  // into the field reached with Tab.
  const reached = await tabTo(page, "Reminder time");
  await reached.fill("22:30");
  await tabTo(page, "Save reminders");
  await page.keyboard.press("Enter");
  const timeField = page.getByLabel("Reminder time");
  await expect(timeField).toBeFocused();
  await expect(timeField).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/That time is inside your quiet hours \(21:00 to 08:00\)/)).toBeVisible();

  await timeField.fill("18:45");
  await tabTo(page, "Save reminders");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved. Your reminders will come" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("An e-mail")).toBeChecked();
  await expect(page.getByLabel("Reminder time")).toHaveValue("18:45");
  await expect(page.getByLabel("Never remind me during quiet hours")).toBeChecked();

  const messages = () =>
    existsSync(outbox) ? readdirSync(outbox).filter((name) => name.endsWith(".txt")) : [];
  const before = messages().length;
  await tabTo(page, "Send a test reminder");
  await page.keyboard.press("Enter");
  await expect(page.getByText("A test e-mail is on its way.")).toBeVisible();
  const written = messages();
  expect(written).toHaveLength(before + 1);
  const latest = written.sort().at(-1) ?? "";
  const mail = readFileSync(path.join(outbox, latest), "utf8");
  expect(mail).toContain("Subject: Time for your exercises (test)");
  expect(mail).toMatch(/\/unsubscribe\/[A-Za-z0-9_-]{43}/);
  await expect(page.getByText(/Test on \d{4}-\d{2}-\d{2}, by e-mail: sent/)).toBeVisible();

  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/reminders-${width}.png`, fullPage: true });
  }

  // The calendar address: shown once, fetched without a session, dead once turned off.
  await tabTo(page, "Make a calendar address");
  await page.keyboard.press("Enter");
  const address = page.getByLabel(/Your calendar address/);
  await expect(address).toBeFocused();
  const url = await address.inputValue();
  expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const feedPath = new URL(url).pathname;
  const feed = await page.request.get(feedPath, { headers: { cookie: "" } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  // A new patient has no routine days yet: a calendar with its neutral name and no event.
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*X-WR-CALNAME:Exercise time\r\n/);
  await page.getByRole("button", { name: "Turn off the calendar address" }).click();
  await expect(page.getByText("The calendar address no longer works.")).toBeVisible();
  expect((await page.request.get(feedPath)).status()).toBe(404);
});

test.describe("where no service worker can run", () => {
  test.use({ serviceWorkers: "block" });

  test("the page says notifications are not available, and what to do instead", async ({ page }) => {
    await signUp(page, newAccount());
    await page.goto("/reminders");
    const device = page.getByRole("region", { name: "Notifications on this device" });
    await expect(device.getByText("Notifications are not available here.")).toBeVisible();
    await expect(device.getByText(/choose e-mail reminders instead/)).toBeVisible();
    await expect(device.getByRole("button", { name: /Turn on notifications/ })).toHaveCount(0);
  });
});

test("turning notifications on reaches pushManager, and its failure is explained", async ({
  page,
  context,
}) => {
  await signUp(page, newAccount());
  await context.grantPermissions(["notifications"]);
  await page.goto("/reminders");
  const device = page.getByRole("region", { name: "Notifications on this device" });
  // The app's service worker is running: the page offers to turn notifications on.
  const turnOn = device.getByRole("button", { name: "Turn on notifications on this device" });
  await expect(turnOn).toBeVisible();
  await turnOn.focus();
  await page.keyboard.press("Enter");
  // Subscribing needs the browser maker's push service, which this browser cannot reach.
  await expect(device.getByText(/could not reach its notification service/)).toBeVisible();
  await expect(device.getByText("Notifications are off on this device.")).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  await device.screenshot({ path: `${shots}/device-360.png` });
});
