import { type Browser, expect, type Page, test } from "@playwright/test";
import { completeSignUp, type NewAccount, newAccount, screenshotDir, signInAsDemo, signUp } from "./fixtures";

// The physiotherapist's side of the app, end to end: consent, caseload, prescribing, and access
// ending the moment the patient withdraws it.

async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

/** The physiotherapist invites by e-mail and reads the link and the code off the page. */
async function invite(physio: Page, patientEmail: string): Promise<{ link: string; code: string }> {
  await physio.goto("/caseload");
  await physio.getByRole("link", { name: "Invite a patient" }).first().click();
  await physio.getByLabel("Patient's e-mail address").fill(patientEmail);
  await physio.getByRole("button", { name: "Create invitation" }).click();
  const created = physio.getByRole("region", { name: `Invitation for ${patientEmail}` });
  await expect(created).toBeVisible();
  const link = (await created.getByText(/\/invite\//).textContent())?.trim() ?? "";
  const code = (await created.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())?.trim() ?? "";
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return { link, code };
}

/** Someone without an account follows the link, signs up on the way, and lands back on it. */
async function signUpThroughLink(page: Page, link: string, account: NewAccount): Promise<void> {
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await completeSignUp(page, account);
  await expect(page).toHaveURL(/\/invite\//);
}

test("a physiotherapist invites, the patient accepts, gets a prescription, then withdraws consent", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const physioAccount = newAccount("PHYSIO");
  const patientAccount = newAccount("PATIENT");
  const physio = await newPage(browser);
  await signUp(physio, physioAccount);
  const { link } = await invite(physio, patientAccount.email);

  const patient = await newPage(browser, 390);
  await signUpThroughLink(patient, link, patientAccount);
  await expect(
    patient.getByRole("heading", { name: `${physioAccount.name} invited you to share your records` }),
  ).toBeVisible();
  await expect(patient.getByText(/see your sessions, pain entries and progress charts/)).toBeVisible();
  await patient.getByRole("button", { name: "Accept and share my data" }).click();
  await expect(patient).toHaveURL(/\/account\?answered=accept$/);
  const careTeam = patient.getByRole("region", { name: "Who can see your data" });
  await expect(careTeam.getByRole("link", { name: `Stop sharing with ${physioAccount.name}` })).toBeVisible();

  // The link is single use: following it again shows nothing about the invitation.
  await patient.goto(link);
  await expect(patient.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();

  await physio.goto("/caseload");
  const row = physio.getByRole("link", { name: patientAccount.name });
  await expect(row).toBeVisible();
  await physio.screenshot({ path: `${screenshotDir}/caseload-new-patient.png`, fullPage: true });
  await row.click();
  await expect(physio.getByRole("heading", { level: 1, name: patientAccount.name })).toBeVisible();
  const recordUrl = physio.url();
  const patientId = new URL(recordUrl).pathname.split("/")[2] ?? "";

  await physio.getByRole("link", { name: "Routine" }).click();
  const prescribe = physio.getByRole("region", { name: "Prescribe an exercise" });
  await prescribe.getByLabel("Exercise", { exact: true }).selectOption({ label: "Clamshell" });
  await prescribe.getByRole("button", { name: "Prescribe" }).click();
  await expect(prescribe.getByRole("status")).toHaveText("Prescribed.");
  await expect(
    physio.getByRole("region", { name: "Changes" }).getByText(`${physioAccount.name} prescribed Clamshell`),
  ).toBeVisible();

  await patient.goto("/today");
  await expect(patient.getByText("Clamshell").first()).toBeVisible();
  await expect(patient.getByText(`Set by your physiotherapist ${physioAccount.name}`)).toBeVisible();
  await patient.goto("/routine");
  await expect(
    patient
      .getByRole("region", { name: "Changes" })
      .getByText(`Your physiotherapist ${physioAccount.name} prescribed Clamshell`),
  ).toBeVisible();
  await patient.goto("/account/access");
  await expect(patient.getByText(/Added an exercise to your routine/).first()).toBeVisible();

  // The patient withdraws consent; the physiotherapist's very next request finds nothing.
  await patient.goto("/account");
  await patient.getByRole("link", { name: `Stop sharing with ${physioAccount.name}` }).click();
  await patient.getByRole("button", { name: "Yes, end the care link" }).click();
  await expect(patient.getByText(/Link ended .* by you/)).toBeVisible();

  const response = await physio.goto(recordUrl);
  expect(response?.status()).toBe(404);
  await expect(physio.getByText(patientAccount.name)).toHaveCount(0);
  const api = await physio.request.get(`/api/patients/${patientId}/progress?range=2w`);
  expect(api.status()).toBe(404);
  await physio.goto("/caseload");
  await expect(physio.getByRole("link", { name: patientAccount.name })).toHaveCount(0);
});

test("a code read out by the physiotherapist works for the invited patient only", async ({ browser }) => {
  test.setTimeout(120_000);
  const physioAccount = newAccount("PHYSIO");
  const invited = newAccount("PATIENT");
  const someoneElse = newAccount("PATIENT");
  const physio = await newPage(browser);
  await signUp(physio, physioAccount);
  const { code, link } = await invite(physio, invited.email);

  // Another patient with the code or the link gets nowhere.
  const other = await newPage(browser, 390);
  await signUp(other, someoneElse);
  await other.goto("/account");
  await other.getByLabel("Invitation code").fill(code.toLowerCase());
  await other.getByRole("button", { name: "Check code" }).click();
  await expect(other.getByText(/This invitation is not valid/)).toBeVisible();
  await other.goto(link);
  await expect(other.getByText(/but this invitation was sent to/)).toBeVisible();
  await expect(other.getByRole("button", { name: "Accept and share my data" })).toHaveCount(0);

  const patient = await newPage(browser, 390);
  await signUp(patient, invited);
  await patient.goto("/account");
  await patient.getByLabel("Invitation code").fill(code.replace("-", " ").toLowerCase());
  await patient.getByRole("button", { name: "Check code" }).click();
  await expect(patient.getByText(`${physioAccount.name} invited you to share`)).toBeVisible();
  await patient.getByRole("button", { name: "Decline" }).click();
  await expect(patient).toHaveURL(/\/account\?answered=decline$/);
  await expect(patient.getByText("You declined the invitation. Nothing was shared.")).toBeVisible();

  await physio.goto("/caseload/invite");
  await expect(physio.getByText("Declined")).toBeVisible();
  await physio.goto("/caseload");
  await expect(physio.getByRole("link", { name: invited.name })).toHaveCount(0);
});

test("the caseload filters by flag and searches by name in the browser, and reads well on a phone", async ({
  page,
}) => {
  await signInAsDemo(page, "physio");
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader")).toHaveCount(3);
  await page.getByLabel("Show", { exact: true }).selectOption({ label: "Pain flare" });
  await expect(table.getByRole("rowheader")).toHaveText(["Jordan Lee"]);
  await page.getByLabel("Show", { exact: true }).selectOption({ label: "All patients" });
  await page.getByLabel("Search by name").fill("case");
  await expect(table.getByRole("rowheader")).toHaveText(["Casey Novak"]);
  await page.getByLabel("Search by name").fill("");
  await expect(table.getByRole("rowheader")).toHaveCount(3);
  await page.screenshot({ path: `${screenshotDir}/caseload.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole("link", { name: "Jordan Lee" }).first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/caseload-360.png`, fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a physiotherapist's comment on a session reaches the patient on Today and in History; notes stay private", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const physio = await newPage(browser);
  await signInAsDemo(physio, "physio");
  await physio.getByRole("link", { name: "Alex Morgan" }).first().click();
  await expect(physio.getByRole("region", { name: "Summary" })).toBeVisible();
  await physio.screenshot({ path: `${screenshotDir}/patient-record-top.png` });
  await physio.getByRole("link", { name: "Sessions and pain" }).click();
  const firstSession = physio.getByRole("article").first();
  await firstSession.locator("summary", { hasText: "Comment" }).click();
  const comment = `Lovely work ${Date.now()}: keep the bridge slow on the way down.`;
  await firstSession.getByLabel("Comment for the patient").fill(comment);
  await firstSession.getByRole("button", { name: "Save comment" }).click();
  await expect(physio.locator("p", { hasText: comment })).toBeVisible();
  await physio.screenshot({ path: `${screenshotDir}/patient-record-sessions.png`, fullPage: true });

  await physio.getByRole("link", { name: "Notes" }).click();
  const note = `Private: query early hip OA ${Date.now()}`;
  await physio.getByLabel("New note").fill(note);
  await physio.getByRole("button", { name: "Save note" }).click();
  await expect(physio.getByText(note)).toBeVisible();

  const patient = await newPage(browser, 390);
  await signInAsDemo(patient, "patient");
  await expect(
    patient.getByRole("region", { name: "From your physiotherapist" }).getByText(comment),
  ).toBeVisible();
  await patient.screenshot({ path: `${screenshotDir}/today-with-comment.png`, fullPage: true });
  await patient.goto("/history");
  await expect(patient.getByText(comment)).toBeVisible();
  await expect(patient.getByText("Your physiotherapist Sam Okafor").first()).toBeVisible();
  for (const path of ["/today", "/history", "/routine", "/progress", "/account", "/account/access"]) {
    await patient.goto(path);
    await expect(patient.getByText(note)).toHaveCount(0);
  }
});
