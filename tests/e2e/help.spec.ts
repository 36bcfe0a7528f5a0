import { expect, type Page, test } from "@playwright/test";
import { newAccount, screenshotDir, signUp } from "./fixtures";

const tiers = ["Call the emergency number", "Get urgent help today", "See your doctor soon"];

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("anyone can read When to get help, signed out, with its three tiers and its sources", async ({
  page,
}) => {
  const response = await page.goto("/help");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1, name: "When to get help" })).toBeVisible();
  await expect(page).toHaveTitle(/When to get help/);

  // The tiers, most urgent first, each with what to do.
  const headings = page.getByRole("main").getByRole("heading", { level: 2 });
  await expect(headings.filter({ hasText: new RegExp(`^(${tiers.join("|")})$`) })).toHaveText(tiers);
  const emergency = page.getByRole("region", { name: "Call the emergency number" });
  await expect(emergency).toContainText("saddle");
  await expect(emergency).toContainText("both legs");
  await expect(emergency).toContainText(/breathlessness or chest pain/);
  const urgent = page.getByRole("region", { name: "Get urgent help today" });
  await expect(urgent).toContainText("cannot put weight on the leg");
  await expect(urgent).toContainText("osteoporosis");
  await expect(urgent).toContainText(/calf/);
  const soon = page.getByRole("region", { name: "See your doctor soon" });
  await expect(soon).toContainText("cancer");
  await expect(soon).toContainText(/at night/);

  // The general advice, and what the app is and is not.
  await expect(page.getByRole("complementary", { name: "If your pain gets worse" })).toContainText(
    "spreads down your leg",
  );
  const about = page.getByRole("region", { name: "What this app is, and what it is not" });
  await expect(about).toContainText("Nobody watches");
  await expect(about).toContainText("not an emergency service");

  const sources = page.getByRole("region", { name: "Sources" });
  for (const source of [
    /Finucane LM.*International framework for red flags for potential serious spinal pathologies.*2020;50\(7\):350-372/,
    /Low back pain and sciatica in over 16s.*NG59/,
    /Hip fracture: management.*CG124/,
    /Septic arthritis/,
    /Deep vein thrombosis/,
  ]) {
    await expect(sources.getByRole("listitem").filter({ hasText: source })).toHaveCount(1);
  }
  await expect(sources.getByRole("link", { name: "doi.org/10.2519/jospt.2020.9971" })).toBeVisible();
  await expect(sources.getByRole("link", { name: "www.nice.org.uk/guidance/ng59" })).toBeVisible();
});

test("every page's footer links to When to get help, signed out too", async ({ page }) => {
  await page.goto("/exercises");
  await page.getByRole("contentinfo").getByRole("link", { name: "When to get help", exact: true }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1, name: "When to get help" })).toBeVisible();
});

test("When to get help reads well on a 360 px phone and a 1280 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/help");
  await expect(page.getByRole("heading", { level: 1, name: "When to get help" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${screenshotDir}/help-360.png`, fullPage: true });
  // What a phone shows first: the page's start and the most urgent tier.
  await page.screenshot({ path: `${screenshotDir}/help-360-top.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${screenshotDir}/help-1280.png`, fullPage: true });
});

test("Today links to When to get help and says what happens to a pain rating", async ({ page }) => {
  await signUp(page, newAccount());
  const checkIn = page.getByRole("region", { name: "Pain check-in" });
  await expect(checkIn).toContainText("Nobody watches ratings as they arrive");
  await expect(checkIn).toContainText("not an emergency service");
  await page.getByRole("main").getByRole("link", { name: "When to get help", exact: true }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1, name: "When to get help" })).toBeVisible();
});

test("the guided session keeps a help link in view that opens beside the session, which carries on", async ({
  page,
}) => {
  await signUp(page, newAccount());
  await page.getByRole("button", { name: "Use the starter routine" }).click();
  await expect(page.getByRole("heading", { name: "Due today" })).toBeVisible();
  await page.goto("/session");
  const help = page.getByRole("link", { name: "When to get help (opens in a new tab)", exact: true });
  await expect(help).toBeVisible();
  await expect(help).toHaveAttribute("target", "_blank");
  await expect(page.getByRole("main")).toContainText("Nobody watches ratings as they arrive");

  await page.getByRole("radio", { name: "3", exact: true }).check();
  await page.getByLabel("Area your ratings are about").selectOption({ label: "Lower back" });
  await page.getByRole("button", { name: "Start session" }).click();
  await page.getByRole("button", { name: "Start exercise" }).click();
  await expect(page.getByRole("timer")).toBeVisible();
  await expect(help).toBeVisible();

  const [helpPage] = await Promise.all([page.waitForEvent("popup"), help.click()]);
  await expect(helpPage).toHaveURL(/\/help$/);
  await expect(helpPage.getByRole("heading", { level: 1, name: "When to get help" })).toBeVisible();
  // The session is where it was: same address, same exercise, its countdown still there.
  await expect(page).toHaveURL(/\/session$/);
  await expect(page.getByRole("heading", { level: 2, name: "Knee-to-chest stretch" })).toBeVisible();
  await expect(page.getByRole("timer")).toBeVisible();
  await helpPage.close();
});
