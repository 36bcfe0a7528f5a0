import { expect, type Page, test } from "@playwright/test";
import { newAccount, screenshotDir, signInAsDemo, signUp } from "./fixtures";

// Issue 10: a high rating shows the general advice and the way to the help page, a session started
// at 7 or more asks first, session ratings name their area and are saved, and the caseload puts
// safety first.

const sizes = [
  { name: "360", width: 360, height: 780 },
  { name: "1280", width: 1280, height: 800 },
] as const;

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function signUpWithStarterRoutine(page: Page): Promise<void> {
  await signUp(page, newAccount());
  await page.getByRole("button", { name: "Use the starter routine" }).click();
  await expect(page.getByRole("heading", { name: "Due today" })).toBeVisible();
}

test("a 9/10 check-in shows the rule it met, the general advice once and the way to the help page", async ({
  page,
}) => {
  await signUp(page, newAccount());
  const checkIn = page.getByRole("region", { name: "Pain check-in" });
  await checkIn.getByRole("radio", { name: "Lower back 9 of 10" }).check();
  await checkIn.getByRole("button", { name: "Save check-in" }).click();

  await expect(checkIn.getByRole("status")).toContainText("Check-in saved.");
  const reply = checkIn.getByRole("region", { name: "You rated your pain high" });
  await expect(reply).toContainText("Lower back 9/10: 7 or more counts as severe pain.");
  // The general advice appears once on the page: Today's own section about high pain, which the
  // reply links to, rather than a second copy inside the reply.
  await expect(reply.getByRole("link", { name: "Read what to do now" })).toHaveAttribute(
    "href",
    "#pain-advice-heading",
  );
  const section = page.getByRole("region", { name: "Your pain is high or higher than usual" });
  const advice = section.getByRole("complementary", { name: "If your pain gets worse" });
  await expect(advice).toContainText("stop the exercises and contact your physiotherapist");
  await expect(page.getByRole("complementary", { name: "If your pain gets worse" })).toHaveCount(1);
  await expect(advice.getByRole("link", { name: "When to get help" })).toHaveAttribute("href", "/help");
  // Nothing about the plan changed: the starter routine is still offered as before.
  await expect(page.getByRole("button", { name: "Use the starter routine" })).toBeVisible();
  // Today lists the rating as the latest pain for the area.
  await expect(page.getByRole("region", { name: "Latest pain by area" })).toContainText("Lower back 9/10");

  for (const size of sizes) {
    await page.setViewportSize(size);
    await reply.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await page.screenshot({
      path: `${screenshotDir}/today-after-severe-check-in-${size.name}.png`,
      fullPage: true,
    });
  }

  await advice.getByRole("link", { name: "When to get help" }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a check-in of 3 shows no advice", async ({ page }) => {
  await signUp(page, newAccount());
  const checkIn = page.getByRole("region", { name: "Pain check-in" });
  await checkIn.getByRole("radio", { name: "Left hip 3 of 10" }).check();
  await checkIn.getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn.getByRole("status")).toContainText("Check-in saved.");
  await expect(page.getByRole("complementary", { name: "If your pain gets worse" })).toHaveCount(0);
});

test("starting a guided session after a before-rating of 8 asks first, and starts only when told", async ({
  page,
}) => {
  await signUpWithStarterRoutine(page);
  await page.goto("/session");
  await expect(page.getByRole("heading", { level: 2, name: "Before you start" })).toBeVisible();
  await page.getByRole("radio", { name: "8", exact: true }).check();
  await page.getByLabel("Area your ratings are about").selectOption({ label: "Left hip" });
  for (const size of sizes) {
    await page.setViewportSize(size);
    await noSidewaysScroll(page);
    await page.screenshot({ path: `${screenshotDir}/guided-pain-before-${size.name}.png`, fullPage: true });
  }

  await page.getByRole("button", { name: "Start session" }).click();
  await expect(
    page.getByText("You rated your pain 8 out of 10. Do you want to start the session anyway?"),
  ).toBeVisible();
  const advice = page.getByRole("complementary", { name: "If your pain gets worse" });
  await expect(advice.getByRole("link", { name: /When to get help/ })).toHaveAttribute("href", "/help");
  await expect(page.getByRole("heading", { level: 2, name: "Knee-to-chest stretch" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Not now" })).toHaveAttribute("href", "/today");

  await page.getByRole("button", { name: "Start anyway" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Knee-to-chest stretch" })).toBeVisible();
});

test("a guided session rated before and after, in the chosen area, saves; 8 afterwards shows the advice", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.clock.install();
  await signUpWithStarterRoutine(page);
  await page.goto("/session");
  await page.getByRole("radio", { name: "3", exact: true }).check();
  await page.getByLabel("Area your ratings are about").selectOption({ label: "Right hip" });
  await page.getByRole("button", { name: "Start session" }).click();

  // The 5 s lead-in and one 30 s hold of the first exercise on the page's own clock, then skip the rest.
  await page.getByRole("button", { name: "Start exercise" }).click();
  await expect(page.getByRole("timer")).toBeVisible();
  await page.clock.fastForward(36_000);
  await expect(page.getByRole("heading", { level: 2, name: "Rest" })).toBeVisible();
  await page.getByRole("button", { name: "Skip the rest of this exercise" }).click();
  const finished = page.getByRole("heading", { level: 2, name: "All exercises done" });
  for (let guard = 0; guard < 10 && !(await finished.isVisible()); guard++) {
    await page.getByRole("button", { name: "Skip this exercise" }).click();
  }
  await expect(finished).toBeVisible();

  await page.getByRole("radio", { name: "8", exact: true }).check();
  await page.getByRole("button", { name: "Finish and save" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Session complete" })).toBeFocused();
  const reply = page.getByRole("region", { name: "You rated your pain high" });
  await expect(reply).toContainText("Right hip 8/10 after the session: 7 or more counts as severe pain.");
  await expect(
    reply
      .getByRole("complementary", { name: "If your pain gets worse" })
      .getByRole("link", { name: "When to get help" }),
  ).toHaveAttribute("href", "/help");

  await page.goto("/today");
  const latest = page.getByRole("region", { name: "Latest pain by area" });
  await expect(latest).toContainText("Right hip 8/10, after a session");
  await page.goto("/history");
  await expect(page.getByRole("main").getByText("3/10 → 8/10")).toBeVisible();
});

test("the caseload lists the flaring patient above the inactive one and states its rules", async ({
  page,
}) => {
  await signInAsDemo(page, "physio");
  await expect(page.getByText("Sorted by these rules, in order")).toBeVisible();
  for (const size of sizes) {
    await page.setViewportSize(size);
    const names = page.getByRole("link", { name: /^(Jordan Lee|Casey Novak)$/ }).filter({ visible: true });
    await expect(names).toHaveCount(2);
    await expect(names).toHaveText(["Jordan Lee", "Casey Novak"]);
    await noSidewaysScroll(page);
    await page.screenshot({ path: `${screenshotDir}/caseload-triage-${size.name}.png`, fullPage: true });
  }
});
