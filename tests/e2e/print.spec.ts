import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { screenshotDir, signInAsDemo, signOut } from "./fixtures";

// Printing is the browser's own (print to PDF), so these tests print with Chromium and read the
// PDF back with poppler's pdftotext and pdfinfo. Where poppler-utils is missing the PDF checks are
// skipped with a notice; in CI (`CI` set) they are required: .ci/run installs poppler-utils.
const hasPoppler = spawnSync("pdftotext", ["-v"]).error === undefined;
if (!hasPoppler) {
  if (process.env.CI)
    throw new Error("pdftotext is missing (install poppler-utils): the PDF checks must run in CI.");
  console.log(
    "NOTICE: pdftotext/pdfinfo (Debian's poppler-utils) are not installed: the PDF checks in print.spec.ts are skipped.",
  );
}

const pdfDir = "tests/.artifacts/print";

/** Prints the page as the browser's "Save as PDF" would, and returns its text and page count. */
async function printToPdf(page: Page, name: string, format: "A4" | "Letter" = "A4") {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format, printBackground: false, preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  mkdirSync(pdfDir, { recursive: true });
  const file = join(pdfDir, `${name}-${format}.pdf`);
  writeFileSync(file, pdf);
  const info = spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const paper = /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? "";
  const text = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" }).stdout;
  // Words only: layout spacing and line breaks are the printer's business.
  return { pages, paper, text: text.replace(/\s+/g, " "), file };
}

const navigationWords = [
  "Skip to content",
  "Sign out",
  "Settings",
  "Caseload",
  "It is not an emergency service",
];

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function routineNames(page: Page): Promise<string[]> {
  await page.goto("/routine");
  const names = await page
    .getByRole("region", { name: "Exercises in order" })
    .getByRole("heading", { level: 3 })
    .allTextContents();
  expect(names.length).toBeGreaterThan(0);
  return names;
}

test("the patient opens their home programme to print: every exercise with its dose, steps and who set it", async ({
  page,
}) => {
  await signInAsDemo(page, "patient");
  const names = await routineNames(page);
  await page.getByRole("link", { name: "Print your home programme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home exercise programme" })).toBeVisible();
  const exercises = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(exercises).toHaveCount(names.length);
  for (const [index, name] of names.entries()) {
    const item = exercises.nth(index);
    await expect(item.getByRole("heading", { level: 2 })).toHaveText(`${index + 1}. ${name}`);
    await expect(item.getByRole("img", { name: `Drawing of ${name}` })).toBeVisible();
    await expect(item.getByRole("heading", { name: "Steps" })).toBeVisible();
    await expect(item.getByRole("heading", { name: "Take care" })).toBeVisible();
    await expect(item.getByText(/^(Prescribed by .+, physiotherapist, on|Added by .+ on) \d/)).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Before you start" })).toBeVisible();

  // The button opens the browser's print dialog.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole("button", { name: "Print or save as PDF" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshotDir}/print-routine-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("the printed programme is a clean PDF on A4 and Letter: every exercise, dose and the safety advice, no menus", async ({
  page,
}) => {
  test.skip(!hasPoppler, "pdftotext is not installed (poppler-utils)");
  await signInAsDemo(page, "patient");
  const names = await routineNames(page);
  await page.goto("/routine/print");
  const doses = await page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 2 }) })
    .locator("p.font-medium")
    .allTextContents();
  expect(doses).toHaveLength(names.length);
  for (const format of ["A4", "Letter"] as const) {
    const printed = await printToPdf(page, "programme", format);
    expect(printed.paper).toMatch(format === "A4" ? /\(A4\)$/ : /^612 x 792 pts \(letter\)$/);
    // 11 exercises at most one or two to a page: a handful of pages, never one exercise a page.
    expect(printed.pages).toBeGreaterThanOrEqual(2);
    expect(printed.pages).toBeLessThanOrEqual(names.length);
    expect(printed.text).toContain("Home exercise programme");
    for (const name of names) expect(printed.text).toContain(name);
    for (const dose of doses) expect(printed.text).toContain(dose.replace(/\s+/g, " "));
    expect(printed.text).toContain("Before you start");
    expect(printed.text).toContain("Get urgent medical help if back or hip pain comes with loss of bladder");
    for (const word of [...navigationWords, "Print or save as PDF", "Back to the routine"])
      expect(printed.text).not.toContain(word);
  }
});

