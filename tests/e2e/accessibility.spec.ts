import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { screenshotDir, signInAsDemo, siteMenu } from "./fixtures";

// Automated WCAG 2.1 A and AA checks (axe-core) of every page a patient or a visitor uses, on a
// phone-sized screen. Automated checks catch only part of what matters; the keyboard and
// screen-reader behaviour is tested in the feature specs.
async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${path}`).toEqual([]);
}

test.use({ viewport: { width: 390, height: 844 } });
// Each test scans several pages; give it room on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });
// Each list of pages is its own test, so the two workers share them and none nears its time limit.

const publicPages = {
  "the catalog": ["/", "/exercises", "/exercises?category=STRENGTHEN", "/exercises/clamshell", "/help"],
  "signing in and up": [
    "/sign-in",
    "/sign-up",
    "/forgot-password",
    "/reset-password?token=expired",
    "/verify-email",
  ],
};
for (const [name, paths] of Object.entries(publicPages)) {
  test(`public pages (${name}) have no automatically detectable accessibility violations`, async ({
    page,
  }) => {
    for (const path of paths) await expectNoViolations(page, path);
  });
}

const patientPages = {
  "today and the session": ["/today", "/routine", "/routine/print", "/session", "/log"],
  "history and progress": ["/history", "/history?tab=pain", "/progress", "/progress/report"],
  "reports, questionnaires and account": [
    "/progress/report?from=2026-02-30",
    "/outcomes/psfs",
    "/outcomes/groc",
    "/account",
    "/reminders",
  ],
};
for (const [name, paths] of Object.entries(patientPages)) {
  test(`the patient's pages (${name}) have no automatically detectable accessibility violations`, async ({
    page,
  }) => {
    await signInAsDemo(page, "patient");
    for (const path of paths) await expectNoViolations(page, path);
  });
}

/** The demo patient's record, opened from the caseload as a physiotherapist does. */
async function openRecord(page: Page): Promise<string> {
  await page.goto("/caseload");
  await page.getByRole("link", { name: "Alex Morgan" }).first().click();
  await expect(page).toHaveURL(/\/patients\/[^/]+$/);
  return new URL(page.url()).pathname;
}

test("the physiotherapist's caseload and record have no automatically detectable accessibility violations", async ({
  page,
}) => {
  await signInAsDemo(page, "physio");
  await expectNoViolations(page, "/caseload");
  const record = await openRecord(page);
  for (const path of ["/caseload/invite", record, `${record}/routine`, `${record}/routine/print`]) {
    await expectNoViolations(page, path);
  }
});

test("the physiotherapist's report, history and notes have no automatically detectable accessibility violations", async ({
  page,
}) => {
  await signInAsDemo(page, "physio");
  const record = await openRecord(page);
  for (const path of [
    `${record}/report?notes=1`,
    `${record}/history`,
    `${record}/history?tab=pain`,
    `${record}/notes`,
  ]) {
    await expectNoViolations(page, path);
  }
});

test("the patient's sharing pages and an unusable invitation have no automatically detectable violations", async ({
  page,
}) => {
  await expectNoViolations(page, `/invite/${"x".repeat(43)}`);
  await signInAsDemo(page, "patient");
  await expectNoViolations(page, "/account/access");
});

test("on a phone the site's links are in one menu: one row of header, keyboard to open and close, closed after a link", async ({
  page,
}) => {
  await signInAsDemo(page, "patient");
  const header = page.getByRole("banner");
  const menu = siteMenu(page);
  // One row: the name and the menu button, not six links and the account wrapping above the page.
  expect((await header.boundingBox())?.height).toBeLessThan(80);
  await expect(page.getByRole("link", { name: "Progress" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Progress" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(nav.getByText(/Signed in as/)).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: `${screenshotDir}/menu-open-390.png` });

  // Escape closes it and gives the focus back to its button.
  await nav.getByRole("link", { name: "History" }).focus();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Following a link closes it on the next page.
  await menu.click();
  await nav.getByRole("link", { name: "Progress" }).click();
  await expect(page).toHaveURL(/\/progress$/);
  await expect(nav).toBeHidden();
  await expect(menu).toBeVisible();
});
