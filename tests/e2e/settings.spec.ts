import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { newAccount, screenshotDir, signUp } from "./fixtures";

// Settings (issue 11, point 11): name, time zone and main problem area. A change of zone moves
// "today" from that moment on. Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart, so
// whatever the server's clock says, their calendars never show the same date.

// Long flows with an axe scan; give them room on a busy two-core machine, as accessibility.spec does.
test.describe.configure({ timeout: 150_000 });

/** The date line of the Today page, as a person in `timeZone` reads it right now. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone,
  }).format(new Date());
}

async function expectTodayIn(page: Page, timeZone: string) {
  await page.goto("/today");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByText(todayIn(timeZone), { exact: true })).toBeVisible();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test("a patient renames themself, moves east then west, and Today's date follows", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    timezoneId: "Europe/London",
  });
  const page = await context.newPage();
  const account = newAccount("PATIENT");
  await signUp(page, account);
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${account.name}`);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  // The zone stored at sign-up is the browser's; the same zone needs no suggestion.
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Europe/London");
  await expect(page.getByRole("button", { name: /^Use / })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Nothing wider than a 360 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${screenshotDir}/settings-360.png`, fullPage: true });

  // Bad input: a message per field, focus on the first bad one, and nothing saved.
  await page.getByLabel("Your name").fill("");
  await page.getByLabel("Time zone", { exact: true }).fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Choose a time zone from the list, like Europe/London.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toBeFocused();
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${account.name}`);

  // East: by keyboard only.
  const renamed = `Renamed ${account.name.slice(-8)}`;
  await page.getByLabel("Your name").fill(renamed);
  await page.getByLabel("Time zone", { exact: true }).fill("Pacific/Kiritimati");
  await page.getByLabel("Main problem area").selectOption({ label: "Left hip" });
  await page.getByLabel("Main problem area").press("Tab");
  await expect(page.getByRole("button", { name: "Save settings" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(
    "Your time zone is Pacific/Kiritimati from now on; earlier days keep their dates.",
  );
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${renamed}`);
  await expect(page.getByLabel("Main problem area")).toHaveValue("LEFT_HIP");
  await expectTodayIn(page, "Pacific/Kiritimati");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${renamed}`);

  // West, from the device's suggestion first: the browser is in London, the account is not.
  await page.goto("/settings");
  await expect(page.getByText("This device is set to Europe/London.")).toBeVisible();
  await page.getByRole("button", { name: "Use Europe/London" }).click();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Europe/London");
  await expect(page.getByLabel("Time zone", { exact: true })).toBeFocused();
  await page.getByLabel("Time zone", { exact: true }).fill("Pacific/Pago_Pago");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Your time zone is Pacific/Pago_Pago from now on");
  const history = page.getByRole("region", { name: "Your time zones" });
  await expect(history.getByRole("listitem")).toHaveText([
    /^Europe\/London until your first change$/,
    /^Pacific\/Kiritimati from /,
    /^Pacific\/Pago_Pago from /,
  ]);
  await expectTodayIn(page, "Pacific/Pago_Pago");
  expect(todayIn("Pacific/Pago_Pago")).not.toBe(todayIn("Pacific/Kiritimati"));
  await context.close();
});

test("a physiotherapist changes name and zone; there is no problem area to set", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    timezoneId: "Asia/Tokyo",
  });
  const page = await context.newPage();
  const account = newAccount("PHYSIO");
  await signUp(page, account);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Tokyo");
  await expect(page.getByLabel("Main problem area")).toHaveCount(0);
  await page.getByLabel("Your name").fill(`Dr ${account.name}`);
  await page.getByLabel("Time zone", { exact: true }).fill("America/Chicago");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Your time zone is America/Chicago from now on");
  await expect(page.getByRole("banner")).toContainText(`Signed in as Dr ${account.name}`);
  await expect(page.getByRole("button", { name: "Use Asia/Tokyo" })).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/settings-1280.png`, fullPage: true });
  await context.close();
});
