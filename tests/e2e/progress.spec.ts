import { expect, type Page, test } from "@playwright/test";
import { newAccount, screenshotDir, signInAsDemo, signOut, signUp } from "./fixtures";

// The first test checks the console as a visitor's would be, service worker included (playwright.config.ts
// blocks it elsewhere; a blocked registration logs an error).
test.use({ serviceWorkers: "allow" });

const chartTitles = [
  "Pain over time",
  "Pain before and after sessions",
  "Sessions done and due",
  "Exercise volume per week",
  "Pain response per exercise",
];

function chart(page: Page, title: string) {
  return page.getByRole("region", { name: title, exact: true });
}

function periodButton(page: Page, label: string) {
  return page.getByRole("group", { name: "Period" }).getByRole("button", { name: label, exact: true });
}

/** Chooses a period and waits for the route handler's answer and the charts it feeds. */
async function choosePeriod(page: Page, label: string, range: string) {
  const response = page.waitForResponse((r) => r.url().includes(`/progress?range=${range}`));
  await periodButton(page, label).click();
  expect((await response).status()).toBe(200);
  await expect(periodButton(page, label)).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status")).toHaveText(`Showing ${label}`);
}

test("the demo patient sees every chart with data on first paint and switches the period without a page load", async ({
  page,
}) => {
  // Four periods, tables and two viewports: longer than the default on a busy machine.
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAsDemo(page, "patient");

  // The server's HTML already carries the numbers: no spinner before the first content.
  const html = await (await page.request.get("/progress")).text();
  expect(html).toContain("Comparing the first 7 days of these 3 months against the last 7");
  expect(html).toContain("Pain before and after sessions");
  expect(html).not.toContain("Loading…");

  const navigations: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  // Nothing leaves the app's own origin, and nothing goes wrong in the console.
  const origin = new URL(page.url()).origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) elsewhere.push(url);
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") consoleErrors.push(message.text());
  });
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  // The questionnaire charts follow under their own heading (issue 14), then the downloads.
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    ...chartTitles,
    "Questionnaire scores",
    "Export",
  ]);
  await expect(periodButton(page, "3 months")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status")).toHaveText("Showing 3 months");
  for (const title of chartTitles) {
    // Each chart is drawn when it comes near the screen.
    await chart(page, title).scrollIntoViewIfNeeded();
    await expect(chart(page, title).getByRole("img", { name: title })).toBeVisible();
  }
  // Better or worse only for 2 points or more, per area (issue 10).
  await expect(chart(page, "Pain over time")).toContainText(
    /Comparing the first 7 days of these 3 months against the last 7: .*Lower back (better|worse|about the same) \(\d+\.\d to \d+\.\d\)/,
  );
  await expect(chart(page, "Pain before and after sessions")).toContainText(
    /pain went from \d+\.\d before a session to \d+\.\d after it \(\d+ sessions with both ratings\)/,
  );
  // The demo routine starts on the day the demo is seeded, so earlier weeks have nothing due yet.
  await expect(chart(page, "Sessions done and due")).toContainText(
    /\d+ of \d+ complete weeks on target|No complete week with sessions due in this period yet/,
  );
  await expect(chart(page, "Sessions done and due")).toContainText(/Current streak: \d+ weeks? on target/);
  await expect(chart(page, "Exercise volume per week")).toContainText(
    /\d+ holds or repetitions across \d+ exercises/,
  );
  // Names an exercise only for a 2-point difference over 5+ sessions, as an association.
  await expect(chart(page, "Pain response per exercise")).toContainText(
    /No exercise went with a change in pain of 2 points or more|Sessions that included .+ went with pain/,
  );
  await page.screenshot({ path: `${screenshotDir}/progress.png`, fullPage: true });

  const loadsBefore = navigations.length;
  await page.evaluate(() => {
    (window as unknown as { progressMarker?: number }).progressMarker = 1;
  });
  await choosePeriod(page, "1 year", "1y");
  await expect(chart(page, "Pain over time")).toContainText(
    /Comparing the first 7 days of .+ against the last 7/,
  );
  await choosePeriod(page, "2 weeks", "2w");
  await expect(chart(page, "Pain over time")).toContainText(/Comparing the last 7 days against the 7 before/);
  expect(await page.evaluate(() => (window as unknown as { progressMarker?: number }).progressMarker)).toBe(
    1,
  );
  expect(navigations.length).toBe(loadsBefore);

  // Going back to a period already seen answers from the cache.
  await periodButton(page, "1 year").click();
  await expect(page.getByRole("status")).toHaveText("Showing 1 year");

  const pain = chart(page, "Pain over time");
  const showTable = pain.getByRole("button", { name: "Show table for Pain over time" });
  await expect(showTable).toHaveAttribute("aria-expanded", "false");
  await showTable.click();
  await expect(pain.getByRole("button", { name: "Hide table for Pain over time" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const table = pain.getByRole("table", { name: /Pain per day/ });
  await expect(table.getByRole("columnheader")).toHaveText([
    "Date",
    "Left hip",
    "Left hip, 7-day average",
    "Right hip",
    "Right hip, 7-day average",
    "Lower back",
    "Lower back, 7-day average",
  ]);
  const firstRow = table.getByRole("row").nth(1);
  await expect(firstRow.getByRole("rowheader")).toHaveText(/^\d{1,2} \w+ \d{4}$/);
  await expect(firstRow.getByRole("cell").last()).toHaveText(/^\d+(\.\d)?$/);
  await pain.getByRole("button", { name: "Hide table for Pain over time" }).click();
  await expect(showTable).toHaveAttribute("aria-expanded", "false");

  await periodButton(page, "3 months").click();
  await expect(page.getByRole("status")).toHaveText("Showing 3 months");
  await page.setViewportSize({ width: 360, height: 780 });
  await expect
    .poll(async () => (await chart(page, "Pain over time").getByRole("img").boundingBox())?.width ?? 999)
    .toBeLessThan(340);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${screenshotDir}/progress-360.png` });
  await page.screenshot({ path: `${screenshotDir}/progress-360-full.png`, fullPage: true });
  const volume = chart(page, "Exercise volume per week");
  await volume.getByRole("button", { name: "Show table for Exercise volume per week" }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await volume.screenshot({ path: `${screenshotDir}/progress-360-volume-table.png` });

  expect(elsewhere).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("every chart is drawn in the server's HTML, shows without a script, shows a day's values under the pointer, and a new period redraws it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const viewport = { width: 412, height: 823 };
  await page.setViewportSize(viewport);
  await signInAsDemo(page, "patient");
  // The SVG of each chart is in the server's HTML, described by its summary.
  const html = await (await page.request.get("/progress")).text();
  for (const title of chartTitles) {
    expect(html).toMatch(new RegExp(`<svg role="img"[^>]*><title>${title}</title><desc>[^<]+</desc>`));
  }

  // With scripts off, every chart is still there, one drawing per chart at this width.
  const noScript = await browser.newContext({
    baseURL,
    viewport,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto("/progress");
  for (const title of chartTitles) {
    const image = chart(plain, title).getByRole("img", { name: title });
    await expect(image).toHaveCount(1);
    await image.scrollIntoViewIfNeeded();
    await expect(image).toBeVisible();
  }
  await noScript.close();

  // A pointer over the pain chart shows the values of the nearest day; leaving hides them.
  await page.goto("/progress");
  const pain = chart(page, "Pain over time");
  const image = pain.getByRole("img", { name: "Pain over time" });
  const box = await image.boundingBox();
  if (!box) throw new Error("the pain chart has no box");
  const tooltip = pain.locator("[data-tooltip]");
  // A pointer that moves before the page's script has started shows nothing yet: move until it does.
  await expect(async () => {
    await image.hover({ position: { x: box.width - 30, y: box.height / 2 } });
    await image.hover({ position: { x: box.width - 31, y: box.height / 2 } });
    await expect(tooltip).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(tooltip).toContainText(/\d{1,2} [A-Z][a-z]{2,3} \d{4}/);
  await expect(tooltip).toContainText(/7-day average: \d+\.\d/);
  await page.mouse.move(0, 0);
  await expect(tooltip).toHaveCount(0);

  // Another period replaces the charts with the new numbers.
  const before = await image.locator("desc").textContent();
  await choosePeriod(page, "1 year", "1y");
  await expect(image.locator("desc")).not.toHaveText(before ?? "");
  await expect(image).toHaveCount(1);
});

test("a new patient sees what to do instead of empty charts, and a single rating is not drawn as a trend", async ({
  page,
}) => {
  await signUp(page, newAccount("PATIENT"));
  await page.goto("/progress");
  await expect(
    page.getByText("No pain ratings in these 3 months yet — do a check-in from Today."),
  ).toBeVisible();
  await expect(chart(page, "Pain before and after sessions")).toContainText(
    "No sessions with pain rated before and after in these 3 months yet",
  );
  await expect(chart(page, "Sessions done and due")).toContainText(
    "No sessions due or done in these 3 months yet",
  );
  await expect(chart(page, "Exercise volume per week")).toContainText(
    "No exercises logged in these 3 months yet",
  );
  await expect(chart(page, "Pain response per exercise")).toContainText(
    "No sessions with pain rated before and after in these 3 months yet",
  );
  await expect(page.locator("[data-plot]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Show table/ })).toHaveCount(0);

  await choosePeriod(page, "2 weeks", "2w");
  await expect(
    page.getByText("No pain ratings in these 2 weeks yet — do a check-in from Today."),
  ).toBeVisible();

  await chart(page, "Pain over time").getByRole("link", { name: "Today" }).click();
  const checkIn = page.getByRole("region", { name: "Pain check-in" });
  await checkIn.getByRole("radio", { name: "Lower back 4 of 10" }).click();
  await checkIn.getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn.getByRole("status")).toHaveText("Check-in saved. Thank you.");

  await page.goto("/progress");
  const pain = chart(page, "Pain over time");
  await expect(pain).toContainText("Lower back too few ratings to compare");
  await expect(pain).toContainText("A trend line needs ratings on two different days");
  await expect(pain.getByRole("img")).toHaveCount(0);
  await pain.getByRole("button", { name: "Show table for Pain over time" }).click();
  const rows = pain.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  // Columns only for the areas rated in the period (here the lower back) and the 7-day average.
  await expect(rows.nth(1).getByRole("cell")).toHaveText(["4.0", "4.0"]);
});

test("the progress API answers 401 signed out, 400 for an unknown period and 404 for another patient", async ({
  page,
  request,
}) => {
  await signUp(page, newAccount("PATIENT"));
  await page.goto("/progress");
  const yearRequest = page.waitForRequest(/\/api\/patients\/[^/]+\/progress\?range=1y$/);
  await periodButton(page, "1 year").click();
  const ownerPath = new URL((await yearRequest).url()).pathname;

  const own = await page.request.get(`${ownerPath}?range=3m`);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toContain("no-store");
  expect(await own.json()).toMatchObject({ range: "3m", pain: { points: expect.any(Array) } });

  const badRange = await page.request.get(`${ownerPath}?range=forever`);
  expect(badRange.status()).toBe(400);
  expect((await badRange.json()).message).toContain("2w");

  const signedOut = await request.get(`${ownerPath}?range=3m`);
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toHaveProperty("message");

  await signOut(page);
  await signUp(page, newAccount("PATIENT"));
  const foreign = await page.request.get(`${ownerPath}?range=3m`);
  expect(foreign.status()).toBe(404);
  expect(foreign.headers()["cache-control"]).toContain("no-store");
  expect(await foreign.json()).toEqual({ message: "Not found." });
  const unknown = await page.request.get("/api/patients/no-such-patient/progress?range=3m");
  expect(unknown.status()).toBe(404);
});
