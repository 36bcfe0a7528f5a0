import { type Browser, expect, type Page, test } from "@playwright/test";
import { type NewAccount, newAccount, screenshotDir, signUp } from "./fixtures";

// Ending a care link (issue 11, point 4): a confirmation that says what happens, from either side;
// afterwards the physiotherapist reads their own notes up to that day and nothing else; either side
// can start again.

async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  return context.newPage();
}

/** A physiotherapist and a patient, linked through an invitation code; the physiotherapist wrote a note. */
async function linkedPair(browser: Browser) {
  const physioAccount = newAccount("PHYSIO");
  const patientAccount = newAccount("PATIENT");
  const physio = await newPage(browser);
  const patient = await newPage(browser, 360);
  await signUp(physio, physioAccount);
  await signUp(patient, patientAccount);
  await link(physio, patient, patientAccount);
  await physio.goto("/caseload");
  await physio.getByRole("link", { name: patientAccount.name }).first().click();
  await expect(physio.getByRole("heading", { level: 1, name: patientAccount.name })).toBeVisible();
  const patientId = new URL(physio.url()).pathname.split("/")[2] ?? "";
  await physio.getByRole("link", { name: "Notes" }).click();
  const note = `Own record ${Date.now()}: left hip flexors tight.`;
  await physio.getByLabel("New note").fill(note);
  await physio.getByRole("button", { name: "Save note" }).click();
  await expect(physio.getByText(note)).toBeVisible();
  return { physio, patient, physioAccount, patientAccount, patientId, note };
}

async function link(physio: Page, patient: Page, patientAccount: NewAccount): Promise<void> {
  await physio.goto("/caseload/invite");
  await physio.getByLabel("Patient's e-mail address").fill(patientAccount.email);
  await physio.getByRole("button", { name: "Create invitation" }).click();
  const created = physio.getByRole("region", { name: `Invitation for ${patientAccount.email}` });
  const code = (await created.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())?.trim() ?? "";
  await patient.goto("/account");
  await patient.getByLabel("Invitation code").fill(code);
  await patient.getByRole("button", { name: "Check code" }).click();
  await patient.getByRole("button", { name: "Accept and share my data" }).click();
  await expect(patient).toHaveURL(/\/account\?answered=accept$/);
}

/** After the end: the notes page answers, labelled as an ended link; nothing else of the patient's does. */
async function expectOnlyOwnNotes(physio: Page, patientId: string, note: string, endedBy: RegExp) {
  await physio.goto(`/patients/${patientId}/notes`);
  await expect(physio.getByText(/Ended link: ended/)).toContainText(endedBy);
  await expect(physio.getByRole("heading", { name: "Your clinical notes (read only)" })).toBeVisible();
  await expect(physio.getByText(note)).toBeVisible();
  await expect(physio.getByLabel("New note")).toHaveCount(0);
  await physio.screenshot({ path: `${screenshotDir}/ended-link-notes-1280.png`, fullPage: true });
  for (const path of ["", "/routine", "/history"]) {
    const response = await physio.goto(`/patients/${patientId}${path}`);
    expect(response?.status(), path).toBe(404);
  }
  expect((await physio.request.get(`/api/patients/${patientId}/progress?range=2w`)).status()).toBe(404);
}

test("the patient ends the link after a confirmation; the physiotherapist keeps only their own notes", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { physio, patient, physioAccount, patientAccount, patientId, note } = await linkedPair(browser);

  await patient.goto("/account");
  await patient.getByRole("link", { name: `Stop sharing with ${physioAccount.name}` }).click();
  await expect(
    patient.getByRole("heading", { name: `Stop sharing with ${physioAccount.name}?` }),
  ).toBeVisible();
  await expect(patient.getByText(/keep the clinical notes they wrote about you up to today/)).toBeVisible();
  await expect(
    patient.getByText(/give you a code to enter on your Account page, or a link to open/),
  ).toBeVisible();
  await patient.screenshot({ path: `${screenshotDir}/end-link-confirm-patient-360.png`, fullPage: true });
  // Changing one's mind changes nothing.
  await patient.getByRole("link", { name: "Keep sharing" }).click();
  await expect(patient).toHaveURL(/\/account$/);
  await patient.getByRole("link", { name: `Stop sharing with ${physioAccount.name}` }).click();
  // By keyboard alone.
  await patient.getByRole("button", { name: "Yes, end the care link" }).focus();
  await patient.keyboard.press("Enter");
  await expect(patient).toHaveURL(/\/account\?ended=1$/);
  await expect(patient.getByText("The care link has ended.")).toBeVisible();
  await expect(patient.getByText(/Link ended .* by you/)).toBeVisible();

  await expectOnlyOwnNotes(physio, patientId, note, /by the patient/);
  await physio.goto("/caseload/invite");
  await expect(physio.getByText(/^Ended \d+ \w+ \d{4} by the patient · sent .* · accepted /)).toBeVisible();
  await expect(
    physio.getByRole("link", { name: `Your notes about ${patientAccount.name} (read only)` }),
  ).toBeVisible();
});

test("the physiotherapist ends the link after a confirmation, and can start again by inviting", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { physio, patient, patientAccount, patientId, note } = await linkedPair(browser);

  await physio.goto(`/patients/${patientId}`);
  await physio.getByRole("link", { name: "End care link…" }).click();
  await expect(
    physio.getByRole("heading", { name: `End the care link with ${patientAccount.name}?` }),
  ).toBeVisible();
  await expect(
    physio.getByText(/read-only access to the clinical notes you wrote up to today/),
  ).toBeVisible();
  await expect(
    physio.getByText(/invite them again; they answer with the code or link you give them/),
  ).toBeVisible();
  await physio.screenshot({ path: `${screenshotDir}/end-link-confirm-physio-1280.png`, fullPage: true });
  await physio.setViewportSize({ width: 360, height: 800 });
  await physio.screenshot({ path: `${screenshotDir}/end-link-confirm-physio-360.png`, fullPage: true });
  await physio.setViewportSize({ width: 1280, height: 800 });
  await physio.getByRole("button", { name: "Yes, end the care link" }).click();
  await expect(physio).toHaveURL(/\/caseload\?ended=1$/);
  await expect(physio.getByRole("link", { name: patientAccount.name })).toHaveCount(0);

  await expectOnlyOwnNotes(physio, patientId, note, /by you/);
  await physio.goto("/caseload/invite");
  await expect(physio.getByText(/^Ended \d+ \w+ \d{4} by you · sent .* · accepted /)).toBeVisible();
  await patient.goto("/account");
  await expect(patient.getByText(/Link ended .* by your physiotherapist/)).toBeVisible();

  await link(physio, patient, patientAccount);
  await physio.goto(`/patients/${patientId}`);
  await expect(physio.getByRole("heading", { level: 1, name: patientAccount.name })).toBeVisible();
  await expect(physio.getByRole("link", { name: "End care link…" })).toBeVisible();
});
