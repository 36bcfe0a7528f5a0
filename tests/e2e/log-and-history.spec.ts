import { expect, type Locator, type Page, test } from "@playwright/test";
import { newAccount, screenshotDir, signInAsDemo, signUp } from "./fixtures";

// Issue 11, points 5, 6, 9 and 10: logging afterwards from the routine, History's delete, undo,
// deleted filter, edit and earlier versions, tables on a phone, and the icons.

function exerciseRow(page: Page, index: number): Locator {
  return page.getByRole("group", { name: `Exercise ${index}`, exact: true });
}

function sessionCards(page: Page): Locator {
  return page.getByRole("region", { name: /^(Deleted )?[Ss]essions$/ }).getByRole("article");
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function openEveryTable(page: Page): Promise<number> {
  const buttons = page.getByRole("button", { name: /^Show table/ });
  await expect(buttons.first()).toBeVisible();
  const count = await buttons.count();
  // Each click turns its button into "Hide table", so the first "Show table" is always the next one.
  for (let opened = 0; opened < count; opened++) await buttons.first().click();
  await expect(page.getByRole("table").first()).toBeVisible();
  return count;
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a patient logs today's routine afterwards: one row per exercise, both sides of a per-side one, changed where it differed", async ({
    page,
  }) => {
    await signUp(page, newAccount("PATIENT"));
    await page.getByRole("button", { name: "Use the starter routine" }).click();
    await expect(page.getByRole("heading", { name: "Due today" })).toBeVisible();

    await page.goto("/log");
    await expect(page.getByText(/Filled in from today's routine/)).toBeVisible();
    // The starter routine's four exercises, each one row, filled in at the routine's doses.
    await expect(exerciseRow(page, 4)).toBeVisible();
    await expect(exerciseRow(page, 5)).toHaveCount(0);
    const clamshell = exerciseRow(page, 4);
    await expect(clamshell.getByLabel("Exercise", { exact: true }).locator("option:checked")).toHaveText(
      "Clamshell",
    );
    const left = clamshell.getByRole("group", { name: "Left side" });
    const right = clamshell.getByRole("group", { name: "Right side" });
    await expect(left.getByRole("checkbox", { name: "Left side done" })).toBeChecked();
    await expect(right.getByRole("checkbox", { name: "Right side done" })).toBeChecked();
    const sets = await left.getByLabel("Sets").inputValue();
    expect(Number(sets)).toBeGreaterThan(1);
    await expect(right.getByLabel("Sets")).toHaveValue(sets);
    // What differed: one set fewer on the right, and the first exercise on the left only.
    await right.getByLabel("Sets").fill("1");
    await exerciseRow(page, 1).getByRole("checkbox", { name: "Right side done" }).uncheck();
    await expect(
      exerciseRow(page, 1).getByRole("group", { name: "Right side" }).getByLabel("Sets"),
    ).toBeDisabled();

    // The rest of the catalog is one choice away, in the same list.
    const picker = exerciseRow(page, 1).getByLabel("Exercise", { exact: true });
    await expect(picker.locator("optgroup")).toHaveCount(2);
    await expect(
      picker.locator('optgroup[label="All other exercises"] option', { hasText: "Pelvic tilt" }),
    ).toHaveCount(1);
    await page.getByRole("button", { name: "Add exercise" }).click();
    await exerciseRow(page, 5).getByLabel("Exercise", { exact: true }).selectOption({ label: "Pelvic tilt" });
    await page.getByRole("button", { name: "Remove exercise 5, Pelvic tilt" }).click();

    await page.getByRole("button", { name: "Save session" }).click();
    await expect(page.getByText("Session saved.", { exact: true })).toBeVisible();

    await page.goto("/history");
    const items = sessionCards(page).first().getByRole("list", { name: "Exercises" }).getByRole("listitem");
    // Knee to chest on the left only, two sides each for the hip flexor stretch and the clamshell,
    // and the glute bridge once: six entries from four rows.
    await expect(items).toHaveCount(6);
    await expect(items.nth(0)).toContainText(", left: ");
    await expect(items.nth(4)).toHaveText(new RegExp(`^Clamshell, left: ${sets} sets × `));
    await expect(items.nth(5)).toHaveText(/^Clamshell, right: 1 set × /);
  });

  test("History: an edit returns with a confirmation, earlier versions say what changed, a delete leaves the list with an Undo, and Show deleted finds it", async ({
    page,
  }) => {
    await signUp(page, newAccount("PATIENT"));
    await page.goto("/log");
    const row = exerciseRow(page, 1);
    await row.getByLabel("Exercise", { exact: true }).selectOption({ label: "Pelvic tilt" });
    await row.getByLabel("Sets").fill("2");
    await row.getByLabel("Repetitions").fill("8");
    await row.getByLabel("Hold in seconds").fill("5");
    await page.getByRole("button", { name: "Save session" }).click();
    await expect(page.getByText("Session saved.", { exact: true })).toBeVisible();

    await page.goto("/history");
    const cards = sessionCards(page);
    await expect(cards).toHaveCount(1);
    const card = cards.first();
    await expect(card.getByRole("link", { name: /^Earlier versions/ })).toHaveCount(0);

    await card.getByRole("link", { name: /^Edit session of/ }).click();
    await exerciseRow(page, 1).getByLabel("Sets").fill("3");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/history\?tab=sessions&saved=session$/);
    const confirmation = page
      .getByRole("status")
      .filter({ hasText: "Session updated. The earlier version is kept." });
    await expect(confirmation).toBeFocused();
    await expect(card).toContainText("Edited");
    await expect(card.getByRole("list", { name: "Exercises" })).toHaveText(
      "Pelvic tilt, both sides: 3 sets × 8 reps × 5 s hold",
    );

    await card.getByRole("link", { name: /^Earlier versions of session of/ }).click();
    await expect(page.getByRole("heading", { name: "Earlier versions" })).toBeVisible();
    const change = page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem");
    await expect(change).toHaveCount(1);
    await expect(change).toContainText(/Edited by you, \d+ \w+ \d{4}, \d\d:\d\d/);
    await expect(change).toContainText(
      "Exerciseswas Pelvic tilt, both sides: 2 sets × 8 reps × 5 s hold, now Pelvic tilt, both sides: 3 sets × 8 reps × 5 s hold",
    );
    await page.getByRole("link", { name: "Back to history" }).click();

    // Delete: the entry leaves the list; Undo takes focus above it.
    await card.getByRole("button", { name: /^Delete session of/ }).click();
    await expect(cards).toHaveCount(0);
    const undo = page.getByRole("button", { name: /^Undo delete of session of/ });
    await expect(undo).toBeFocused();
    await page.screenshot({ path: `${screenshotDir}/history-undo-360.png`, fullPage: true });
    await undo.click();
    await expect(cards).toHaveCount(1);
    await expect(page.getByText(/^Brought back: session of/)).toBeFocused();

    // Deleted again, it is found under "Show deleted" and restored from there.
    await card.getByRole("button", { name: /^Delete session of/ }).click();
    await expect(cards).toHaveCount(0);
    await page.getByRole("link", { name: "Show deleted" }).click();
    await expect(page.getByRole("heading", { name: "Deleted sessions" })).toBeVisible();
    await expect(cards).toHaveCount(1);
    await expect(card).toContainText("Deleted");
    await card.getByRole("button", { name: /^Restore session of/ }).click();
    await expect(cards).toHaveCount(0);
    await expect(page.getByText("Nothing deleted.", { exact: false })).toBeVisible();
    await page.getByRole("link", { name: "Hide deleted" }).click();
    await expect(cards).toHaveCount(1);
    await expect(card).not.toContainText("Deleted");
  });

  test("signing up from an invitation link starts with the invited address", async ({ browser }) => {
    const physio = await browser.newPage();
    await signUp(physio, newAccount("PHYSIO"));
    const invited = newAccount("PATIENT");
    await physio.goto("/caseload");
    await physio.getByRole("link", { name: "Invite a patient" }).first().click();
    await physio.getByLabel("Patient's e-mail address").fill(invited.email);
    await physio.getByRole("button", { name: "Create invitation" }).click();
    const created = physio.getByRole("region", { name: `Invitation for ${invited.email}` });
    const link = (await created.getByText(/\/invite\//).textContent())?.trim() ?? "";
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

    const patient = await browser.newPage();
    await patient.goto(link);
    await patient.getByRole("link", { name: "Create an account" }).click();
    await expect(patient.getByLabel("E-mail")).toHaveValue(invited.email);
    await physio.close();
    await patient.close();
  });
});

