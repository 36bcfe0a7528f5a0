import { expect, type Page, test } from "@playwright/test";
import { newAccount, signInAsDemo, signUp } from "./fixtures";

// The app's service worker runs here, as on a real device (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

// What Lighthouse's best-practices audits catch on signed-in pages: errors in the console, requests
// that fail, and Content-Security-Policy violations (an `eval` probe is one even when it is caught).

type Problems = { console: string[]; failedRequests: string[] };

function watch(page: Page): Problems {
  const problems: Problems = { console: [], failedRequests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.console.push(message.text());
  });
  page.on("pageerror", (error) => problems.console.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

async function visit(page: Page, path: string, problems: Problems): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Hydrated: the page's scripts have run, so a probe or a failing request would have happened.
  await page.waitForLoadState("networkidle");
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect({ path, violations, ...problems }).toEqual({
    path,
    violations: [],
    console: [],
    failedRequests: [],
  });
}

test("a patient's pages log no console error, break no CSP rule and request nothing that fails", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page, newAccount("PATIENT"));
  await recordViolations(page);
  const problems = watch(page);
  for (const path of [
    "/today",
    "/routine",
    "/session",
    "/log",
    "/history",
    "/reminders",
    "/account",
    "/settings",
  ]) {
    await visit(page, path, problems);
  }
});

test("a physiotherapist's caseload logs no console error and breaks no CSP rule", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsDemo(page, "physio");
  await recordViolations(page);
  const problems = watch(page);
  for (const path of ["/caseload", "/caseload/invite"]) await visit(page, path, problems);
});

test("the icons a browser asks for are there", async ({ page, request }) => {
  await page.goto("/");
  const icons = await page
    .locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  for (const href of [...icons, "/favicon.ico"]) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
});
