import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import config from "../../playwright.config";
import { newAccount, signOut, signUp } from "./fixtures";

// Issue 12, HTTP level: what a client can send straight to the Auth.js routes and the server.

const webServerEnv = (config.webServer as { env: Record<string, string> }).env;
const databaseFile = (webServerEnv.DATABASE_URL ?? "").replace(/^file:/, "");

async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in through Auth.js's own credentials route, as a script would; answers the redirect. */
async function credentialsSignIn(
  request: APIRequestContext,
  fields: { email: string; password: string; callbackUrl?: string },
  headers: Record<string, string> = {},
) {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: await csrfToken(request), callbackUrl: "/", ...fields },
    headers,
    maxRedirects: 0,
  });
  return { status: response.status(), location: response.headers().location ?? "" };
}

test("a forged X-Forwarded-For resets no throttle and never reaches the audit trail", async ({ page }) => {
  const account = newAccount("PATIENT");
  await signUp(page, account);
  await signOut(page);
  const request = page.request;
  for (let i = 0; i < 5; i++) {
    const wrong = await credentialsSignIn(
      request,
      { email: account.email, password: `wrong ${i}` },
      { "X-Forwarded-For": `198.51.100.${i + 1}`, "X-Client-Address": `192.0.2.${i + 1}` },
    );
    expect(wrong.location).toContain("error=CredentialsSignin");
    expect(wrong.location).not.toContain("code=throttled");
  }
  // The sixth, from a second address, is still this client: refused, even with the right password.
  const sixth = await credentialsSignIn(
    request,
    { email: account.email, password: account.password },
    { "X-Forwarded-For": "203.0.113.250", "X-Client-Address": "203.0.113.251" },
  );
  expect(sixth.location).toContain("code=throttled");

  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const addresses = db
      .prepare(
        `SELECT DISTINCT a."clientAddress" FROM "AuditEvent" a
         JOIN "AuditSubject" s ON s."key" = a."actorKey" JOIN "User" u ON u."id" = s."userId"
         WHERE u."email" = ? AND a."action" = 'SIGN_IN'`,
      )
      .pluck()
      .all(account.email);
    expect(addresses).toEqual(["127.0.0.1"]);
  } finally {
    db.close();
  }
});

test("Auth.js's own sign-out ends the session on the server: a replayed cookie opens nothing", async ({
  page,
  browser,
}) => {
  await signUp(page, newAccount("PATIENT"));
  const stolen = await page.context().storageState();
  const response = await page.request.post("/api/auth/signout", {
    form: { csrfToken: await csrfToken(page.request) },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);

  const replay = await browser.newContext({ storageState: stolen });
  try {
    const replayed = await replay.newPage();
    await replayed.goto("/today");
    await expect(replayed).toHaveURL(/\/sign-in\?callbackUrl=%2Ftoday/);
  } finally {
    await replay.close();
  }
});

test("the Auth.js routes refuse a 100 MB body after reading 64 KiB", async ({ request }) => {
  const big = await request.post("/api/auth/callback/credentials", {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: `email=a%40example.test&password=${"x".repeat(100 * 1024)}`,
    maxRedirects: 0,
  });
  expect(big.status()).toBe(413);
  expect(await big.json()).toEqual({ error: "The request body is over 64 KiB." });
});

test("a callbackUrl that is not a plain local path sends the signed-in user home, never a 500", async ({
  page,
}) => {
  const account = newAccount("PATIENT");
  await signUp(page, account);
  await signOut(page);
  for (const callbackUrl of ["/☃-ünïcödé", "https://evil.example/today", `//evil.example/${randomUUID()}`]) {
    const answer = await credentialsSignIn(page.request, { ...account, callbackUrl });
    expect(answer.status).toBe(302);
    expect(new URL(answer.location, page.url()).pathname).toBe("/");
    expect(new URL(answer.location, page.url()).host).toBe(new URL(page.url()).host);
  }
});
