import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { e2eDemoPassword } from "../../playwright.config";

export const screenshotDir = "tests/.artifacts/screenshots";
mkdirSync(screenshotDir, { recursive: true });

export type NewAccount = { name: string; email: string; password: string; role: "PATIENT" | "PHYSIO" };

export function newAccount(role: NewAccount["role"] = "PATIENT"): NewAccount {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Test ${role === "PHYSIO" ? "Physio" : "Patient"} ${id}`,
    email: `e2e-${id}@example.test`,
    password: `walk the dog ${id}`,
    role,
  };
}

/** Signs up through the real form and waits for the role's home page. */
export async function signUp(page: Page, account: NewAccount): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel(account.role === "PHYSIO" ? /A physiotherapist/ : /A patient/).check();
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(account.role === "PHYSIO" ? /\/caseload$/ : /\/today$/);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs out with the header button and waits until the server has ended the session. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
}

/** Signs in as one of the demo accounts and waits for its home page. */
export async function signInAsDemo(page: Page, who: "patient" | "physio"): Promise<void> {
  await signIn(page, `${who}@demo.test`, e2eDemoPassword);
  await expect(page).toHaveURL(who === "physio" ? /\/caseload$/ : /\/today$/);
}
