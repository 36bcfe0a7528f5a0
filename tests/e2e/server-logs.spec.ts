import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { type Browser, expect, type Page, test } from "@playwright/test";
import config from "../../playwright.config";
import { newAccount, signIn, signUpThroughForm } from "./fixtures";

// What the server prints, read the way an operator's log tools read it: a server of its own (the
// e2e build, a fresh database, no demo accounts), driven through the main flows, then stopped.

type LogLine = Record<string, unknown>;

const e2eEnv = (config.webServer as { env: Record<string, string> }).env;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

class ServerUnderTest {
  output = "";
  private readonly exited: Promise<void>;
  private readonly listening: Promise<void>;

  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.on("close", () => resolve()));
    this.listening = new Promise((resolve, reject) => {
      const watch = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (/"msg":"listening"/.test(this.output)) resolve();
      };
      child.stdout?.on("data", watch);
      child.stderr?.on("data", watch);
      this.exited.then(() => reject(new Error(`The server exited before listening:\n${this.output}`)));
    });
  }

  /**
   * Prepares a fresh database as `npm start` does, then starts scripts/server.ts on the build the
   * e2e web server made (`npm start` itself would rebuild when any source changed meanwhile).
   */
  static start(port: number): ServerUnderTest {
    const dataDir = `tests/.artifacts/server-logs-${port}`;
    rmSync(dataDir, { recursive: true, force: true });
    const env = {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:./${dataDir}/app.db`,
      NEXT_DIST_DIR: e2eEnv.NEXT_DIST_DIR,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      DEMO_DATA: "0",
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      // One trusted proxy hop, so a request id a proxy forwards is kept (a client's alone never is).
      TRUSTED_PROXY_HOPS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-db.ts"], { env });
    if (prepared.status !== 0) throw new Error(`Preparing the database failed:\n${prepared.stderr}`);
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "-p", String(port)], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new ServerUnderTest(port, dataDir, child);
  }

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  ready(): Promise<void> {
    return this.listening;
  }

  /** Stops the server as an orchestrator would, and answers its exit code. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
    return this.child.exitCode;
  }

  /** Every line the server printed, parsed; one that is not JSON fails the test. */
  lines(): LogLine[] {
    return this.output
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        try {
          return JSON.parse(line) as LogLine;
        } catch {
          throw new Error(`Not a JSON line: ${line}`);
        }
      });
  }
}

async function newPage(browser: Browser, server: ServerUnderTest): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  return context.newPage();
}

let server: ServerUnderTest | undefined;

test.afterAll(async () => {
  await server?.stop("SIGKILL");
});

test("the server logs one JSON line per request and security events, and no personal data or secrets", async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  server = ServerUnderTest.start(await freePort());
  await server.ready();

  const unique = randomUUID().slice(0, 8);
  const physioAccount = newAccount("PHYSIO");
  const patientAccount = newAccount("PATIENT");
  const wrongPassword = `not my password ${unique}`;
  const painNote = `Twinge after gardening ${unique}`;
  const sessionNote = `Easier than last week ${unique}`;

  // A physiotherapist signs up and invites the patient by e-mail.
  const physio = await newPage(browser, server);
  await signUpThroughForm(physio, physioAccount, server.dataDir);
  await physio.goto("/caseload/invite");
  await physio.getByLabel("Patient's e-mail address").fill(patientAccount.email);
  await physio.getByRole("button", { name: "Create invitation" }).click();
  const created = physio.getByRole("region", { name: `Invitation for ${patientAccount.email}` });
  const link = (await created.getByText(/\/invite\//).textContent())?.trim() ?? "";
  const code = (await created.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())?.trim() ?? "";
  const token = link.split("/invite/")[1] ?? "";
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // The patient signs up, checks in, logs a session, and looks at the invitation by link and code.
  const patient = await newPage(browser, server);
  await signUpThroughForm(patient, patientAccount, server.dataDir);
  const checkIn = patient.getByRole("region", { name: "Pain check-in" });
  await checkIn.getByRole("radio", { name: "Lower back 4 of 10" }).click();
  await checkIn.getByLabel("Note (optional)").fill(painNote);
  await checkIn.getByRole("button", { name: "Save check-in" }).click();
  await expect(checkIn.getByRole("status")).toHaveText("Check-in saved. Thank you.");

  await patient.goto("/log");
  await patient
    .getByRole("group", { name: "Exercise 1", exact: true })
    .getByLabel("Exercise", { exact: true })
    .selectOption({ label: "Clamshell" });
  await patient.getByLabel("Notes (optional)").fill(sessionNote);
  await patient.getByRole("button", { name: "Save session" }).click();
  await expect(patient.getByText("Session saved.", { exact: true })).toBeVisible();

  await patient.goto(new URL(link).pathname);
  await expect(patient.getByRole("button", { name: "Accept and share my data" })).toBeVisible();
  await patient.goto("/account");
  await patient.getByLabel("Invitation code").fill(code);
  await patient.getByRole("button", { name: "Check code" }).click();
  await expect(patient.getByText(`${physioAccount.name} invited you to share`)).toBeVisible();

  // Refused access: a patient on a physiotherapist's page, a physiotherapist on an unlinked record.
  expect((await patient.goto("/patients/someone-else"))?.status()).toBe(404);
  expect((await physio.goto(`/patients/c${unique}notlinked`))?.status()).toBe(404);

  // A wrong password.
  const stranger = await newPage(browser, server);
  await signIn(stranger, patientAccount.email, wrongPassword);
  await expect(stranger.getByText("That e-mail and password do not match an account.")).toBeVisible();

  // Request ids: kept from a request that came through the proxy, made up for anything else.
  const forwarded = await request.get(`${server.url}/api/health`, {
    headers: { "X-Forwarded-For": "203.0.113.7", "X-Request-Id": `proxy-${unique}` },
  });
  expect(forwarded.headers()["x-request-id"]).toBe(`proxy-${unique}`);
  const forged = await request.get(`${server.url}/api/health`, {
    headers: { "X-Forwarded-For": "203.0.113.7", "X-Request-Id": "no spaces <allowed>" },
  });
  expect(forged.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  await browser.contexts().reduce((done, context) => done.then(() => context.close()), Promise.resolve());
  expect(await server.stop()).toBe(0);
  writeFileSync(`${server.dataDir}/server.log`, server.output);

  const lines = server.lines();
  const requests = lines.filter((line) => line.msg === "request");
  expect(requests.length).toBeGreaterThan(20);
  for (const line of requests) {
    expect(line).toEqual(
      expect.objectContaining({
        level: expect.any(String),
        time: expect.any(String),
        method: expect.stringMatching(/^[A-Z]+$/),
        route: expect.stringMatching(/^(\/[^?#\s]*|unmatched)$/),
        status: expect.any(Number),
        durationMs: expect.any(Number),
        requestId: expect.stringMatching(/^[A-Za-z0-9._-]{1,128}$/),
      }),
    );
  }
  const routes = new Set(requests.map((line) => line.route));
  for (const route of [
    "/sign-up",
    "/today",
    "/log",
    "/caseload/invite",
    "/invite/[token]",
    "/patients/[patientId]",
    "/api/health",
  ]) {
    expect(routes, route).toContain(route);
  }
  expect(requests).toContainEqual(
    expect.objectContaining({ route: "/api/health", requestId: `proxy-${unique}` }),
  );
  const requestIds = new Set(requests.map((line) => line.requestId));

  // Each event carries the id of the request it happened in.
  const events = lines.filter((line) => typeof line.event === "string");
  const failedSignIn = events.find((line) => line.event === "sign_in_failed");
  expect(failedSignIn).toMatchObject({ level: "warn", userId: expect.any(String) });
  expect(requestIds).toContain(failedSignIn?.requestId);
  for (const reason of ["wrong_role", "no_care_link"]) {
    const refused = events.find((line) => line.event === "access_refused" && line.reason === reason);
    expect(refused, reason).toMatchObject({ level: "warn", userId: expect.any(String) });
    expect(requestIds).toContain(refused?.requestId);
  }

  // The outbox (no SMTP server here) logs where each message went and its subject, nothing more.
  const mailLines = events.filter((line) => line.event === "mail_written");
  expect(mailLines.length).toBeGreaterThanOrEqual(3);
  for (const line of mailLines) {
    const fields = Object.keys(line).filter(
      (key) => !["level", "time", "pid", "hostname", "msg"].includes(key),
    );
    expect(fields.sort()).toEqual(["event", "file", "subject"]);
    expect(line.file).toMatch(/\/outbox\/[\w.-]+\.txt$/);
  }

  // The flows above are all normal use: nothing is an error (a wrong password is only its event).
  expect(lines.filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);

  // Stopped cleanly, after the requests in flight.
  expect(lines.at(-1)).toMatchObject({ msg: "stopped" });

  const secrets = [
    physioAccount.email,
    patientAccount.email,
    encodeURIComponent(patientAccount.email),
    physioAccount.password,
    patientAccount.password,
    wrongPassword,
    painNote,
    sessionNote,
    token,
    code,
    code.replace("-", ""),
    link,
  ];
  const output = server.output.toLowerCase();
  for (const secret of secrets) expect(output, "a secret in the log").not.toContain(secret.toLowerCase());
});
