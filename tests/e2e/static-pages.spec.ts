import { createHash } from "node:crypto";
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { signInAsDemo } from "./fixtures";

// The public pages rendered once at build time for visitors without a session (lib/static-pages.ts):
// every inline script allowed by its hash and nothing else, the page working in the browser under
// that policy, and a signed-in visitor never given one (nor a visitor given theirs).

const staticPages = ["/", "/exercises", "/exercises/glute-bridge", "/help"];

function scriptSrc(response: APIResponse): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  return csp.split("; ").find((directive) => directive.startsWith("script-src")) ?? "";
}

/** The CSP source of each inline script, hashed as the browser hashes it (the text as written). */
function inlineScriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((match) => !/\ssrc\s*=/i.test(` ${match[1]}`))
    .map(
      (match) =>
        `'sha256-${createHash("sha256")
          .update(match[2] ?? "")
          .digest("base64")}'`,
    );
}

/** Fails the test on any Content-Security-Policy violation or script error the page reports. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

test("each static page allows exactly its own inline scripts by hash, with no nonce or unsafe-inline, and is the same for every visitor", async ({
  playwright,
}) => {
  // A fresh context per request: no cookie at all, as a first visit.
  for (const path of staticPages) {
    const first = await playwright.request.newContext();
    const second = await playwright.request.newContext();
    const response = await first.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const policy = scriptSrc(response);
    expect(policy, path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
    expect(policy, path).not.toMatch(/unsafe-inline|nonce-|strict-dynamic|unsafe-eval/);
    const inline = inlineScriptSources(html);
    expect(inline.length, path).toBeGreaterThan(0);
    for (const source of inline) expect(policy, path).toContain(source);
    const csp = response.headers()["content-security-policy"] ?? "";
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(csp, path).toContain(directive);
    }
    // Kept by the browser only, revalidated on each use (lib/static-pages.ts says why not shared).
    expect(response.headers()["cache-control"], path).toBe("private, no-cache");
    expect(response.headers()["set-cookie"], path).toBeUndefined();
    const etag = response.headers().etag ?? "";
    expect(etag, path).not.toBe("");
    expect((await first.get(path, { headers: { "If-None-Match": etag } })).status(), path).toBe(304);
    expect(html, path).toContain('href="/sign-in"');
    expect(html, path).not.toContain("Signed in as");
    // Nothing rendered per request: a second visitor gets the very same document and policy.
    const again = await second.get(path);
    expect(await again.text(), path).toBe(html);
    expect(scriptSrc(again), path).toBe(policy);
    await first.dispose();
    await second.dispose();
  }
});

test("a filtered list and an unknown exercise are still rendered per request, with a nonce", async ({
  playwright,
}) => {
  const visitor = await playwright.request.newContext();
  for (const path of ["/exercises?category=STRETCH", "/exercises/no-such-thing"]) {
    const response = await visitor.get(path);
    expect(scriptSrc(response), path).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'$/);
    expect(response.headers()["cache-control"], path).toMatch(/no-store/);
  }
  await visitor.dispose();
});

test("the static catalog hydrates and works in the browser with no CSP violation: links, filters, pages", async ({
  page,
}) => {
  const problems = watchForViolations(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto("/exercises");
  expect(response?.headers()["cache-control"]).toBe("private, no-cache");
  await expect(page.getByText("15 exercises")).toBeVisible();
  // A client-side navigation (the router hydrated): the window survives it.
  await page.evaluate(() => {
    (window as unknown as { stayed: boolean }).stayed = true;
  });
  await page.getByRole("link", { name: "Clamshell" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clamshell" })).toBeVisible();
  await expect(page).toHaveURL(/\/exercises\/clamshell$/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await page.getByRole("link", { name: "← All exercises" }).click();
  await expect(page.getByText("15 exercises")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // Filters: a GET form, answered by the page rendered per request.
  await page.getByLabel("Type").selectOption({ label: "Stretch" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/category=STRETCH/);
  await expect(page.getByText("5 exercises")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page.getByText("15 exercises")).toBeVisible();

  for (const path of ["/", "/help"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.getByRole("link", { name: "Exercises" }).first().click();
  await expect(page.getByText("15 exercises")).toBeVisible();
  expect(problems).toEqual([]);
});

test("a signed-in visitor gets their own header and no-store on the catalog, and a visitor never gets a signed-in copy", async ({
  page,
  playwright,
}) => {
  // The browser kept the copy a moment ago; signed in, it must not show it again.
  await page.goto("/exercises");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signInAsDemo(page, "patient");
  for (const path of ["/exercises", "/exercises/glute-bridge", "/help"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["cache-control"], path).toBe("no-store");
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-/);
    await expect(page.getByText("Signed in as"), path).toBeVisible();
    await expect(page.getByRole("link", { name: "Today" }), path).toBeVisible();
  }
  // The landing page still sends a signed-in person home.
  await page.goto("/");
  await expect(page).toHaveURL(/\/home$|\/today$/);

  const visitor = await playwright.request.newContext();
  for (const path of staticPages) {
    const html = await (await visitor.get(path)).text();
    expect(html, path).not.toContain("Signed in as");
    expect(html, path).not.toContain("Alex Morgan");
  }
  await visitor.dispose();

  // The copy's own address is never a way round: it leads to the page the visitor should get.
  const direct = await page.goto("/prerendered/exercises");
  expect(direct?.headers()["cache-control"]).toBe("no-store");
  await expect(page).toHaveURL(/\/exercises$/);
  await expect(page.getByText("Signed in as")).toBeVisible();
});
