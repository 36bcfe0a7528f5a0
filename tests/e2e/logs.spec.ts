import { expect, type Locator, type Page, test } from "@playwright/test";
import { newAccount, screenshotDir, signInAsDemo, signUp } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

function exerciseRow(page: Page, index: number): Locator {
  return page.getByRole("group", { name: `Exercise ${index}`, exact: true });
}

async function chooseExercise(page: Page, index: number, exercise: string): Promise<Locator> {
  const row = exerciseRow(page, index);
  await row.getByLabel("Exercise", { exact: true }).selectOption({ label: exercise });
  return row;
}

function sessionCards(page: Page): Locator {
  return page.getByRole("region", { name: "Sessions" }).getByRole("article");
}

test("a new patient checks in from Today in two clicks and finds the entry in History", async ({ page }) => {
  await signUp(page, newAccount("PATIENT"));
  const checkIn = page.getByRole("region", { name: "Pain check-in" });
  await expect(checkIn.getByRole("radio", { name: "Lower back not rated" })).toBeChecked();

  // The whole check-in: click 1 picks a rating, click 2 saves.
  await checkIn.getByRole("radio", { name: "Lower back 4 of 10" }).click();
  await checkIn.getByRole("button", { name: "Save check-in" }).click();

  await expect(checkIn.getByRole("status")).toHaveText("Check-in saved. Thank you.");
  await expect(checkIn.getByRole("radio", { name: "Lower back not rated" })).toBeChecked();
  await expect(checkIn.getByRole("radio", { name: "Lower back 4 of 10" })).not.toBeChecked();

  await page.goto("/history?tab=pain");
  const entries = page.getByRole("region", { name: "Pain entries" }).getByRole("article");
  await expect(entries).toHaveCount(1);
  await expect(entries.first().getByRole("heading", { name: "Lower back: 4/10" })).toBeVisible();
  await expect(entries.first()).toContainText("Check-in");

  await entries.first().getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByRole("heading", { name: "Edit pain entry" })).toBeVisible();
  await page.getByRole("radio", { name: "Lower back 6 of 10" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/history\?tab=pain&saved=pain$/);
  await expect(page.getByText("Pain entry updated. The earlier version is kept.")).toBeVisible();
  await expect(entries.first().getByRole("heading", { name: "Lower back: 6/10" })).toBeVisible();
  await expect(entries.first()).toContainText("Edited");
});

test("the check-in works before JavaScript loads", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await signUp(page, newAccount("PATIENT"));
  const checkIn = page.getByRole("region", { name: "Pain check-in" });
  await checkIn.getByRole("radio", { name: "Left hip 7 of 10" }).click();
  await checkIn.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText("Check-in saved. Thank you.")).toBeVisible();
  await page.goto("/history?tab=pain");
  await expect(page.getByRole("heading", { name: "Left hip: 7/10" })).toBeVisible();
  await context.close();
});

test("a rating is needed for a check-in, and the note is kept after the error", async ({ page }) => {
  await signUp(page, newAccount("PATIENT"));
  const checkIn = page.getByRole("region", { name: "Pain check-in" });
  await checkIn.getByLabel("Note (optional)").fill("Stiff after the drive");
  await checkIn.getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn.getByText("Rate at least one area.")).toBeVisible();
  await expect(checkIn.getByLabel("Note (optional)")).toHaveValue("Stiff after the drive");
  await page.goto("/history?tab=pain");
  await expect(page.getByText("No pain entries yet.")).toBeVisible();
});