test("the physiotherapist prints a report with their notes, and the patient sees both prints in their access log", async ({
  page,
}) => {
  await signInAsDemo(page, "physio");
  await page.getByRole("link", { name: /Alex/ }).first().click();
  await expect(page).toHaveURL(/\/patients\/[^/]+$/);
  const record = page.url();
  await page.getByRole("link", { name: "Progress report for a period" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Progress report" })).toBeVisible();

  // A period that is not a period is a message beside the dates, not an error page.
  const response = await page.goto(`${record}/report?from=2026-02-30&to=${isoDaysAgo(0)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Enter the first day as a date, for example 2026-09-01.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "needs a different period" })).toBeVisible();

  await page.getByLabel("First day").fill(isoDaysAgo(160));
  await page.getByLabel("Last day").fill(isoDaysAgo(0));
  await page.getByLabel("Include my clinical notes from this period").check();
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/notes=1/);
  await expect(page.getByRole("heading", { name: "Your clinical notes from this period" })).toBeVisible();
  await expect(page.getByText("Right-sided hip pain, worse after sitting.")).toBeVisible();
  for (const heading of [
    "Sessions on due days",
    "Pain by area",
    "Questionnaire scores",
    "Routine changes in this period",
  ])
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  await expect(page.getByRole("img", { name: /Pain over the period/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /7-day average of pain/ })).toBeVisible();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshotDir}/print-report-physio-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  if (hasPoppler) {
    const printed = await printToPdf(page, "report-physio");
    expect(printed.pages).toBeGreaterThanOrEqual(2);
    expect(printed.text).toContain("Progress report");
    expect(printed.text).toContain("Right-sided hip pain, worse after sitting.");
    expect(printed.text).toMatch(/Comparing the first 7 days of this period against the last 7: /);
    for (const word of [...navigationWords, "Sessions and pain", "Show report", "Your patients"])
      expect(printed.text).not.toContain(word);
  }

  await page.goto(`${record}/routine`);
  await page.getByRole("link", { name: "Print the home programme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home exercise programme" })).toBeVisible();
  await signOut(page);

  await signInAsDemo(page, "patient");
  await page.goto("/account/access");
  await expect(page.getByText("Opened your progress report to print or save as PDF").first()).toBeVisible();
  await expect(page.getByText("Opened your home programme to print or save as PDF").first()).toBeVisible();
});

test("the patient's own report has their figures and never a physiotherapist's notes", async ({ page }) => {
  await signInAsDemo(page, "patient");
  await page.goto("/progress");
  await page.getByRole("link", { name: "Progress report for a period" }).click();
  await page.goto(`/progress/report?from=${isoDaysAgo(160)}&to=${isoDaysAgo(0)}&notes=1`);
  await expect(page.getByRole("heading", { level: 1, name: "Progress report" })).toBeVisible();
  await expect(page.getByLabel("Include my clinical notes from this period")).toHaveCount(0);
  await expect(page.getByText("Right-sided hip pain")).toHaveCount(0);
  await expect(
    page.getByText(/^Comparing the first 7 days of this period against the last 7: /),
  ).toBeVisible();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshotDir}/print-report-patient-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  if (hasPoppler) {
    const printed = await printToPdf(page, "report-patient", "Letter");
    expect(printed.pages).toBeGreaterThanOrEqual(2);
    expect(printed.text).toContain("Sessions on due days");
    expect(printed.text).not.toContain("clinical notes");
    for (const word of navigationWords) expect(printed.text).not.toContain(word);
  }
});
