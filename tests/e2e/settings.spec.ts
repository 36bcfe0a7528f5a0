import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { completeSignUp, type NewAccount, newAccount, screenshotDir, signUp, siteMenu } from "./fixtures";

// Settings (issue 11, point 11): name, time zone and main problem area. A change of zone moves
// "today" from that moment on. Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart, so
// whatever the server's clock says, their calendars never show the same date.

// Long flows with an axe scan; give them room on a busy two-core machine, as accessibility.spec does.
test.describe.configure({ timeout: 150_000 });

/** The date line of the Today page, as a person in `timeZone` reads it right now. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone,
  }).format(new Date());
}

async function expectTodayIn(page: Page, timeZone: string) {
  await page.goto("/today");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByText(todayIn(timeZone), { exact: true })).toBeVisible();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test("a patient renames themself, moves east then west, and Today's date follows", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    timezoneId: "Europe/London",
  });
  const page = await context.newPage();
  const account = newAccount("PATIENT");
  await signUp(page, account);
  // On this phone the account and the links are in the site's menu.
  await siteMenu(page).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText(`Signed in as ${account.name}`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  // The zone stored at sign-up is the browser's; the same zone needs no suggestion.
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Europe/London");
  await expect(page.getByRole("button", { name: /^Use / })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Nothing wider than a 360 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${screenshotDir}/settings-360.png`, fullPage: true });

  // Bad input: a message per field, focus on the first bad one, and nothing saved.
  await page.getByLabel("Your name").fill("");
  await page.getByLabel("Time zone", { exact: true }).fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Choose a time zone from the list, like Europe/London.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toBeFocused();
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${account.name}`);

  // East: by keyboard only.
  const renamed = `Renamed ${account.name.slice(-8)}`;
  await page.getByLabel("Your name").fill(renamed);
  await page.getByLabel("Time zone", { exact: true }).fill("Pacific/Kiritimati");
  await page.getByLabel("Main problem area").selectOption({ label: "Left hip" });
  await page.getByLabel("Main problem area").press("Tab");
  await expect(page.getByRole("button", { name: "Save settings" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(
    "Your time zone is Pacific/Kiritimati from now on; earlier days keep their dates.",
  );
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${renamed}`);
  await expect(page.getByLabel("Main problem area")).toHaveValue("LEFT_HIP");
  await expectTodayIn(page, "Pacific/Kiritimati");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${renamed}`);

  // West, from the device's suggestion first: the browser is in London, the account is not.
  await page.goto("/settings");
  await expect(page.getByText("This device is set to Europe/London.")).toBeVisible();
  await page.getByRole("button", { name: "Use Europe/London" }).click();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Europe/London");
  await expect(page.getByLabel("Time zone", { exact: true })).toBeFocused();
  await page.getByLabel("Time zone", { exact: true }).fill("Pacific/Pago_Pago");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Your time zone is Pacific/Pago_Pago from now on");
  const history = page.getByRole("region", { name: "Your time zones" });
  await expect(history.getByRole("listitem")).toHaveText([
    /^Europe\/London until your first change$/,
    /^Pacific\/Kiritimati from /,
    /^Pacific\/Pago_Pago from /,
  ]);
  await expectTodayIn(page, "Pacific/Pago_Pago");
  expect(todayIn("Pacific/Pago_Pago")).not.toBe(todayIn("Pacific/Kiritimati"));
  await context.close();
});

test("a physiotherapist changes name and zone; there is no problem area to set", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    timezoneId: "Asia/Tokyo",
  });
  const page = await context.newPage();
  const account = newAccount("PHYSIO");
  await signUp(page, account);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Tokyo");
  await expect(page.getByLabel("Main problem area")).toHaveCount(0);
  // A physiotherapist keeps no routine: the zone only sets how times are shown to them.
  await expect(page.getByText("Your patients' days, weeks and routines always follow")).toBeVisible();
  await expect(page.getByText(/how often you kept to your routine/)).toHaveCount(0);
  await page.getByLabel("Your name").fill(`Dr ${account.name}`);
  await page.getByLabel("Time zone", { exact: true }).fill("America/Chicago");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Your time zone is America/Chicago from now on");
  await expect(page.getByRole("banner")).toContainText(`Signed in as Dr ${account.name}`);
  await expect(page.getByRole("button", { name: "Use Asia/Tokyo" })).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/settings-1280.png`, fullPage: true });
  await context.close();
});

// Issue 11: a change of zone moves "today" only. The patient below logs five back-dated sessions
// at noon London time, 9 to 17 days ago, each with a lower-back rating before it. Noon in London is
// 02:00 the next day in Kiritimati and 01:00 the same day in Pago Pago, so if any page read a past
// instant in the zone in force now rather than the zone in force then, every one of those days
// would move forward a day after the move east: the pain table's dates and 7-day averages, the
// caseload's "on <date>" (and the week of a session logged on a Sunday) would change, and the
// comparisons below would fail. The absolute checks on the first reading fail the same way if a
// session is saved on the wrong day in the first place.
// The days sit 9 to 17 days back so that a day's shift of "today" either way leaves them inside the
// 14-day pain window and out of the 7-day trend, and nothing is due (no routine, which the UI
// cannot back-date), so no figure compared here legitimately depends on which day is today.

const sessionAges = [17, 15, 13, 11, 9];
const ratingAt: Record<number, number> = { 17: 4, 15: 3, 13: 5, 11: 4, 9: 5 };
const homeZone = "Europe/London";

/** "2026-11-23", the calendar date `age` days before today in `timeZone`. */
function dateDaysAgo(age: number, timeZone: string): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - age);
  return day.toISOString().slice(0, 10);
}

