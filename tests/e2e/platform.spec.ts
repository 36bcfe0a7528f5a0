import { type APIResponse, expect, test } from "@playwright/test";
import { e2eDemoPassword } from "../../playwright.config";
import { screenshotDir, signIn, signInAsDemo } from "./fixtures";

test("the demo patient signs in and sees the routine due today and recent pain", async ({ page }) => {
  await signInAsDemo(page, "patient");
  await expect(page.getByRole("heading", { name: "Hello, Alex Morgan" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Latest pain by area" })).toContainText(/Lower back \d+\/10/);
  await expect(page.getByText(/Set by your physiotherapist Sam Okafor/).first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/today-demo.png`, fullPage: true });
});

test("the demo physiotherapist sees three linked patients, flagged ones first with the reason", async ({
  page,
}) => {
  await signInAsDemo(page, "physio");
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader")).toHaveCount(3);
  const names = await table.getByRole("rowheader").allTextContents();
  expect([...names].sort()).toEqual(["Alex Morgan", "Casey Novak", "Jordan Lee"]);
  // Jordan's pain flared this morning (8/10); Casey has logged nothing for 9 days. Alex is on track.
  const jordan = table.getByRole("row").filter({ hasText: "Jordan Lee" });
  await expect(jordan.getByText("Pain flare", { exact: true })).toBeVisible();
  await expect(jordan.getByText(/Lower back 8\/10 on \d+ \w+/).first()).toBeVisible();
  const casey = table.getByRole("row").filter({ hasText: "Casey Novak" });
  await expect(casey.getByText("Inactive", { exact: true })).toBeVisible();
  expect(names.at(-1)).toBe("Alex Morgan");
  await page.screenshot({ path: `${screenshotDir}/caseload-demo.png`, fullPage: true });
});

test("every page carries the security headers", async ({ request }) => {
  const response = await request.get("/exercises");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["content-security-policy"]).toContain("base-uri 'none'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

// Exactly the app's value: Next sends "private, no-cache, no-store, max-age=0, must-revalidate" on a
// dynamic page when the app sets nothing, so a "contains no-store" check would pass without the proxy.
test("signed-in pages of every kind and the JSON route handlers are sent with exactly Cache-Control: no-store", async ({
  browser,
  page,
  request,
}) => {
  const cacheControl = (response: APIResponse) => response.headers()["cache-control"];

  const signedOut = await request.get("/progress", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toMatch(/\/sign-in\?callbackUrl=%2Fprogress$/);
  expect(cacheControl(signedOut)).toBe("no-store");
  const signedOutApi = await request.get("/api/caseload");
  expect(signedOutApi.status()).toBe(401);
  expect(cacheControl(signedOutApi)).toBe("no-store");
  // Public pages are left to Next, which is how the two values can be told apart.
  expect(cacheControl(await request.get("/exercises"))).not.toBe("no-store");

  await signIn(page, "jordan@demo.test", e2eDemoPassword);
  await expect(page).toHaveURL(/\/today$/);
  for (const path of ["/today", "/progress", "/history", "/log", "/routine", "/account", "/account/access"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(cacheControl(response), path).toBe("no-store");
  }

  const physioContext = await browser.newContext();
  const physio = await physioContext.newPage();
  await signInAsDemo(physio, "physio");
  const href = await physio.getByRole("link", { name: "Jordan Lee" }).getAttribute("href");
  const patientPage = href ?? "";
  expect(patientPage).toMatch(/^\/patients\/[^/]+$/);
  for (const path of [
    "/caseload",
    patientPage,
    `${patientPage}/notes`,
    "/api/caseload",
    `/api${patientPage}/progress?range=2w`,
  ]) {
    const response = await physio.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(cacheControl(response), path).toBe("no-store");
  }
  await physioContext.close();
});

test("the health check answers 200 with nothing but a status", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
