import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { e2eDataDir, e2eDemoPassword, e2eDistDir } from "../../playwright.config";

export const screenshotDir = "tests/.artifacts/screenshots";
mkdirSync(screenshotDir, { recursive: true });

export type NewAccount = {
  name: string;
  email: string;
  password: string;
  role: "PATIENT" | "PHYSIO";
  /** A physiotherapist's authenticator: the key from enrolment and the last time step used. */
  totp?: { secret: string; lastStep: number };
};

const totpPeriod = 30;
export const totpStepNow = () => Math.floor(Date.now() / 1000 / totpPeriod);

/** The code an authenticator app shows in a time step, computed from the key enrolment showed. */
export function totpCodeFor(secret: string, step: number): string {
  const totp = new TOTP({
    algorithm: "SHA1",
    digits: 6,
    period: totpPeriod,
    secret: Secret.fromBase32(secret),
  });
  return totp.generate({ timestamp: step * totpPeriod * 1000 });
}

/**
 * A code the server has not seen yet: the current step, or the next one when the current one was
 * used already (one step of clock drift is accepted), so no test waits for the clock.
 */
export function nextTotpCode(account: NewAccount): string {
  if (!account.totp) throw new Error(`${account.email} has not set up two-factor sign-in`);
  const step = Math.max(totpStepNow(), account.totp.lastStep + 1);
  account.totp.lastStep = step;
  return totpCodeFor(account.totp.secret, step);
}

/** A physiotherapist's first sign-in: sets up the authenticator and remembers its key on the account. */
export async function enrolTwoFactor(page: Page, account: NewAccount): Promise<void> {
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  account.totp = { secret, lastStep: 0 };
  await page.getByLabel("Code from your app").fill(nextTotpCode(account));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
}

/** The second sign-in step with the next code from the account's authenticator. */
export async function enterTwoFactorCode(page: Page, account: NewAccount): Promise<void> {
  await expect(page.getByRole("heading", { name: "Two-factor sign-in", level: 1 })).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(nextTotpCode(account));
  await page.getByRole("button", { name: "Continue" }).click();
}

export function newAccount(role: NewAccount["role"] = "PATIENT"): NewAccount {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Test ${role === "PHYSIO" ? "Physio" : "Patient"} ${id}`,
    email: `e2e-${id}@example.test`,
    password: `walk the dog ${id}`,
    role,
  };
}

/**
 * The link in the newest message to an address in the server's outbox (<DATA_DIR>/outbox/*.txt,
 * written before the page answers), as someone copying it from the message would.
 */
export function outboxLink(to: string, pathname: string, dataDir = e2eDataDir): string {
  const outbox = path.join(dataDir, "outbox");
  const newestFirst = readdirSync(outbox)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .reverse();
  for (const file of newestFirst) {
    const text = readFileSync(path.join(outbox, file), "utf8");
    if (!text.startsWith(`To: ${to}\n`)) continue;
    const link = [...text.matchAll(/https?:\/\/\S+/g)]
      .map((match) => new URL(match[0]))
      .find((url) => url.pathname === pathname);
    if (link) return link.toString();
  }
  throw new Error(`no ${pathname} link to ${to} in ${outbox}`);
}

/**
 * After the sign-up form's "Check your e-mail": follows the link from the outbox, confirms, and
 * signs in with the chosen password (the page then goes where the sign-up was heading).
 */
export async function completeSignUp(page: Page, account: NewAccount, dataDir = e2eDataDir): Promise<void> {
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await followSignUpLink(page, account, dataDir);
}

/** Opens the sign-up link from the outbox, confirms, and signs in with the account's password. */
export async function followSignUpLink(page: Page, account: NewAccount, dataDir = e2eDataDir): Promise<void> {
  // The path only, on the page's own origin: a spec may serve the app on another origin than the
  // link's (a proxy it can stop), and cookies and service workers belong to that origin.
  const link = new URL(outboxLink(account.email, "/verify-email", dataDir));
  await page.goto(new URL(link.pathname + link.search, page.url()).toString());
  await page.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?confirmed=account/);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The id of a server action in the e2e build, from its manifest, as the browser's form posts it. */
export function serverActionId(file: string, name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(e2eDistDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === name,
  );
  if (!found) throw new Error(`${name} is not in the build's server action manifest.`);
  return found[0];
}

