import { expect, test } from "@playwright/test";
import {
  completeSignUp,
  followSignUpLink,
  newAccount,
  outboxLink,
  screenshotDir,
  signIn,
  signOut,
} from "./fixtures";

test("a new patient signs up through the link in the outbox, and a used link stops working", async ({
  page,
}) => {
  const account = newAccount("PATIENT");
  await page.goto("/sign-up");
  await page.getByLabel(/A patient/).check();
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/We sent a message to the address you gave/)).toBeVisible();
  // No account yet: signing in is refused until the link is followed.
  const link = outboxLink(account.email, "/verify-email");
  await completeSignUp(page, account);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
  // Confirmed at sign-up: no banner asking for it.
  await expect(page.getByText("Please confirm your e-mail address")).toHaveCount(0);

  await signOut(page);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(page.getByText(/This link does not work any more/)).toBeVisible();
});

test("signing up with an address that has an account answers the same and tells its owner", async ({
  page,
}) => {
  const account = newAccount("PATIENT");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("E-mail").fill("patient@demo.test");
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  expect(outboxLink("patient@demo.test", "/forgot-password")).toMatch(/\/forgot-password$/);
});

test("a patient who forgot the password resets it through the link in the outbox", async ({ browser }) => {
  const account = newAccount("PATIENT");
  const page = await browser.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await completeSignUp(page, account);
  await expect(page).toHaveURL(/\/today$/);

  // Another browser, signed out, asks for a link.
  const other = await browser.newPage();
  await other.goto("/sign-in");
  await other.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(other).toHaveURL(/\/forgot-password$/);
  await other.getByLabel("E-mail").fill(account.email);
  await other.getByRole("button", { name: "Send me a link" }).click();
  await expect(other.getByText(/If an account uses this address, we sent it a link/)).toBeVisible();
  await other.screenshot({ path: `${screenshotDir}/forgot-password-sent.png`, fullPage: true });

  await other.goto(outboxLink(account.email, "/reset-password"));
  await expect(other.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await other.getByLabel("New password", { exact: true }).fill("a brand new passphrase 7");
  await other.getByLabel("Repeat the new password").fill("a brand new passphrase 7");
  await other.getByRole("button", { name: "Save the new password" }).click();
  await expect(other).toHaveURL(/\/sign-in\?passwordReset=1$/);
  await expect(other.getByText(/Your new password is saved/)).toBeVisible();

  // The session signed in before the reset has ended.
  await page.goto("/today");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(other, account.email, account.password);
  await expect(other.getByText("That e-mail and password do not match an account.")).toBeVisible();
  await signIn(other, account.email, "a brand new passphrase 7");
  await expect(other).toHaveURL(/\/today$/);

  // The link worked once.
  await signOut(other);
  await other.goto(outboxLink(account.email, "/reset-password"));
  await expect(other.getByText(/This link does not work any more/)).toBeVisible();
});

test("the recovery pages and the e-mail settings read well on a phone and a desktop", async ({ page }) => {
  const account = newAccount("PATIENT");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${screenshotDir}/sign-up-check-email-${width}.png`, fullPage: true });
  }
  for (const [path, name] of [
    ["/forgot-password", "forgot-password"],
    ["/reset-password?token=none", "reset-password-invalid"],
    ["/verify-email", "verify-email-incomplete"],
    [
      new URL(outboxLink(account.email, "/verify-email")).pathname +
        new URL(outboxLink(account.email, "/verify-email")).search,
      "verify-email",
    ],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `${screenshotDir}/${name}-${width}.png`, fullPage: true });
    }
  }
  await followSignUpLink(page, account);
  await expect(page).toHaveURL(/\/today$/);
  await page.goto("/settings");
  await page.getByText("Use a different e-mail address").click();
  await expect(page.getByLabel("New e-mail address")).toBeVisible();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${screenshotDir}/settings-email-${width}.png`, fullPage: true });
  }
});