test("a patient quick-logs a session, edits it, deletes it and undoes the delete from History", async ({
  page,
}) => {
  await signUp(page, newAccount("PATIENT"));
  await page.goto("/history");
  await expect(page.getByText("No sessions yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "log one you did earlier" })).toHaveAttribute("href", "/log");

  await page.goto("/log");
  await expect(page.getByRole("heading", { name: "Log a session" })).toBeVisible();
  const first = await chooseExercise(page, 1, "Clamshell");
  // A per-side exercise is one row with a line per side, both done, at the same dose.
  const left = first.getByRole("group", { name: "Left side" });
  const right = first.getByRole("group", { name: "Right side" });
  await expect(left.getByRole("checkbox", { name: "Left side done" })).toBeChecked();
  await expect(right.getByRole("checkbox", { name: "Right side done" })).toBeChecked();
  await expect(right.getByLabel("Sets")).toHaveValue(await left.getByLabel("Sets").inputValue());
  for (const side of [left, right]) {
    await side.getByLabel("Sets").fill("2");
    await side.getByLabel("Repetitions").fill("3");
    await side.getByLabel("Hold in seconds").fill("30");
  }
  await page.getByRole("button", { name: "Add exercise" }).click();
  await expect(exerciseRow(page, 2).getByLabel("Exercise", { exact: true })).toBeFocused();
  const second = await chooseExercise(page, 2, "Glute bridge");
  await expect(second.getByRole("group", { name: "Left side" })).toHaveCount(0);
  await second.getByLabel("Sets").fill("2");
  await second.getByLabel("Repetitions").fill("5");
  await second.getByLabel("Hold in seconds").fill("30");
  await page.getByRole("button", { name: "Add exercise" }).click();
  await page.getByRole("button", { name: "Remove exercise 3" }).click();
  await expect(exerciseRow(page, 3)).toHaveCount(0);
  await page.getByLabel("Duration in minutes (optional)").fill("15");
  await page.getByLabel("Area the ratings are about").selectOption({ label: "Lower back" });
  await page.getByLabel("Pain before (0-10, optional)").selectOption("5");
  await page.getByLabel("Pain after (0-10, optional)").selectOption("3");
  await page.getByLabel("Notes (optional)").fill("Felt <b>loose</b> afterwards");
  await page.screenshot({ path: `${screenshotDir}/quick-log.png`, fullPage: true });

  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Session saved.", { exact: true })).toBeVisible();
  // The form is ready for the next session.
  await expect(exerciseRow(page, 1).getByLabel("Exercise", { exact: true })).toHaveValue("");
  await page.getByRole("link", { name: "See it in your history" }).click();

  await expect(page).toHaveURL(/\/history/);
  const cards = sessionCards(page);
  await expect(cards).toHaveCount(1);
  const card = cards.first();
  await expect(card).toContainText("Quick log");
  await expect(card).toContainText("15 min");
  await expect(card).toContainText("5/10 → 3/10");
  const exercises = card.getByRole("list", { name: "Exercises" }).getByRole("listitem");
  await expect(exercises).toHaveText([
    "Clamshell, left: 2 sets × 3 reps × 30 s hold",
    "Clamshell, right: 2 sets × 3 reps × 30 s hold",
    "Glute bridge, both sides: 2 sets × 5 reps × 30 s hold",
  ]);
  // Notes are text: the markup shows as typed and makes no element.
  await expect(card.getByText("Felt <b>loose</b> afterwards")).toBeVisible();
  await expect(card.locator("b")).toHaveCount(0);
  await expect(card).not.toContainText("Edited");
  await page.screenshot({ path: `${screenshotDir}/history.png`, fullPage: true });

  await card.getByRole("link", { name: /^Edit session of/ }).click();
  await expect(page.getByRole("heading", { name: "Edit session" })).toBeVisible();
  // The left and right entries come back as one row.
  await expect(exerciseRow(page, 2).getByLabel("Repetitions")).toHaveValue("5");
  await expect(exerciseRow(page, 3)).toHaveCount(0);
  await exerciseRow(page, 1).getByRole("group", { name: "Left side" }).getByLabel("Sets").fill("3");
  await page.getByRole("button", { name: "Save changes" }).click();
  // Saved: back in History, which confirms it.
  await expect(page).toHaveURL(/\/history\?tab=sessions&saved=session$/);
  await expect(page.getByText("Session updated. The earlier version is kept.")).toBeVisible();
  await expect(card).toContainText("Edited");
  await expect(exercises.first()).toHaveText("Clamshell, left: 3 sets × 3 reps × 30 s hold");

  // A delete takes the session out of the list; Undo, above it, brings it back.
  await card.getByRole("button", { name: /^Delete session of/ }).click();
  await expect(cards).toHaveCount(0);
  const undo = page.getByRole("button", { name: /^Undo delete of session of/ });
  await expect(undo).toBeFocused();

  await undo.click();
  await expect(cards).toHaveCount(1);
  await expect(card).not.toContainText("Deleted");
  await expect(exercises.first()).toHaveText("Clamshell, left: 3 sets × 3 reps × 30 s hold");
});

test("bad quick-log input gets a message next to each field, keeps what was typed and writes nothing", async ({
  page,
}) => {
  await signUp(page, newAccount("PATIENT"));
  await page.goto("/log");
  const dateField = page.getByLabel("Date and time");
  await expect(dateField).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  await dateField.fill("2099-01-01T10:00");
  const first = await chooseExercise(page, 1, "Glute bridge");
  await page.getByRole("button", { name: "Add exercise" }).click();
  const second = await chooseExercise(page, 2, "Pelvic tilt");
  await second.getByLabel("Sets", { exact: true }).fill("51");
  const longNote = "a".repeat(2001);
  await page.getByLabel("Notes (optional)").fill(longNote);
  await page.getByRole("button", { name: "Save session" }).click();

  await expect(page.getByText("Please correct the marked fields.")).toBeVisible();
  await expect(page.getByText("The date cannot be in the future.")).toBeVisible();
  await expect(dateField).toHaveAttribute("aria-invalid", "true");
  await expect(dateField).toBeFocused();
  await expect(second.getByText("Sets cannot be more than 50.")).toBeVisible();
  await expect(second.getByLabel("Sets", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(first.getByLabel("Sets", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Keep notes to 2,000 characters.")).toBeVisible();

  await expect(dateField).toHaveValue("2099-01-01T10:00");
  await expect(second.getByLabel("Sets", { exact: true })).toHaveValue("51");
  await expect(first.getByLabel("Exercise", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("Notes (optional)")).toHaveValue(longNote);

  // A row left without an exercise is caught before anything is sent.
  await page.getByRole("button", { name: "Add exercise" }).click();
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(exerciseRow(page, 3).getByText("Choose an exercise.")).toBeVisible();

  await page.goto("/history");
  await expect(page.getByText("No sessions yet.")).toBeVisible();
});

test("double-clicking Save on the quick log creates exactly one session", async ({ page }) => {
  await signUp(page, newAccount("PATIENT"));
  await page.goto("/log");
  await chooseExercise(page, 1, "Pelvic tilt");
  const save = page.getByRole("button", { name: "Save session" });
  await save.dblclick();
  await expect(page.getByText("Session saved.", { exact: true })).toBeVisible();
  // Idle again: nothing is queued behind the first save.
  await expect(save).toBeEnabled();
  await page.goto("/history");
  await expect(sessionCards(page)).toHaveCount(1);
});

test("edit pages answer not found for an unknown id and for another patient's session", async ({
  page,
  browser,
}) => {
  await signUp(page, newAccount("PATIENT"));
  await page.goto("/log");
  await chooseExercise(page, 1, "Pelvic tilt");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Session saved.", { exact: true })).toBeVisible();
  await page.goto("/history");
  const editHref = await sessionCards(page).first().getByRole("link", { name: /^Edit/ }).getAttribute("href");
  expect(editHref).toMatch(/^\/history\/sessions\/[^/]+\/edit$/);

  for (const path of ["/history/sessions/no-such-session/edit", "/history/pain/no-such-entry/edit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }

  const other = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signUp(other, newAccount("PATIENT"));
  const response = await other.goto(editHref ?? "");
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await other.close();
});

test("the demo patient's months of history are paginated, newest first", async ({ page }) => {
  // Read-only: the demo data other specs rely on is left as it is.
  await signInAsDemo(page, "patient");
  await page.goto("/history");
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(sessionCards(page)).toHaveCount(20);
  const newest = await sessionCards(page).first().getByRole("heading").textContent();

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pages.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await expect(sessionCards(page).first().getByRole("heading")).not.toHaveText(newest ?? "");
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(pages.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(sessionCards(page).first().getByRole("heading")).toHaveText(newest ?? "");

  await page.getByRole("link", { name: "Pain entries" }).click();
  await expect(page).toHaveURL(/[?&]tab=pain/);
  await expect(page.getByRole("link", { name: "Pain entries" })).toHaveAttribute("aria-current", "page");
  await expect(pages.getByText(/^Page 1 of \d+$/)).toBeVisible();

  // A page past the end shows the last one.
  await page.goto("/history?tab=sessions&page=9999");
  await expect(pages.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await expect(sessionCards(page).first()).toBeVisible();
});
