import { expect, type Locator, type Page, test } from "@playwright/test";
import { newAccount, screenshotDir, signInAsDemo, signUp } from "./fixtures";

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function sections(page: Page) {
  return {
    items: page.getByRole("region", { name: "Exercises in order" }),
    add: page.getByRole("region", { name: "Add an exercise" }),
    changes: page.getByRole("region", { name: "Changes" }),
  };
}

function card(page: Page, exerciseName: string): Locator {
  return sections(page)
    .items.getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: exerciseName, exact: true }) });
}

/** Sets the dose fields of one form (the add form or an item's edit form). */
async function fillDose(
  form: Locator,
  dose: { sets?: string; reps?: string; hold?: string; perSide?: boolean; days?: string[] },
) {
  if (dose.sets !== undefined) await form.getByLabel("Sets").fill(dose.sets);
  if (dose.reps !== undefined) await form.getByLabel("Repetitions").fill(dose.reps);
  if (dose.hold !== undefined) await form.getByLabel("Hold (seconds)").fill(dose.hold);
  if (dose.perSide !== undefined) await form.getByLabel("Each side").setChecked(dose.perSide);
  if (dose.days !== undefined) {
    const days = form.getByRole("group", { name: "Days" });
    for (const day of weekdays) {
      await days.getByLabel(day, { exact: true }).setChecked(dose.days.includes(day));
    }
  }
}