/** Posts a server action from the page it belongs to, with the browser context's cookies. */
async function postAction(
  page: Page,
  origin: string,
  pathname: string,
  action: string,
  input: Record<string, string>,
) {
  const response = await page.request.post(pathname, {
    headers: {
      "Next-Action": serverActionId("lib/actions/auth.ts", action),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: origin,
    },
    data: JSON.stringify([{ ok: false }, input]),
    maxRedirects: 0,
  });
  const body = await response.text();
  if (response.status() >= 400) throw new Error(`${action}: ${response.status()} ${body.slice(0, 300)}`);
  return { response, body };
}

/**
 * A new account as the sign-up form makes it, for specs about something else: the form's server
 * action, the e-mailed link's confirmation and the sign-in action, posted over HTTP as the browser
 * posts them (three requests instead of four pages), with the browser's time zone as the form sends
 * it. The session cookie lands in the page's context; then the role's home page opens (a
 * physiotherapist's first sign-in sets up two-factor sign-in there). signUpThroughForm is the form.
 */
export async function signUp(page: Page, account: NewAccount): Promise<void> {
  const timezone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  // The origin the context's requests go to (a spec may put a proxy of its own in front).
  const origin = new URL((await page.request.get("/api/health")).url()).origin;
  const sent = await postAction(page, origin, "/sign-up", "signUpAction", {
    role: account.role,
    name: account.name,
    email: account.email,
    password: account.password,
    timezone,
  });
  expect(sent.body).toContain("follow the link in it to finish");
  const token = new URL(outboxLink(account.email, "/verify-email")).searchParams.get("token") ?? "";
  const confirmed = await postAction(page, origin, "/verify-email", "confirmEmailAction", { token });
  expect(confirmed.response.headers()["x-action-redirect"] ?? "").toContain("/sign-in?confirmed=account");
  const signedIn = await postAction(page, origin, "/sign-in", "signInAction", {
    email: account.email,
    password: account.password,
  });
  expect(signedIn.response.headers()["x-action-redirect"] ?? "").toContain("/home");
  await page.goto("/home");
  if (account.role === "PHYSIO") await enrolTwoFactor(page, account);
  await expect(page).toHaveURL(account.role === "PHYSIO" ? /\/caseload$/ : /\/today$/);
}

/** Signs up through the real form and the e-mailed link, and waits for the role's home page. */
export async function signUpThroughForm(
  page: Page,
  account: NewAccount,
  dataDir = e2eDataDir,
): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel(account.role === "PHYSIO" ? /A physiotherapist/ : /A patient/).check();
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await completeSignUp(page, account, dataDir);
  // Physiotherapists set up two-factor sign-in at their first sign-in (demo accounts are exempt).
  if (account.role === "PHYSIO") await enrolTwoFactor(page, account);
  await expect(page).toHaveURL(account.role === "PHYSIO" ? /\/caseload$/ : /\/today$/);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The button that opens the site's menu on a screen narrower than 640 px. */
export const siteMenu = (page: Page) => page.getByRole("banner").locator("summary", { hasText: "Menu" });

/** Signs out with the header button and waits until the server has ended the session. */
export async function signOut(page: Page): Promise<void> {
  // On a phone the account's controls are in the site's menu.
  const menu = siteMenu(page);
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
}

/** Signs in as one of the demo accounts and waits for its home page. */
export async function signInAsDemo(page: Page, who: "patient" | "physio"): Promise<void> {
  await signIn(page, `${who}@demo.test`, e2eDemoPassword);
  await expect(page).toHaveURL(who === "physio" ? /\/caseload$/ : /\/today$/);
}
