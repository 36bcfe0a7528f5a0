import { mkdirSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import {
  type NewAccount,
  newAccount,
  nextTotpCode,
  screenshotDir,
  signIn,
  signInAsDemo,
  signUp,
} from "./fixtures";

// "Your data" (/account/data): the patient downloads one zip of their data, and a fresh account is
// deleted, after which its sign-in fails. The content of the zip and what an erasure leaves are
// checked against the database in tests/integration/my-data.test.ts and erasure.test.ts.

test.describe.configure({ timeout: 150_000 });

const shots = "/tmp/shots-erasure";
mkdirSync(shots, { recursive: true });

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test("the demo patient downloads one zip of their data and lists its files", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsDemo(page, "patient");
  await page.goto("/account");
  await page.getByRole("link", { name: "Download your data or delete your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${shots}/account-data-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${shots}/account-data-360.png`, fullPage: true });
  await page.screenshot({ path: `${screenshotDir}/account-data-360.png`, fullPage: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path()) ?? "")));
  expect(Object.keys(files).sort()).toEqual([
    "README.txt",
    "access-log.json",
    "clinical-notes.txt",
    "fhir-bundle.json",
    "messages.json",
    "outcomes.csv",
    "pain.csv",
    "profile.json",
    "routine-history.json",
    "sessions.csv",
  ]);
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  // 120 days of history: many sessions, one row per exercise and side.
  expect(text("sessions.csv").trim().split("\n").length).toBeGreaterThan(50);
  expect(JSON.parse(text("fhir-bundle.json"))).toMatchObject({ resourceType: "Bundle", type: "collection" });
  expect(JSON.parse(text("profile.json"))).toMatchObject({ email: "patient@demo.test", role: "patient" });
  // The demo physiotherapist's note is announced with its author, never shown.
  expect(text("clinical-notes.txt")).toMatch(/^- .+: \d+ notes?, written from \d{4}-\d{2}-\d{2}/m);
  expect(text("README.txt")).toContain("Why clinical notes are not included");

  // The download shows in "Who has seen your data".
  await page.goto("/account/access");
  await expect(page.getByRole("main")).toContainText("Downloaded a copy of your data");
});

async function deleteAccount(page: Page, account: NewAccount) {
  await page.goto("/account/data");
  const danger = page.getByRole("region", { name: "Delete my account" });
  await danger.getByLabel("Your password").fill(account.password);
  if (account.totp) await danger.getByLabel("Code from your authenticator app").fill(nextTotpCode(account));
  await danger.getByLabel(/I understand that my account and my data will be deleted/).check();
  await danger.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?accountDeleted=1$/);
  await expect(page.getByText("Your account and your data have been deleted")).toBeVisible();
}

test("a fresh patient deletes their account: a wrong password deletes nothing, then sign-in fails", async ({
  page,
}) => {
  const account = newAccount("PATIENT");
  await signUp(page, account);
  await page.goto("/account/data");
  const danger = page.getByRole("region", { name: "Delete my account" });
  await danger.getByLabel("Your password").fill("not the password at all");
  await danger.getByLabel(/I understand that my account and my data will be deleted/).check();
  await danger.getByRole("button", { name: "Delete my account" }).click();
  await expect(danger.getByText("That is not your password. Nothing was deleted.")).toBeVisible();
  await page.screenshot({ path: `${shots}/delete-wrong-password-360.png`, fullPage: true });
  // Still signed in, still there.
  await page.goto("/today");
  await expect(page).toHaveURL(/\/today$/);

  await deleteAccount(page, account);
  await page.screenshot({ path: `${shots}/deleted-sign-in.png`, fullPage: true });
  await signIn(page, account.email, account.password);
  await expect(page.getByText("That e-mail and password do not match an account.")).toBeVisible();
  await page.goto("/today");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a fresh physiotherapist deletes their account with their password and a code, then sign-in fails", async ({
  page,
}) => {
  const account = newAccount("PHYSIO");
  await signUp(page, account);
  await page.goto("/account/data");
  await expect(page.getByRole("region", { name: "Delete my account" })).toContainText(
    "Former physiotherapist",
  );
  await deleteAccount(page, account);
  await signIn(page, account.email, account.password);
  await expect(page.getByText("That e-mail and password do not match an account.")).toBeVisible();
});

/** A physiotherapist and a patient, linked through an invitation code (as care-link-end.spec does). */
async function linkedPair(browser: Browser) {
  const physioAccount = newAccount("PHYSIO");
  const patientAccount = newAccount("PATIENT");
  const physio = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const patient = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  await signUp(physio, physioAccount);
  await signUp(patient, patientAccount);
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
  return { physio, patient, physioAccount, patientAccount };
}

test("a patient's erasure leaves their physiotherapist's note with them, under the name they had", async ({
  browser,
}) => {
  const { physio, patient, patientAccount } = await linkedPair(browser);
  await physio.goto("/caseload");
  await physio.getByRole("link", { name: patientAccount.name }).first().click();
  await physio.getByRole("link", { name: "Notes" }).click();
  const note = `Discharge summary ${Date.now()}: walking 5 km without pain.`;
  await physio.getByLabel("New note").fill(note);
  await physio.getByRole("button", { name: "Save note" }).click();
  await expect(physio.getByText(note)).toBeVisible();

  await deleteAccount(patient, patientAccount);

  await physio.goto("/caseload/invite");
  const kept = physio.getByRole("region", { name: "Notes about patients who closed their account" });
  await expect(kept).toContainText(patientAccount.name);
  await expect(kept).toContainText(note);
  await expect(kept).toContainText(/Kept until \d{1,2} \w{3,4} \d{4}, then deleted\./);
  await physio.screenshot({ path: `${shots}/detached-notes-1280.png`, fullPage: true });
  await physio.goto("/caseload");
  await expect(physio.getByRole("main")).not.toContainText(patientAccount.name);
});

test("a physiotherapist's erasure: their patient is told once, on their next visit", async ({ browser }) => {
  const { physio, patient, physioAccount } = await linkedPair(browser);
  await deleteAccount(physio, physioAccount);

  await patient.goto("/today");
  const notice = patient.getByText("A physiotherapist you shared your data with has closed their account.");
  await expect(notice).toBeVisible();
  await patient.screenshot({ path: `${shots}/former-physio-notice-360.png`, fullPage: true });
  await patient.goto("/progress");
  await expect(patient.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await patient.goto("/account");
  await expect(patient.getByRole("main")).not.toContainText(physioAccount.name);
});