async function addExercise(page: Page, name: string, dose: Parameters<typeof fillDose>[1]) {
  const { add } = sections(page);
  await add.getByLabel("Exercise").selectOption({ label: name });
  await fillDose(add, dose);
  await add.getByRole("button", { name: "Add to my routine" }).click();
  await expect(add.getByRole("status")).toHaveText("Added to your routine.");
  await expect(card(page, name)).toBeVisible();
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a new patient builds a routine of their own, edits, reorders and trims it, and sees every change", async ({
  page,
}) => {
  await signUp(page, newAccount("PATIENT"));
  await expect(page.getByRole("heading", { name: "Let’s set up your routine" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Use the starter routine" })).toBeVisible();
  await page.getByRole("link", { name: "Build my own routine" }).click();

  await expect(page).toHaveURL(/\/routine$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your routine" })).toBeVisible();
  await expect(page.getByText("Your routine is empty.")).toBeVisible();
  const { items, add, changes } = sections(page);

  await addExercise(page, "Clamshell", {
    sets: "2",
    reps: "12",
    hold: "0",
    perSide: true,
    days: ["Monday", "Wednesday", "Friday"],
  });
  await expect(card(page, "Clamshell")).toContainText("2 sets of 12 repetitions, each side · Mon, Wed, Fri");
  await expect(card(page, "Clamshell")).toContainText("Added by you on");

  // The form moves on to an exercise not yet in the routine, with its usual dose and every day.
  await expect(add.getByLabel("Exercise")).not.toHaveValue("");
  await expect(add.getByRole("group", { name: "Days" }).getByRole("checkbox", { checked: true })).toHaveCount(
    7,
  );

  await addExercise(page, "Glute bridge", {
    sets: "3",
    reps: "8",
    hold: "5",
    perSide: false,
    days: ["Tuesday", "Thursday"],
  });
  await expect(card(page, "Glute bridge")).toContainText("3 sets of 8 × 5 s holds · Tue, Thu");
  await expect(items.getByRole("heading", { level: 3 })).toHaveText(["Clamshell", "Glute bridge"]);

  // Edit the dose and days of one item.
  const bridge = card(page, "Glute bridge");
  await bridge.getByText("Change dose or days").click();
  await fillDose(bridge, { sets: "4", days: ["Tuesday", "Thursday", "Saturday"] });
  await bridge.getByRole("button", { name: "Save changes" }).click();
  await expect(bridge.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(bridge).toContainText("4 sets of 8 × 5 s holds · Tue, Thu, Sat");

  // Move it up: the order changes and keyboard focus stays on the button that was used.
  const moveUp = page.getByRole("button", { name: "Move Glute bridge up" });
  await moveUp.click();
  await expect(items.getByRole("heading", { level: 3 })).toHaveText(["Glute bridge", "Clamshell"]);
  await expect(moveUp).toBeFocused();

  await page.getByRole("button", { name: "Remove Clamshell" }).click();
  await expect(items.getByRole("heading", { level: 3 })).toHaveText(["Glute bridge"]);

  const changeList = changes.getByRole("listitem");
  await expect(changeList).toHaveCount(5);
  await expect(changeList.nth(0)).toContainText("You removed Clamshell");
  await expect(changeList.nth(1)).toContainText("You moved Glute bridge above Clamshell");
  await expect(changeList.nth(2)).toContainText("You changed Glute bridge");
  await expect(changeList.nth(2)).toContainText("4 sets of 8 × 5 s holds · Tue, Thu, Sat");
  await expect(changeList.nth(3)).toContainText("You added Glute bridge");
  await expect(changeList.nth(3)).toContainText("3 sets of 8 × 5 s holds · Tue, Thu");
  await expect(changeList.nth(4)).toContainText("You added Clamshell");
  await expect(changeList.nth(4)).toContainText("Mon, Wed, Fri");

  // The same state comes back from the server.
  await page.reload();
  await expect(items.getByRole("heading", { level: 3 })).toHaveText(["Glute bridge"]);
  await expect(changes.getByRole("listitem")).toHaveCount(5);

  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);
});

test("bad routine input gets a message next to each field and writes nothing", async ({ page }) => {
  await signUp(page, newAccount("PATIENT"));
  await page.goto("/routine");
  const { items, add, changes } = sections(page);

  await add.getByLabel("Exercise").selectOption({ label: "Pelvic tilt" });
  await fillDose(add, { sets: "0", hold: "601", days: [] });
  await add.getByRole("button", { name: "Add to my routine" }).click();

  await expect(add.getByRole("status")).toContainText("Please correct the marked fields.");
  await expect(add.getByLabel("Sets")).toHaveAttribute("aria-invalid", "true");
  await expect(add.getByLabel("Sets")).toHaveAccessibleDescription(/Sets cannot be less than 1\./);
  await expect(add.getByLabel("Hold (seconds)")).toHaveAccessibleDescription(
    /The hold cannot be more than 600\./,
  );
  await expect(add.getByRole("group", { name: "Days" })).toHaveAccessibleDescription(
    "Choose at least one day.",
  );
  await expect(add.getByLabel("Repetitions")).not.toHaveAttribute("aria-invalid", "true");
  // What was typed is still there.
  await expect(add.getByLabel("Exercise")).toHaveValue(/.+/);
  await expect(add.getByLabel("Exercise").locator("option:checked")).toHaveText("Pelvic tilt");
  await expect(add.getByLabel("Sets")).toHaveValue("0");
  await expect(add.getByLabel("Hold (seconds)")).toHaveValue("601");

  await fillDose(add, { sets: "51", hold: "30", days: ["Sunday"] });
  await add.getByRole("button", { name: "Add to my routine" }).click();
  await expect(add.getByLabel("Sets")).toHaveAccessibleDescription(/Sets cannot be more than 50\./);
  await expect(add.getByLabel("Hold (seconds)")).not.toHaveAttribute("aria-invalid", "true");
  await expect(add.getByText("Choose at least one day.")).toHaveCount(0);

  await page.reload();
  await expect(page.getByText("Your routine is empty.")).toBeVisible();
  await expect(changes.getByText("No changes yet.")).toBeVisible();

  // The same rules guard an edit, and a refused edit leaves the item as it was.
  await addExercise(page, "Pelvic tilt", { sets: "2", reps: "10", hold: "0", days: ["Monday"] });
  const tilt = card(page, "Pelvic tilt");
  await tilt.getByText("Change dose or days").click();
  await fillDose(tilt, { sets: "51", hold: "601", days: [] });
  await tilt.getByRole("button", { name: "Save changes" }).click();
  await expect(tilt.getByLabel("Sets")).toHaveAccessibleDescription(/Sets cannot be more than 50\./);
  await expect(tilt.getByLabel("Hold (seconds)")).toHaveAccessibleDescription(
    /The hold cannot be more than 600\./,
  );
  await expect(tilt.getByRole("group", { name: "Days" })).toHaveAccessibleDescription(
    "Choose at least one day.",
  );
  await expect(tilt.getByLabel("Sets")).toHaveValue("51");

  await page.reload();
  await expect(items.getByRole("heading", { level: 3 })).toHaveText(["Pelvic tilt"]);
  await expect(card(page, "Pelvic tilt")).toContainText("2 sets of 10 repetitions · Mon");
  await expect(changes.getByRole("listitem")).toHaveCount(1);
});

test("a new patient takes the starter routine from Today and can start straight away", async ({ page }) => {
  await signUp(page, newAccount("PATIENT"));
  const starter = page.getByRole("region", { name: "Let’s set up your routine" });
  await expect(starter.getByRole("listitem")).toHaveText([
    /Knee-to-chest stretch/,
    /Hip flexor stretch/,
    /Glute bridge/,
    /Clamshell/,
  ]);
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${screenshotDir}/today-new-patient.png`, fullPage: true });
  await starter.getByRole("button", { name: "Use the starter routine" }).click();

  const due = page.getByRole("region", { name: "Due today" });
  await expect(due.getByRole("listitem")).toHaveCount(4);
  await expect(due.getByRole("link", { name: "Knee-to-chest stretch" })).toBeVisible();
  await expect(due).toContainText("0 of 4 done");
  await expect(page.getByRole("link", { name: "Start today’s session" })).toHaveAttribute("href", "/session");
  await expect(page.getByRole("region", { name: "Let’s set up your routine" })).toHaveCount(0);
  for (const name of ["Log a session", "History", "Routine"]) {
    await expect(
      page.getByRole("navigation", { name: "More for today" }).getByRole("link", { name }),
    ).toBeVisible();
  }

  await page.goto("/routine");
  await expect(sections(page).items.getByRole("heading", { level: 3 })).toHaveText([
    "Knee-to-chest stretch",
    "Hip flexor stretch",
    "Glute bridge",
    "Clamshell",
  ]);
});

test("the demo patient sees what the physiotherapist prescribed, and cannot change or remove it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsDemo(page, "patient");
  await expect(page.getByRole("link", { name: "Start today’s session" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Latest pain by area" })).toContainText(/Lower back \d+\/10/);
  await expect(page.getByRole("heading", { name: "Pain check-in" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${screenshotDir}/today.png`, fullPage: true });

  await page.goto("/routine");
  const cards = sections(page).items.getByRole("listitem");
  const prescribed = cards.filter({ hasText: "Prescribed by your physiotherapist Sam Okafor on" });
  const own = cards.filter({ hasText: "Added by you on" });
  await expect(prescribed).toHaveCount(3);
  await expect(own).toHaveCount(2);
  for (const item of await prescribed.all()) {
    const name = (await item.getByRole("heading", { level: 3 }).textContent()) ?? "";
    await expect(item).toContainText("Only your physiotherapist can change or stop this exercise");
    await expect(item.getByRole("button", { name: `Remove ${name}` })).toHaveCount(0);
    await expect(item.getByText("Change dose or days")).toHaveCount(0);
    await expect(item.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(item.getByRole("button", { name: `Move ${name} down` })).toBeVisible();
  }
  for (const item of await own.all()) {
    const name = (await item.getByRole("heading", { level: 3 }).textContent()) ?? "";
    await expect(item.getByRole("button", { name: `Remove ${name}` })).toBeVisible();
    await expect(item.getByText("Change dose or days")).toBeVisible();
  }
  await expect(sections(page).changes.getByText(/Your physiotherapist Sam Okafor prescribed/)).toHaveCount(3);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${screenshotDir}/routine.png`, fullPage: true });
});

test("the routine forms work before JavaScript loads", async ({ browser, page }) => {
  await signUp(page, newAccount("PATIENT"));
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await context.newPage();
  await plain.goto("/routine");
  const { items, add } = sections(plain);
  await add.getByLabel("Exercise").selectOption({ label: "Glute bridge" });
  await add.getByLabel("Sets").fill("3");
  await add.getByRole("button", { name: "Add to my routine" }).click();
  await expect(items.getByRole("heading", { level: 3 })).toHaveText(["Glute bridge"]);
  await expect(card(plain, "Glute bridge")).toContainText("3 sets of");

  await add.getByLabel("Exercise").selectOption({ label: "Clamshell" });
  await add.getByLabel("Sets").fill("99");
  await add.getByRole("button", { name: "Add to my routine" }).click();
  await expect(add.getByText("Sets cannot be more than 50.")).toBeVisible();
  await expect(items.getByRole("heading", { level: 3 })).toHaveText(["Glute bridge"]);

  await plain.getByRole("button", { name: "Remove Glute bridge" }).click();
  await expect(plain.getByText("Your routine is empty.")).toBeVisible();
  await context.close();
});
