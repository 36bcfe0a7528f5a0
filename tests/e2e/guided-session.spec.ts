import { expect, type Page, test } from "@playwright/test";
import { newAccount, screenshotDir, signUp, siteMenu } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

const stepCounter = (page: Page) => page.getByText(/^Step \d+ of \d+$/);
const finishHeading = (page: Page) => page.getByRole("heading", { level: 2, name: "All exercises done" });

async function currentStepLabel(page: Page): Promise<string> {
  if (await finishHeading(page).isVisible()) return "finished";
  return (await stepCounter(page).textContent()) ?? "";
}

async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole("timer").textContent()) ?? "";
  const match = /(\d+):(\d\d)/.exec(text);
  if (!match) throw new Error(`No countdown on screen: "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Does what the current step asks (waiting out a countdown on the fake clock) and waits for the next one. */
async function completeStep(page: Page): Promise<void> {
  const before = await currentStepLabel(page);
  const start = page.getByRole("button", { name: "Start exercise" });
  const next = page.getByRole("button", { name: "Continue" });
  const done = page.getByRole("button", { name: "I've done it" });
  if (await start.isVisible()) await start.click();
  else if (await next.isVisible()) await next.click();
  else if (await done.isVisible()) await done.click();
  else await page.clock.fastForward((await secondsLeft(page)) * 1000);
  await expect.poll(() => currentStepLabel(page)).not.toBe(before);
}

/** A new patient with the starter routine (offered on the Today page to anyone without a routine). */
async function signUpWithStarterRoutine(page: Page): Promise<void> {
  await signUp(page, newAccount());
  const starter = page.getByRole("button", { name: "Use the starter routine" });
  await expect(starter, "the Today page should offer the starter routine to a new patient").toBeVisible();
  await starter.click();
  await expect(page.getByRole("heading", { name: "Due today" })).toBeVisible();
}

async function completeStepsUntil(page: Page, label: string): Promise<void> {
  for (let guard = 0; guard < 100 && (await currentStepLabel(page)) !== label; guard++) {
    await completeStep(page);
  }
  await expect(stepCounter(page)).toHaveText(label);
}

test("a new patient runs a guided session with a reload and a skip, and finds it in their history", async ({
  page,
}) => {
  // Forty steps, each waited out on the fake clock: long on a loaded machine.
  test.setTimeout(180_000);
  await page.clock.install();
  await signUpWithStarterRoutine(page);

  await page.goto("/session");
  await expect(page.getByRole("heading", { level: 1, name: "Guided session" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Before you start" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "0 no pain" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "10 worst pain" })).toBeVisible();
  await page.getByRole("radio", { name: "3", exact: true }).check();
  // A new patient has no main area yet: a rating cannot start the session without its area.
  const area = page.getByLabel("Area your ratings are about");
  await expect(area).toHaveValue("");
  await page.getByRole("button", { name: "Start session" }).click();
  await expect(page.getByText("Choose the area your pain rating is about.")).toBeVisible();
  await expect(area).toBeFocused();
  await area.selectOption({ label: "Lower back" });
  await page.screenshot({ path: `${screenshotDir}/guided-session-start.png`, fullPage: true });
  await page.getByRole("button", { name: "Start session" }).click();

  // Knee-to-chest stretch: 1 set of 3 × 30 s holds, each side, right knee first as its steps say.
  await expect(page.getByRole("heading", { level: 2, name: "Knee-to-chest stretch" })).toBeFocused();
  await expect(stepCounter(page)).toHaveText("Step 1 of 40");
  await expect(page.getByRole("main").getByText(/^Bring your right knee up/)).toBeVisible();
  // From here on the page's time moves only when the test moves it, however busy the machine is.
  await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 1_000));
  await page.getByRole("button", { name: "Start exercise" }).click();

  // First a 5 s lead-in to get into position, announced like a hold, on the side the steps start with.
  const heading = page.getByRole("heading", { level: 2, name: "Knee-to-chest stretch" });
  await expect(heading).toBeFocused();
  await expect(page.getByText("Get into position", { exact: true })).toBeVisible();
  await expect(page.getByText("Right side", { exact: true })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:05");
  await expect(page.getByRole("main").locator('[aria-live="assertive"]')).toContainText(
    "Get into position: Knee-to-chest stretch, right side, set 1 of 1, rep 1 of 3. The hold starts in 5 seconds.",
  );
  await page.screenshot({ path: `${screenshotDir}/guided-session-lead-in.png` });
  await page.clock.runFor(5_000);
  await expect(page.getByText("Get into position", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("main").locator('[aria-live="assertive"]')).toContainText(
    "Go. Hold for 30 seconds. Knee-to-chest stretch, right side",
  );
  await expect(page.getByText("Right side", { exact: true })).toBeVisible();
  await expect(page.getByText("Set 1 of 1", { exact: true })).toBeVisible();
  await expect(page.getByText("Rep 1 of 3", { exact: true })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:30");
  await expect(page.locator("main img")).toHaveAttribute("alt", "");

  await page.clock.runFor(10_000);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:20");
  await page.screenshot({ path: `${screenshotDir}/guided-session-hold.png` });

  // Space pauses and resumes while focus is on the heading; a paused countdown stands still.
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:20");
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.clock.runFor(5_000);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:15");

  // The end of the hold is announced, and the rest starts.
  await page.clock.runFor(15_000);
  await expect(page.getByRole("heading", { level: 2, name: "Rest" })).toBeFocused();
  await expect(page.getByRole("main").locator('[aria-live="assertive"]')).toContainText(
    "Hold complete. Rest 10 seconds.",
  );
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:10");
  await page.screenshot({ path: `${screenshotDir}/guided-session-rest.png` });

  // On to the switch of sides; skip the lead-in of the left side, then its first hold.
  await completeStepsUntil(page, "Step 8 of 40");
  await expect(page.getByRole("heading", { level: 2, name: "Switch sides" })).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/guided-session-switch.png` });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Get into position", { exact: true })).toBeVisible();
  await expect(page.getByText("Left side", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Skip to hold" }).click();
  await expect(stepCounter(page)).toHaveText("Step 10 of 40");
  await expect(page.getByText("Left side", { exact: true })).toBeVisible();
  await expect(page.getByText("Rep 1 of 3", { exact: true })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:30");
  await page.getByRole("button", { name: "Skip hold" }).click();
  await expect(stepCounter(page)).toHaveText("Step 11 of 40");

  // Halfway through the hip flexor stretch, pause (which saves the session) and reload.
  await completeStepsUntil(page, "Step 19 of 40");
  await expect(page.getByRole("heading", { level: 2, name: "Hip flexor stretch" })).toBeVisible();
  await page.clock.runFor(7_000);
  // Saves go out one after another; wait for the one made by this pause (step 19, 7 s in).
  const saved = page.waitForResponse((response) => {
    const body = response.request().postData() ?? "";
    return (
      response.request().method() === "POST" &&
      new URL(response.url()).pathname === "/session" &&
      /index[\\"]*:18,/.test(body) &&
      /elapsedMs[\\"]*:[1-9]/.test(body)
    );
  });
  await page.getByRole("button", { name: "Pause" }).click();
  expect((await saved).ok()).toBe(true);
  const left = await page.getByRole("timer").textContent();
  await page.reload();

  await expect(page.getByRole("heading", { level: 2, name: "Welcome back" })).toBeVisible();
  await expect(page.getByText("18 of 40 steps are done")).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/guided-session-resume.png` });
  await page.getByRole("button", { name: "Resume where you left off" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Hip flexor stretch" })).toBeFocused();
  await expect(stepCounter(page)).toHaveText("Step 19 of 40");
  await expect(page.getByRole("timer")).toHaveText(left ?? "");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();

  // The rest of the session, every countdown on the fake clock.
  for (let guard = 0; guard < 100 && !(await finishHeading(page).isVisible()); guard++) {
    await completeStep(page);
  }
  await expect(finishHeading(page)).toBeFocused();
  // The skipped lead-in was not an exercise left out: only the hold counts.
  await expect(page.getByText("1 step skipped", { exact: false })).toBeVisible();
  const summary = page.getByRole("region", { name: "What you did" });
  await expect(summary.getByRole("listitem")).toHaveCount(7);
  await expect(summary.getByRole("listitem").nth(0)).toHaveText(
    /Knee-to-chest stretch, right side\s*1 set of 3 × 30 s/,
  );
  await expect(summary.getByRole("listitem").nth(1)).toHaveText(
    /Knee-to-chest stretch, left side\s*1 set of 2 × 30 s/,
  );
  await expect(summary.getByRole("listitem").nth(4)).toHaveText(/Glute bridge\s*2 sets of 10 × 5 s/);

  await page.getByRole("radio", { name: "2", exact: true }).check();
  await page.getByLabel("Notes (optional)").fill("Felt looser <b>afterwards</b>.");
  await page.screenshot({ path: `${screenshotDir}/guided-session-finish.png`, fullPage: true });
  await page.getByRole("button", { name: "Finish and save" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Session complete" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Well done" })).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/guided-session-done.png` });

  await page.getByRole("link", { name: "See your history" }).click();
  await expect(page).toHaveURL(/\/history/);
  const main = page.getByRole("main");
  await expect(main.getByText("Guided").first()).toBeVisible();
  for (const name of ["Knee-to-chest stretch", "Hip flexor stretch", "Glute bridge", "Clamshell"]) {
    await expect(main.getByText(name).first()).toBeVisible();
  }

  // The draft is gone: a new visit starts afresh.
  await page.goto("/session");
  await expect(page.getByRole("heading", { level: 2, name: "Before you start" })).toBeVisible();
});

test("a patient with no routine is pointed to the routine and the exercises", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto("/session");
  await expect(page.getByRole("heading", { level: 1, name: "Guided session" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Set up your routine" })).toHaveAttribute("href", "/routine");
  await expect(page.getByRole("link", { name: "Browse exercises" })).toHaveAttribute("href", "/exercises");
});

/** Whether the element's whole box is on screen, with no scrolling. */
async function inViewport(
  page: Page,
  name: string,
  box: { x: number; y: number; width: number; height: number } | null,
) {
  const size = page.viewportSize();
  expect(box, `${name} should be laid out`).not.toBeNull();
  expect(size).not.toBeNull();
  if (!box || !size) return;
  expect(box.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${name} top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${name} right edge`).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height, `${name} bottom edge`).toBeLessThanOrEqual(size.height);
}

test("on a 360x640 phone a hold is a focused screen: Pause, Skip and the timer in view, no menu, leaving asks", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.clock.install();
  await signUpWithStarterRoutine(page);
  await page.goto("/session");
  // Before starting, the site's menu is there as on any page (its button, on a phone).
  await expect(siteMenu(page)).toBeVisible();
  await page.getByRole("button", { name: "Start session" }).click();
  await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 1_000));
  await page.getByRole("button", { name: "Start exercise" }).click();

  // The lead-in comes first and counts down on the page's clock.
  await expect(page.getByText("Get into position", { exact: true })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:05");
  await page.clock.runFor(2_000);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:03");
  await page.clock.runFor(3_000);
  await expect(page.getByText("Get into position", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:30");
  await expect(page.getByText("Rep 1 of 3", { exact: true })).toBeVisible();

  // During the hold: no menu and no footer; Pause, Skip and the timer on screen without scrolling.
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const pause = page.getByRole("button", { name: "Pause" });
  const skip = page.getByRole("button", { name: "Skip hold" });
  await inViewport(page, "Pause", await pause.boundingBox());
  await inViewport(page, "Skip hold", await skip.boundingBox());
  await inViewport(page, "the timer", await page.getByRole("timer").boundingBox());
  // The digits sit inside the ring, whose box is the timer's parent's parent.
  const ring = await page.getByRole("timer").locator("xpath=../..").boundingBox();
  const digits = await page.getByRole("timer").boundingBox();
  expect(ring && digits && digits.width < ring.width * 0.8).toBe(true);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${screenshotDir}/guided-session-hold-360x640.png` });

  // Keyboard: Pause is reachable by Tab from the heading and shows its focus ring.
  await expect(page.getByRole("heading", { level: 2, name: "Knee-to-chest stretch" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(pause).toBeFocused();
  expect(await pause.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");

  // Closing the tab mid-hold asks the browser's question.
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
  expect(page.isClosed()).toBe(false);

  // Leaving asks first, in a dialog; staying carries on where it was.
  await page.clock.runFor(10_000);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:20");
  await page.getByRole("button", { name: "Leave session" }).click();
  const leave = page.getByRole("dialog", { name: "Leave the session?" });
  await expect(leave).toBeVisible();
  await expect(leave.getByRole("button", { name: "Stay and carry on" })).toBeFocused();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/guided-session-leave-360x640.png` });
  await page.clock.runFor(60_000);
  await page.keyboard.press("Escape");
  await expect(leave).toBeHidden();
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:20");
  await page.clock.runFor(5_000);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:15");

  // The browser's Back button asks the same question instead of leaving the session.
  await page.goBack();
  await expect(leave).toBeVisible();
  await expect(page).toHaveURL(/\/session$/);
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  await leave.getByRole("button", { name: "Stay and carry on" }).click();
  await expect(leave).toBeHidden();
  await page.clock.runFor(5_000);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:10");

  // Leaving for real goes to Today; the session waits to be resumed.
  await page.getByRole("button", { name: "Leave session" }).click();
  await leave.getByRole("link", { name: "Leave" }).click();
  await expect(page).toHaveURL(/\/today$/);
  await expect(siteMenu(page)).toBeVisible();
  await page.goto("/session");
  await expect(page.getByRole("heading", { level: 2, name: "Welcome back" })).toBeVisible();
});

test("the countdown fits inside its ring on a wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.install();
  await signUpWithStarterRoutine(page);
  await page.goto("/session");
  await page.getByRole("button", { name: "Start session" }).click();
  await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 1_000));
  await page.getByRole("button", { name: "Start exercise" }).click();
  await page.getByRole("button", { name: "Skip to hold" }).click();
  await expect(page.getByRole("timer")).toBeVisible();
  const ring = await page.getByRole("timer").locator("xpath=../..").boundingBox();
  const digits = await page.getByRole("timer").boundingBox();
  expect(ring).not.toBeNull();
  expect(ring && digits && digits.width < ring.width * 0.8 && digits.height < ring.height * 0.5).toBe(true);
  await inViewport(page, "Pause", await page.getByRole("button", { name: "Pause" }).boundingBox());
  await page.screenshot({ path: `${screenshotDir}/guided-session-hold-1280.png` });
});

test("the guided session can be driven by the keyboard alone", async ({ page }) => {
  await page.clock.install();
  await signUpWithStarterRoutine(page);
  await page.goto("/session");

  await page.getByRole("radio", { name: "0 no pain" }).focus();
  for (let press = 0; press < 4; press++) await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "4", exact: true })).toBeChecked();
  // Past the note on what happens to the rating, and its link to the help page.
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("link", { name: "when to get help (opens in a new tab)", exact: true }),
  ).toBeFocused();
  // Then the area, where the arrow keys choose.
  await page.keyboard.press("Tab");
  const area = page.getByLabel("Area your ratings are about");
  await expect(area).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(area).toHaveValue("LEFT_HIP");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Start session" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 2, name: "Knee-to-chest stretch" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Start exercise" })).toBeFocused();
  // From here on the page's time moves only when the test moves it.
  await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 1_000));
  await page.keyboard.press("Enter");
  // The lead-in: its Skip is two Tabs from the heading, after Pause.
  await expect(page.getByText("Get into position", { exact: true })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Pause" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Skip to hold" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:30");
  await expect(page.getByRole("heading", { level: 2, name: "Knee-to-chest stretch" })).toBeFocused();

  // Space on the page pauses; Space on a button presses only that button.
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Resume" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.clock.runFor(3_000);
  await expect(page.getByRole("timer")).toHaveText("Time left: 00:27");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Skip hold" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Rest" })).toBeFocused();
  await expect(page.getByRole("main").locator('[aria-live="assertive"]')).toContainText("Rest 10 seconds.");
});

test("a long guided session keeps the patient signed in while they exercise, not while paused", async ({
  page,
}) => {
  await page.clock.install();
  await signUpWithStarterRoutine(page);
  await page.goto("/session");
  await page.getByRole("button", { name: "Start session" }).click();
  await page.getByRole("button", { name: "Start exercise" }).click();
  await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 1_000));

  const touched: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/auth/session") touched.push(request.method());
  });
  // Paused and left alone: the idle limit applies, nothing keeps the sign-in alive.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await page.clock.runFor(15 * 60_000);
  expect(touched).toEqual([]);

  // Exercising: the sign-in is extended every five minutes.
  await page.getByRole("button", { name: "Resume" }).click();
  await page.clock.runFor(5 * 60_000 + 1_000);
  await expect.poll(() => touched.length).toBeGreaterThan(0);
});
