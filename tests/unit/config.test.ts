import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, config, readConfig, sessionPolicy, settingNames } from "@/lib/config";
import { prepareRuntimeEnv } from "@/scripts/runtime-env";

const key32 = Buffer.alloc(32, 7).toString("base64");
const secret = "a-secret-of-at-least-32-characters-000";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The message readConfig throws for this environment, or "no error". */
// Made with web-push's generateVAPIDKeys() for these tests only.
const vapidPair = {
  VAPID_PUBLIC_KEY: "BLMmQDVna4MmLg_SWn0p8eTCxt-ehnWAVhCdsPdmdFivNNpp-hmgDwPRgb_EQK02K-3AKxYUv2dYCfzYhyP8pys",
  VAPID_PRIVATE_KEY: "dJC5cWHtZMZcpKqiWIkZHgqTEAlAs5f4ZLCvurBzCqY",
  VAPID_SUBJECT: "mailto:ops@example.org",
};

function problemWith(env: Record<string, string>): string {
  try {
    readConfig(env);
    return "no error";
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe("readConfig", () => {
  it("gives every setting its default when nothing is set", () => {
    expect(readConfig({})).toEqual({
      nodeEnv: "development",
      databaseUrl: "file:./data/app.db",
      databaseProvider: "sqlite",
      dataDir: path.resolve("data"),
      backupDir: path.resolve("backups"),
      erasureLedgerPath: path.resolve("data", "erasure-ledger.jsonl"),
      authSecret: undefined,
      serverActionsKey: undefined,
      totpEncryptionKey: undefined,
      databasePoolMax: 10,
      databasePoolTimeoutMs: 5000,
      port: 3000,
      host: "127.0.0.1",
      trustedProxyHops: 0,
      sessionIdleMinutes: 30,
      sessionMaxAgeHours: 12,
      signUpLimitPerHour: 10,
      queryLogFile: undefined,
      demoPassword: undefined,
      demoData: true,
      logLevel: "info",
      logPretty: false,
      smtpUrl: undefined,
      mailFrom: "Exercise programme <no-reply@localhost>",
      mailDisabled: false,
      appUrl: undefined,
      vapid: undefined,
      migrationDatabaseUrl: undefined,
      appDatabaseRole: undefined,
    });
  });

  it("treats a blank value as unset", () => {
    expect(readConfig({ DATABASE_POOL_MAX: "", PORT: "  ", DATABASE_URL: "" })).toMatchObject({
      databasePoolMax: 10,
      port: 3000,
      databaseUrl: "file:./data/app.db",
    });
  });

  it("keeps the embedded database in DATA_DIR when only DATA_DIR is set", () => {
    expect(readConfig({ DATA_DIR: "/srv/app-data" })).toMatchObject({
      dataDir: "/srv/app-data",
      databaseUrl: `file:${path.join("/srv/app-data", "app.db")}`,
      databaseProvider: "sqlite",
    });
    expect(readConfig({ DATA_DIR: "/srv/app-data", DATABASE_URL: "file:/elsewhere/app.db" })).toMatchObject({
      databaseUrl: "file:/elsewhere/app.db",
    });
  });

  // [variable, a valid value, what it becomes, a bad value, the exact message for it]
  const table: [string, string, Record<string, unknown>, string, string][] = [
    [
      "ERASURE_LEDGER_PATH",
      "/srv/ledger/erasure.jsonl",
      { erasureLedgerPath: "/srv/ledger/erasure.jsonl" },
      "/srv/ledger/",
      'ERASURE_LEDGER_PATH must name a file (the erasure ledger), not a folder, got "/srv/ledger/"',
    ],
    [
      "NODE_ENV",
      "production",
      { nodeEnv: "production" },
      "staging",
      'NODE_ENV must be one of development, production, test, got "staging"',
    ],
    [
      "DATABASE_URL",
      "postgresql://app:pw@db:5432/app",
      { databaseUrl: "postgresql://app:pw@db:5432/app", databaseProvider: "postgresql", demoData: false },
      "mysql://app:pw@db/app",
      "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    ],
    ["DATA_DIR", "/srv/app-data", { dataDir: "/srv/app-data" }, "", "no error"],
    ["BACKUP_DIR", "copies", { backupDir: path.resolve("copies") }, "", "no error"],
    [
      "AUTH_SECRET",
      secret,
      { authSecret: secret },
      "too-short",
      "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)",
    ],
    [
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      key32,
      { serverActionsKey: key32 },
      "not base64 at all!",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)",
    ],
    [
      "TOTP_ENCRYPTION_KEY",
      key32,
      { totpEncryptionKey: key32 },
      Buffer.alloc(16, 7).toString("base64"),
      "TOTP_ENCRYPTION_KEY must be a base64 AES-256 key of 32 bytes (openssl rand -base64 32)",
    ],
    [
      "DATABASE_POOL_MAX",
      "25",
      { databasePoolMax: 25 },
      "abc",
      'DATABASE_POOL_MAX must be a whole number from 1 to 100, got "abc"',
    ],
    [
      "DATABASE_POOL_TIMEOUT_MS",
      "2500",
      { databasePoolTimeoutMs: 2500 },
      "0",
      'DATABASE_POOL_TIMEOUT_MS must be a whole number from 1 to 60000, got "0"',
    ],
    ["PORT", "8080", { port: 8080 }, "80.5", 'PORT must be a whole number from 1 to 65535, got "80.5"'],
    ["HOST", "127.0.0.1", { host: "127.0.0.1" }, "", "no error"],
    [
      "TRUSTED_PROXY_HOPS",
      "2",
      { trustedProxyHops: 2 },
      "-1",
      'TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, got "-1"',
    ],
    [
      "SESSION_IDLE_MINUTES",
      "15",
      { sessionIdleMinutes: 15 },
      "half an hour",
      'SESSION_IDLE_MINUTES must be a whole number from 1 to 1440, got "half an hour"',
    ],
    [
      "SESSION_MAX_AGE_HOURS",
      "8",
      { sessionMaxAgeHours: 8 },
      "1e3",
      'SESSION_MAX_AGE_HOURS must be a whole number from 1 to 720, got "1e3"',
    ],
    [
      "SIGN_UP_LIMIT_PER_HOUR",
      "1000",
      { signUpLimitPerHour: 1000 },
      "0",
      'SIGN_UP_LIMIT_PER_HOUR must be a whole number from 1 to 10000, got "0"',
    ],
    ["DB_QUERY_LOG", "/tmp/queries.log", { queryLogFile: "/tmp/queries.log" }, "", "no error"],
    [
      "DEMO_PASSWORD",
      " spaces count too ",
      { demoPassword: " spaces count too " },
      "short",
      "DEMO_PASSWORD must be 8 to 128 characters",
    ],
    ["DEMO_DATA", "0", { demoData: false }, "yes", 'DEMO_DATA must be one of 0, 1, got "yes"'],
    [
      "LOG_LEVEL",
      "Debug",
      { logLevel: "debug" },
      "loud",
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ],
    ["LOG_FORMAT", "pretty", { logPretty: true }, "xml", 'LOG_FORMAT must be one of json, pretty, got "xml"'],
    [
      "MIGRATION_DATABASE_URL",
      "postgresql://owner@db:5432/app",
      { migrationDatabaseUrl: "postgresql://owner@db:5432/app" },
      "file:./owner.db",
      // A URL holds a password: never repeated in the message.
      "MIGRATION_DATABASE_URL must start with postgresql:// (only a PostgreSQL deployment has a separate owner)",
    ],
    [
      "SMTP_URL",
      "smtps://app:hunter2@mail.example.org:465",
      { smtpUrl: "smtps://app:hunter2@mail.example.org:465" },
      "mail.example.org",
      // It may hold the SMTP password: never repeated in the message.
      "SMTP_URL must start with smtp:// or smtps:// (for example smtps://user:password@mail.example.org:465)",
    ],
    [
      "MAIL_FROM",
      "Exercises <no-reply@clinic.example>",
      { mailFrom: "Exercises <no-reply@clinic.example>" },
      "nobody",
      'MAIL_FROM must be an address, optionally with a name: "Exercise programme <no-reply@example.org>", got "nobody"',
    ],
    ["MAIL_DISABLED", "1", { mailDisabled: true }, "off", 'MAIL_DISABLED must be one of 0, 1, got "off"'],
    [
      "APP_URL",
      "https://exercises.example.org/",
      { appUrl: "https://exercises.example.org" },
      "exercises.example.org/app",
      'APP_URL must be the app\'s address with no path, like https://exercises.example.org, got "exercises.example.org/app"',
    ],
    [
      "APP_DATABASE_ROLE",
      "hbc_app",
      { appDatabaseRole: "hbc_app" },
      'app"; DROP',
      'APP_DATABASE_ROLE must be a PostgreSQL role name in lower case (letters, digits, _), got "app\\"; DROP"',
    ],
    // The three VAPID settings go together: each row below is read with the other two set.
    [
      "VAPID_PUBLIC_KEY",
      vapidPair.VAPID_PUBLIC_KEY,
      {
        vapid: {
          publicKey: vapidPair.VAPID_PUBLIC_KEY,
          privateKey: vapidPair.VAPID_PRIVATE_KEY,
          subject: vapidPair.VAPID_SUBJECT,
        },
      },
      "not-a-key",
      'VAPID_PUBLIC_KEY must be a URL-safe base64 P-256 public key (npx web-push generate-vapid-keys), got "not-a-key"',
    ],
    [
      "VAPID_PRIVATE_KEY",
      vapidPair.VAPID_PRIVATE_KEY,
      { vapid: expect.objectContaining({ privateKey: vapidPair.VAPID_PRIVATE_KEY }) },
      "short",
      // A private key: never repeated in the message.
      "VAPID_PRIVATE_KEY must be a URL-safe base64 P-256 private key (npx web-push generate-vapid-keys)",
    ],
    [
      "VAPID_SUBJECT",
      "https://exercise.example.org/contact",
      { vapid: expect.objectContaining({ subject: "https://exercise.example.org/contact" }) },
      "ops@example.org",
      'VAPID_SUBJECT must be a mailto: address or an https: URL where the push service can reach you, got "ops@example.org"',
    ],
  ];
  const withVapidPair = (env: Record<string, string>) =>
    Object.keys(env).some((name) => name.startsWith("VAPID_")) ? { ...vapidPair, ...env } : env;

  it("refuses one VAPID setting without the other two", () => {
    expect(problemWith({ VAPID_PUBLIC_KEY: vapidPair.VAPID_PUBLIC_KEY })).toBe(
      "VAPID_PRIVATE_KEY is not set: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT go together; VAPID_SUBJECT is not set: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT go together",
    );
  });

  it("has a row in this table for every setting it reads", () => {
    expect(table.map(([name]) => name).sort()).toEqual([...settingNames].sort());
  });

  it.each(table)("reads %s = %j", (name, valid, expected) => {
    const env: Record<string, string> = { [name]: valid };
    // The production rule below needs both secrets whenever the database is PostgreSQL.
    if (name === "NODE_ENV") Object.assign(env, { AUTH_SECRET: secret });
    expect(readConfig(withVapidPair(env))).toMatchObject(expected);
  });

  it.each(table)("refuses a bad %s with one line naming it", (name, _valid, _expected, bad, message) => {
    expect(problemWith(withVapidPair({ [name]: bad }))).toBe(message);
  });

  it("never repeats a secret, a password or a database address in its message", () => {
    const message = problemWith({
      AUTH_SECRET: "hunter2hunter2",
      DEMO_PASSWORD: "pw",
      DATABASE_URL: "mysql://app:hunter2@db/app",
    });
    expect(message).not.toMatch(/hunter2|"pw"/);
    expect(message).toContain("AUTH_SECRET must be");
    expect(message).toContain("DEMO_PASSWORD must be");
  });

  it("names every bad variable, still on one line, even when a value holds a line break", () => {
    const message = problemWith({ PORT: "80\n80", LOG_FORMAT: "xml" });
    expect(message).toBe(
      'PORT must be a whole number from 1 to 65535, got "80\\n80"; LOG_FORMAT must be one of json, pretty, got "xml"',
    );
    expect(message).not.toContain("\n");
  });

  it("refuses production on PostgreSQL without the secrets every instance must share", () => {
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://db/app",
      ERASURE_LEDGER_PATH: "/srv/ledger/erasure.jsonl",
    };
    expect(
      problemWith({ ...production, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key32, TOTP_ENCRYPTION_KEY: key32 }),
    ).toBe(
      'AUTH_SECRET is not set: production needs the same value on every instance (see README, "Production")',
    );
    expect(problemWith({ ...production, AUTH_SECRET: secret, TOTP_ENCRYPTION_KEY: key32 })).toBe(
      'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set: production needs the same value on every instance (see README, "Production")',
    );
    expect(
      problemWith({ ...production, AUTH_SECRET: secret, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key32 }),
    ).toBe(
      'TOTP_ENCRYPTION_KEY is not set: production needs the same value on every instance (see README, "Production")',
    );
    expect(
      problemWith({
        ...production,
        AUTH_SECRET: secret,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key32,
        TOTP_ENCRYPTION_KEY: key32,
      }),
    ).toBe("no error");
    // The erasure ledger lives outside the database: production on PostgreSQL names its file.
    const { ERASURE_LEDGER_PATH: _ledger, ...withoutLedger } = production;
    expect(
      problemWith({
        ...withoutLedger,
        AUTH_SECRET: secret,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key32,
        TOTP_ENCRYPTION_KEY: key32,
      }),
    ).toBe(
      'ERASURE_LEDGER_PATH is not set: production on PostgreSQL keeps its erasure ledger in a file outside the database (see README, "Your data: download and erasure")',
    );
    // The embedded mode keeps generated secrets in its data folder.
    expect(problemWith({ NODE_ENV: "production" })).toBe("no error");
  });

  it("creates demo data by default only in the embedded mode outside production", () => {
    expect(readConfig({}).demoData).toBe(true);
    expect(readConfig({ NODE_ENV: "production" }).demoData).toBe(false);
    expect(readConfig({ DATABASE_URL: "postgresql://db/app" }).demoData).toBe(false);
    expect(readConfig({ NODE_ENV: "production", DEMO_DATA: "1" }).demoData).toBe(true);
    // Not even when asked for: the demo accounts' exemption from two-factor is embedded-only.
    expect(readConfig({ DATABASE_URL: "postgresql://db/app", DEMO_DATA: "1" }).demoData).toBe(false);
  });

  it("logs nothing under a test runner and pretty lines only when development is explicit", () => {
    expect(readConfig({ NODE_ENV: "test" })).toMatchObject({ logLevel: "silent", logPretty: false });
    expect(readConfig({ NODE_ENV: "development" })).toMatchObject({ logLevel: "info", logPretty: true });
    expect(readConfig({ NODE_ENV: "development", LOG_FORMAT: "json" }).logPretty).toBe(false);
  });
});

describe("config()", () => {
  it("parses once and reads again only when a setting changed", () => {
    vi.stubEnv("SESSION_IDLE_MINUTES", "20");
    const first = config();
    expect(config()).toBe(first);
    expect(sessionPolicy.idleSeconds).toBe(20 * 60);
    vi.stubEnv("SESSION_IDLE_MINUTES", "45");
    expect(config()).not.toBe(first);
    expect(sessionPolicy.idleSeconds).toBe(45 * 60);
    vi.stubEnv("SESSION_MAX_AGE_HOURS", "2");
    expect(sessionPolicy.maxAgeSeconds).toBe(2 * 3600);
  });

  it("throws the one-line message for a bad value in the environment", () => {
    vi.stubEnv("DATABASE_POOL_MAX", "abc");
    expect(() => config()).toThrow(
      new ConfigError('DATABASE_POOL_MAX must be a whole number from 1 to 100, got "abc"'),
    );
  });
});

describe("start-up (scripts/runtime-env.ts, the first thing `npm start` and `npm run db:migrate` run)", () => {
  it("stops on a bad value with the one-line message, before creating anything", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "config-")), "data");
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("DATABASE_POOL_MAX", "abc");
    expect(() => prepareRuntimeEnv()).toThrow(
      new ConfigError('DATABASE_POOL_MAX must be a whole number from 1 to 100, got "abc"'),
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it("stops production on PostgreSQL without its secrets", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "postgresql://db/app");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", key32);
    expect(() => prepareRuntimeEnv()).toThrow(/^AUTH_SECRET is not set: production needs/);
  });

  // A bad value stops `npm start` before it migrates or builds anything, so running it is quick.
  it("`npm start` prints the message as one line and exits non-zero, without a stack trace", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "config-")), "data");
    const started = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_POOL_MAX: "abc" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toBe(
      'Cannot start: DATABASE_POOL_MAX must be a whole number from 1 to 100, got "abc"\n',
    );
    expect(started.stdout).toBe("");
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000);

  it("`npm start` on PostgreSQL without SMTP_URL stops unless e-mail is turned off", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "config-")), "data");
    const started = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: {
        ...process.env,
        NODE_ENV: "development",
        DATA_DIR: dataDir,
        DATABASE_URL: "postgresql://db.invalid/app",
        SMTP_URL: "",
        MAIL_DISABLED: "",
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toBe(
      'Cannot start: SMTP_URL is not set: on PostgreSQL e-mail goes through SMTP; set SMTP_URL, or MAIL_DISABLED=1 to run without e-mail (see README, "E-mail")\n',
    );
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000);
});

describe("where settings are read", () => {
  const root = path.resolve(import.meta.dirname, "../..");

  function sourcesUnder(relative: string): string[] {
    const absolute = path.join(root, relative);
    if (statSync(absolute).isFile()) return [relative];
    return readdirSync(absolute).flatMap((name) => {
      const child = path.join(relative, name);
      if (child === path.join("lib", "generated") || name === "node_modules") return [];
      if (statSync(path.join(root, child)).isDirectory()) return sourcesUnder(child);
      return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [child] : [];
    });
  }

  it("is lib/config.ts only: nothing else in the app reads process.env", () => {
    const files = ["app", "lib", "components", "proxy.ts"].flatMap(sourcesUnder);
    expect(files).toContain(path.join("lib", "db.ts"));
    const readers = files.filter((file) => {
      if (file === path.join("lib", "config.ts")) return false;
      // Copying the whole environment into a child process's (pg_dump, ...) is not reading a setting.
      const source = readFileSync(path.join(root, file), "utf8").replaceAll("...process.env", "");
      return source.includes("process.env");
    });
    expect(readers).toEqual([]);
  });
});
