import { expect, test } from "@playwright/test";
import {
  enterTwoFactorCode,
  newAccount,
  screenshotDir,
  signIn,
  signOut,
  signUp,
  signUpThroughForm,
} from "./fixtures";

test("a new patient signs up, signs out and signs back in", async ({ page }) => {
  const account = newAccount("PATIENT");
  await signUpThroughForm(page, account);
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
  await expect(page.getByText("You have no routine yet")).toBeVisible();

  await signOut(page);
  await expect(page.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();

  await signIn(page, account.email.toUpperCase(), account.password);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
});

test("a wrong password and an unknown e-mail get the same single message", async ({ page }) => {
  const account = newAccount("PATIENT");
  await signUp(page, account);
  await signOut(page);

  await signIn(page, account.email, "definitely not it");
  const message = page.getByText("That e-mail and password do not match an account.");
  await expect(message).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue(account.email);

  await signIn(page, `nobody-${account.email}`, "definitely not it");
  await expect(message).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an anonymous visit to a patient page lands on sign-in, then returns there", async ({ page }) => {
  const account = newAccount("PATIENT");
  await signUp(page, account);
  await signOut(page);

  await page.goto("/today");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ftoday/);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/today$/);
});

test("a patient cannot open a physiotherapist page", async ({ page }) => {
  await signUp(page, newAccount("PATIENT"));
  const response = await page.goto("/caseload");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("a physiotherapist signs up and lands on an empty caseload", async ({ page }) => {
  await signUpThroughForm(page, newAccount("PHYSIO"));
  await expect(page.getByRole("heading", { name: "Your patients" })).toBeVisible();
  await expect(page.getByText("No patients are linked to you yet.")).toBeVisible();
});

test("bad sign-up input gets a message next to each field and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Robin");
  await page.getByLabel("E-mail").fill("robin-at-example");
  await page.getByLabel("Password").fill("password1");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByText("Enter a valid e-mail address, like name@example.com.")).toBeVisible();
  await expect(
    page.getByText("This password is too common and easy to guess. Choose another."),
  ).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Your name")).toHaveValue("Robin");
  await expect(page.getByLabel("E-mail")).toHaveValue("robin-at-example");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await page.screenshot({ path: `${screenshotDir}/sign-up-errors.png`, fullPage: true });
});

test("changing the password keeps this session and ends the others", async ({ browser }) => {
  const account = newAccount("PATIENT");
  const first = await browser.newPage();
  await signUp(first, account);
  const second = await browser.newPage();
  await signIn(second, account.email, account.password);
  await expect(second).toHaveURL(/\/today$/);

  await first.goto("/account");
  await first.getByLabel("Current password").fill(account.password);
  await first.getByLabel("New password", { exact: true }).fill("a fresh passphrase 42");
  await first.getByLabel("Repeat the new password").fill("a fresh passphrase 42");
  await first.getByRole("button", { name: "Change password" }).click();
  await expect(first.getByText("Your password was changed.")).toBeVisible();

  await first.goto("/today");
  await expect(first).toHaveURL(/\/today$/);
  await second.goto("/today");
  await expect(second).toHaveURL(/\/sign-in/);
});

test("signing out everywhere ends every session of the account", async ({ browser }) => {
  const account = newAccount("PHYSIO");
  const first = await browser.newPage();
  await signUp(first, account);
  const second = await browser.newPage();
  await signIn(second, account.email, account.password);
  await enterTwoFactorCode(second, account);
  await expect(second).toHaveURL(/\/caseload$/);

  await first.goto("/account");
  await first.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(first).toHaveURL(/\/sign-in\?signedOut=everywhere/);
  await second.goto("/caseload");
  await expect(second).toHaveURL(/\/sign-in/);
});