test.describe("at 360 x 780", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("no page is wider than the phone with its tables open: progress, history and the record's tabs", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const patient = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await signInAsDemo(patient, "patient");
    await patient.goto("/progress");
    expect(await openEveryTable(patient)).toBeGreaterThan(2);
    expect(await pageWidth(patient)).toBeLessThanOrEqual(360);
    await patient.getByRole("table").first().scrollIntoViewIfNeeded();
    await patient.screenshot({ path: `${screenshotDir}/progress-table-360.png` });
    await patient.goto("/history");
    await expect(sessionCards(patient).first()).toBeVisible();
    expect(await pageWidth(patient)).toBeLessThanOrEqual(360);
    await patient.screenshot({ path: `${screenshotDir}/history-360.png` });
    await patient.goto("/log");
    await expect(exerciseRow(patient, 1)).toBeVisible();
    expect(await pageWidth(patient)).toBeLessThanOrEqual(360);
    await patient.screenshot({ path: `${screenshotDir}/log-360.png` });
    await patient.close();

    const physio = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await signInAsDemo(physio, "physio");
    expect(await pageWidth(physio)).toBeLessThanOrEqual(360);
    await physio
      .getByRole("link", { name: /Jordan/ })
      .first()
      .click();
    const tabs = physio.getByRole("navigation", { name: "Patient record" }).getByRole("link");
    await expect(tabs).toHaveCount(4);
    await expect(physio.getByRole("button", { name: /^Show table/ }).first()).toBeVisible();
    await openEveryTable(physio);
    expect(await pageWidth(physio)).toBeLessThanOrEqual(360);
    for (const name of ["Routine", "Sessions and pain", "Notes"]) {
      await tabs.filter({ hasText: name }).click();
      await expect(tabs.filter({ hasText: name })).toHaveAttribute("aria-current", "page");
      expect(await pageWidth(physio), name).toBeLessThanOrEqual(360);
    }
    await physio.close();
  });
});

test("at 1280 px the log, history and progress with a table open", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInAsDemo(page, "patient");
  await page.goto("/progress");
  await openEveryTable(page);
  expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
  await page.getByRole("table").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshotDir}/progress-table-1280.png` });
  await page.goto("/history");
  await expect(sessionCards(page).first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/history-1280.png` });
  await page.goto("/log");
  await expect(exerciseRow(page, 1)).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/log-1280.png` });
  await page.close();
});

test("the site icon and the app icon answer on every page, signed in or not", async ({ page, request }) => {
  await page.goto("/");
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(icon).toMatch(/^\/icon\.svg/);
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect(apple).toMatch(/^\/apple-icon\.png/);
  for (const [path, type] of [
    ["/favicon.ico", "image/x-icon"],
    [icon ?? "", "image/svg+xml"],
    [apple ?? "", "image/png"],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
});