const utcDate = (date: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

async function invitePatient(physio: Page, patientEmail: string): Promise<string> {
  await physio.goto("/caseload");
  await physio.getByRole("link", { name: "Invite a patient" }).first().click();
  await physio.getByLabel("Patient's e-mail address").fill(patientEmail);
  await physio.getByRole("button", { name: "Create invitation" }).click();
  const created = physio.getByRole("region", { name: `Invitation for ${patientEmail}` });
  const link = (await created.getByText(/\/invite\//).textContent())?.trim() ?? "";
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link;
}

async function acceptAsNewPatient(patient: Page, link: string, account: NewAccount): Promise<void> {
  await patient.goto(link);
  await patient.getByRole("link", { name: "Create an account" }).click();
  await patient.getByLabel("Your name").fill(account.name);
  await patient.getByLabel("E-mail").fill(account.email);
  await patient.getByLabel("Password").fill(account.password);
  await patient.getByRole("button", { name: "Create account" }).click();
  await completeSignUp(patient, account);
  await expect(patient).toHaveURL(/\/invite\//);
  await patient.getByRole("button", { name: "Accept and share my data" }).click();
  await expect(patient).toHaveURL(/\/account\?answered=accept$/);
}

/** One back-dated session through the log form, with a lower-back rating before it. */
async function logSessionAt(patient: Page, startedAt: string, painBefore: number): Promise<void> {
  await patient.goto("/log");
  await patient.getByLabel("Date and time").fill(startedAt);
  await patient
    .getByRole("group", { name: "Exercise 1", exact: true })
    .getByLabel("Exercise", { exact: true })
    .selectOption({ label: "Pelvic tilt" });
  await patient.getByLabel("Area the ratings are about").selectOption({ label: "Lower back" });
  await patient.getByLabel("Pain before (0-10, optional)").selectOption(String(painBefore));
  await patient.getByRole("button", { name: "Save session" }).click();
  await expect(patient.getByText("Session saved.", { exact: true })).toBeVisible();
}

/** Each body row of a chart's table as "heading | cell | cell". */
async function tableRows(card: Locator): Promise<string[]> {
  await card.getByRole("button", { name: /^Show table/ }).click();
  return card
    .getByRole("table")
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.children)
          .map((cell) => cell.textContent?.trim() ?? "")
          .join(" | "),
      ),
    );
}

type PastFigures = {
  streak: string;
  adherenceSummary: string;
  /** Weeks with a session (rows of zeros come and go with where the 3-month period starts). */
  weeksWithSessions: string[];
  painDays: string[];
  beforeAfterSummary: string;
  volumeSummary: string;
  /** The caseload's adherence for this patient, 7 and 30 days. */
  caseloadAdherence: string[];
};

/** The figures, and apart the caseload's "Latest pain by area" (see the known bug below). */
async function pastFigures(
  patient: Page,
  physio: Page,
  patientName: string,
): Promise<{ figures: PastFigures; latestPain: string }> {
  await patient.goto("/progress");
  await expect(patient.getByRole("status").filter({ hasText: "Showing 3 months" })).toBeVisible();
  const adherence = patient.getByRole("region", { name: "Sessions done and due" });
  const pain = patient.getByRole("region", { name: "Pain over time" });
  const summary = async (card: Locator) => (await card.getByRole("paragraph").first().textContent()) ?? "";
  const weeks = await tableRows(adherence);

  await physio.goto("/caseload");
  const row = physio
    .getByRole("table")
    .getByRole("row")
    .filter({ has: physio.getByRole("link", { name: patientName }) });
  // Columns after the name: last activity, adherence 7 and 30 days, latest pain, outcome change,
  // flags. "Last activity" counts days to today, and the inactivity flag's reason counts them too,
  // so both may rightly move with "today"; adherence and latest pain describe the past.
  const cells = await row.getByRole("cell").allTextContents();
  expect(cells).toHaveLength(6);

  const figures = {
    streak:
      (await adherence
        .getByText(/^Current streak:/)
        .locator("strong")
        .textContent()) ?? "",
    adherenceSummary: await summary(adherence),
    weeksWithSessions: weeks.filter((week) => !/^[^|]+\| 0 \| 0 \| 0 \|/.test(week)),
    painDays: await tableRows(pain),
    beforeAfterSummary: await summary(
      patient.getByRole("region", { name: "Pain before and after sessions" }),
    ),
    volumeSummary: await summary(patient.getByRole("region", { name: "Exercise volume per week" })),
    caseloadAdherence: cells.slice(1, 3),
  };
  return { figures, latestPain: cells[3] ?? "" };
}

async function moveTo(patient: Page, timeZone: string): Promise<void> {
  await patient.goto("/settings");
  await patient.getByLabel("Time zone", { exact: true }).fill(timeZone);
  await patient.getByRole("button", { name: "Save settings" }).click();
  await expect(patient.getByRole("status")).toContainText(`Your time zone is ${timeZone} from now on`);
}

async function newContext(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: homeZone });
  return context.newPage();
}

