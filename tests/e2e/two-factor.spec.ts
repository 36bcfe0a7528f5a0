import { expect as baseExpect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { completeSignUp, newAccount, signIn, signOut } from "./fixtures";

// Two-factor sign-in in the browser: a physiotherapist must enrol at first sign-in, then signs in
// with a code from the app (computed here with otpauth from the key the setup page shows beside the
// QR code), a code is refused the second time, and each recovery code works once.

// Long flows on a shared 2-core machine: many page loads per test, each waited for as a user would.
test.slow();
const expect = baseExpect.configure({ timeout: 30_000 });

const period = 30;
const stepNow = () => Math.floor(Date.now() / 1000 / period);

function codeFor(secret: string, step: number): string {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period, secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: step * period * 1000 });
}

/**
 * The sign-in action redirects to /home, which answers a half-signed-in session with the second step
 * (the address bar may keep /home after a server action's redirect): wait for what the person sees.
 */
async function expectSecondStep(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "Two-factor sign-in", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Code", { exact: true })).toBeVisible();
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a physiotherapist enrols at first sign-in, then signs in with a code or a recovery code", async ({
  page,
}) => {
  const physio = newAccount("PHYSIO");
  await page.goto("/sign-up");
  await page.getByLabel(/A physiotherapist/).check();
  await page.getByLabel("Your name").fill(physio.name);
  await page.getByLabel("E-mail").fill(physio.email);
  await page.getByLabel("Password").fill(physio.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await completeSignUp(page, physio);

  // Half signed in: the caseload is not reachable before the second factor is set up.
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code is refused with a message at the field.
  const enrolStep = stepNow();
  const wrong = codeFor(secret, enrolStep + 5);
  await page.getByLabel("Code from your app").fill(wrong);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code does not match.", { exact: false })).toBeVisible();

  const enrolCode = codeFor(secret, enrolStep);
  await page.getByLabel("Code from your app").fill(enrolCode);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-factor sign-in is on." })).toBeVisible();
  const recoveryCodes = await page
    .getByRole("list", { name: "Recovery codes" })
    .getByRole("listitem")
    .allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  expect(new Set(recoveryCodes).size).toBe(10);
  await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole("heading", { name: "Your patients" })).toBeVisible();

  // Signing in again asks for a code; the one used to enrol is refused (same time step).
  await signOut(page);
  await signIn(page, physio.email, physio.password);
  await expectSecondStep(page);
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/two-factor\?callbackUrl=%2Fcaseload$/);
  await enterCode(page, enrolCode);
  await expect(page.getByText("That code was already used.", { exact: false })).toBeVisible();

  // The app's next code (one step of clock drift is allowed) signs in, and goes where they were going.
  const nextCode = codeFor(secret, Math.max(stepNow(), enrolStep + 1));
  await enterCode(page, nextCode);
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole("heading", { name: "Your patients" })).toBeVisible();

  // Replaying that code in another sign-in is refused.
  await signOut(page);
  await signIn(page, physio.email, physio.password);
  await expectSecondStep(page);
  await enterCode(page, nextCode);
  await expect(page.getByText("That code was already used.", { exact: false })).toBeVisible();

  // A recovery code works once.
  await enterCode(page, recoveryCodes[0] ?? "");
  await expect(page.getByRole("heading", { name: "You signed in with a recovery code" })).toBeVisible();
  await expect(page.getByText("You have 9 recovery codes left.")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/caseload$/);

  await signOut(page);
  await signIn(page, physio.email, physio.password);
  await expectSecondStep(page);
  await enterCode(page, recoveryCodes[0] ?? "");
  await expect(page.getByText("That code is not right.", { exact: false })).toBeVisible();
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/two-factor\?callbackUrl=%2Fcaseload$/);
  await enterCode(page, (recoveryCodes[1] ?? "").toUpperCase());
  await expect(page.getByText("You have 8 recovery codes left.")).toBeVisible();
});

test("a patient turns two-factor sign-in on from the account page", async ({ page }) => {
  const patient = newAccount("PATIENT");
  await page.goto("/sign-up");
  await page.getByLabel(/A patient/).check();
  await page.getByLabel("Your name").fill(patient.name);
  await page.getByLabel("E-mail").fill(patient.email);
  await page.getByLabel("Password").fill(patient.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await completeSignUp(page, patient);
  // Optional for patients: no second step until they turn it on.
  await expect(page).toHaveURL(/\/today$/);

  await page.goto("/account");
  await page.getByRole("link", { name: "Two-factor sign-in" }).click();
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  const enrolStep = stepNow();
  await page.getByLabel("Code from your app").fill(codeFor(secret, enrolStep));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.goto("/today");
  await signOut(page);
  await signIn(page, patient.email, patient.password);
  await expectSecondStep(page);
  await enterCode(page, codeFor(secret, Math.max(stepNow(), enrolStep + 1)));
  await expect(page).toHaveURL(/\/today$/);
});
