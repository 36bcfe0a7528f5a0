import { expect, test } from "@playwright/test";
import { screenshotDir } from "./fixtures";

test("anyone can browse all 15 exercises and read the safety advice", async ({ page }) => {
  await page.goto("/exercises");
  await expect(page.getByRole("heading", { name: "Exercises for hip and lower-back pain" })).toBeVisible();
  await expect(page.getByText("15 exercises")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 }).filter({ has: page.getByRole("link") })).toHaveCount(
    15,
  );
  await expect(page.getByRole("complementary", { name: "Before you start" })).toContainText(
    "physiotherapist",
  );
  await page.screenshot({ path: `${screenshotDir}/catalog.png`, fullPage: true });
});

test("filters by type and starting position, and searches by word", async ({ page }) => {
  await page.goto("/exercises");
  await page.getByLabel("Type").selectOption({ label: "Strengthen" });
  await page.getByLabel("Starting position").selectOption({ label: "Lying on your side" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("2 exercises")).toBeVisible();
  await expect(page.getByRole("link", { name: "Clamshell" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Side-lying leg raise" })).toBeVisible();

  await page.getByRole("link", { name: "Clear" }).click();
  await page.getByLabel("Search").fill("bridge");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("1 exercise", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Glute bridge" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Glute bridge" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How to do it" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Take care" })).toBeVisible();
  await expect(page.getByRole("img", { name: /glute bridge/i })).toBeVisible();
});

test("filtering works without JavaScript and reads well on a 360 px phone", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 780 },
  });
  const page = await context.newPage();
  await page.goto("/exercises?category=STRETCH");
  await expect(page.getByText("5 exercises")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${screenshotDir}/catalog-360.png`, fullPage: false });
  await page.goto("/exercises/knee-to-chest-stretch");
  await page.screenshot({ path: `${screenshotDir}/exercise-360.png`, fullPage: true });
  await context.close();
});

test("an unknown exercise is a plain 404", async ({ page }) => {
  const response = await page.goto("/exercises/no-such-thing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