test("a linked patient moves east then west: Today follows, past progress and caseload figures stay word for word", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const physioAccount = newAccount("PHYSIO");
  const patientAccount = newAccount("PATIENT");
  // Wide enough for the caseload's table layout (lg and up).
  const physio = await newContext(browser, 1280);
  await signUp(physio, physioAccount);
  const link = await invitePatient(physio, patientAccount.email);
  const patient = await newContext(browser, 1280);
  await acceptAsNewPatient(patient, link, patientAccount);
  await patient.goto("/settings");
  await expect(patient.getByLabel("Time zone", { exact: true })).toHaveValue(homeZone);

  const days = sessionAges.map((age) => dateDaysAgo(age, homeZone));
  for (const [index, age] of sessionAges.entries()) {
    await logSessionAt(patient, `${days[index]}T12:00`, ratingAt[age] ?? 0);
  }

  const { figures: before, latestPain } = await pastFigures(patient, physio, patientAccount.name);
  // What the history is, not only that it holds still: one row per rated day, newest first, on the
  // days logged; five sessions on days nothing was due; the newest rating against the 14 days
  // before it (4, 5, 3 and 4: an average of 4.0).
  const newestFirst = [...days].reverse();
  expect(before.painDays.map((row) => row.split(" | ")[0])).toEqual(
    newestFirst.map((day) => utcDate(day, { day: "numeric", month: "short", year: "numeric" })),
  );
  expect(before.painDays.map((row) => row.split(" | ")[1])).toEqual(["5.0", "4.0", "5.0", "3.0", "4.0"]);
  expect(before.streak).toBe("0 weeks on target");
  expect(before.adherenceSummary).toContain("5 days with a session that was not due shown separately");
  expect(before.weeksWithSessions.length).toBeGreaterThanOrEqual(2);
  expect(before.caseloadAdherence).toEqual(["—nothing due", "—nothing due"]);
  const newest = utcDate(days.at(-1) ?? "", { day: "numeric", month: "short" });
  const expectedPain = `Lower back 5/10 before a session on ${newest}; 14-day average 4.0`;
  expect(latestPain).toBe(expectedPain);

  await moveTo(patient, "Pacific/Kiritimati");
  await expectTodayIn(patient, "Pacific/Kiritimati");
  const east = await pastFigures(patient, physio, patientAccount.name);
  expect(east.figures).toEqual(before);

  await moveTo(patient, "Pacific/Pago_Pago");
  await expectTodayIn(patient, "Pacific/Pago_Pago");
  const west = await pastFigures(patient, physio, patientAccount.name);
  expect(west.figures).toEqual(before);

  // Checked last, so everything above is known to hold first.
  expect([east.latestPain, west.latestPain]).toEqual([expectedPain, expectedPain]);
});
