// The one place that reads the app's settings from the environment. Every variable is checked
// here, at start-up (scripts/runtime-env.ts reads this first), so a bad value stops `npm start`
// with one line naming it instead of surfacing later as a strange failure. Framework-owned
// variables (NEXT_DIST_DIR, NEXT_TELEMETRY_DISABLED) and the test and benchmark tools' own
// variables are not settings of the app and are read where those tools start.
import path from "node:path";
import { z } from "zod";

export type Environment = Record<string, string | undefined>;
export type NodeEnv = "development" | "production" | "test";
export type DatabaseProvider = "sqlite" | "postgresql";
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export type Config = {
  nodeEnv: NodeEnv;
  databaseUrl: string;
  databaseProvider: DatabaseProvider;
  /** Absolute; where the embedded mode keeps its secrets and, by default, its database. */
  dataDir: string;
  /** Absolute; where `npm run backup` writes. */
  backupDir: string;
  /**
   * Absolute; the append-only erasure ledger (user ids and times of erased accounts), kept outside
   * the database so a restored backup cannot bring an erased person back (lib/erasure/ledger.ts).
   * ERASURE_LEDGER_PATH, required in production on PostgreSQL; otherwise <DATA_DIR>/erasure-ledger.jsonl.
   */
  erasureLedgerPath: string;
  authSecret: string | undefined;
  serverActionsKey: string | undefined;
  /** AES-256 key (base64) for the TOTP secrets; the embedded mode keeps one in ./data instead. */
  totpEncryptionKey: string | undefined;
  databasePoolMax: number;
  databasePoolTimeoutMs: number;
  port: number;
  /** The address to listen on: HOST, else 127.0.0.1 in the embedded mode; unset means every interface. */
  host: string | undefined;
  trustedProxyHops: number;
  sessionIdleMinutes: number;
  sessionMaxAgeHours: number;
  /** Sign-ups each client address may attempt per hour. */
  signUpLimitPerHour: number;
  /** Benchmark only: a file each database statement is appended to. */
  queryLogFile: string | undefined;
  demoPassword: string | undefined;
  /** Whether `npm start` creates the demo accounts: embedded mode only; DEMO_DATA, else on outside production. */
  demoData: boolean;
  logLevel: LogLevel;
  logPretty: boolean;
  /** PostgreSQL: the owner's URL, used only by `npm run db:migrate` (migrations, grants, retention). */
  migrationDatabaseUrl: string | undefined;
  /** PostgreSQL: the role the app connects as, granted its rights by `npm run db:migrate`. */
  appDatabaseRole: string | undefined;
  /** smtp(s)://user:pass@host:port: where e-mail goes; unset in the embedded mode means ./data/outbox. */
  smtpUrl: string | undefined;
  /** The From header of every message; a neutral name that says nothing about health. */
  mailFrom: string;
  /** MAIL_DISABLED=1: no e-mail at all (PostgreSQL without SMTP must say so explicitly). */
  mailDisabled: boolean;
  /** APP_URL: the address people open the app at, for links in e-mails (lib/mail/links.ts). */
  appUrl: string | undefined;
  /** Web Push keys; unset in the embedded mode means <DATA_DIR>/vapid.json, created once. */
  vapid: { publicKey: string; privateKey: string; subject: string } | undefined;
};

/** Without DATABASE_URL and DATA_DIR; with DATA_DIR alone, the file `app.db` in it. */
export const defaultDatabaseUrl = "file:./data/app.db";
export const defaultMailFrom = "Exercise programme <no-reply@localhost>";

const given = (raw: string | undefined) => raw !== undefined && raw.trim() !== "";

// Unset and blank both mean "use the default", as an empty `FOO=` line in a shell or .env file does.
const optionalText = z
  .string()
  .optional()
  .transform((raw) => (raw === undefined || raw.trim() === "" ? undefined : raw.trim()));

function wholeNumber(min: number, max: number, fallback: number) {
  return optionalText.transform((raw, context) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (/^\d+$/.test(raw) && value >= min && value <= max) return value;
    context.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}` });
    return z.NEVER;
  });
}

function oneOf<const T extends string>(values: readonly T[]) {
  return optionalText.transform((raw, context) => {
    if (raw === undefined) return undefined;
    const value = values.find((allowed) => allowed === raw.toLowerCase());
    if (value !== undefined) return value;
    context.addIssue({ code: "custom", message: `must be one of ${values.join(", ")}` });
    return z.NEVER;
  });
}

const base64Key = optionalText.refine(
  (raw) =>
    raw === undefined ||
    (/^[A-Za-z0-9+/]+={0,2}$/.test(raw) && [16, 24, 32].includes(Buffer.from(raw, "base64").length)),
  { error: "must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)" },
);

const schema = z
  .object({
    NODE_ENV: oneOf(["development", "production", "test"]),
    DATABASE_URL: optionalText
      .transform((raw) => raw ?? defaultDatabaseUrl)
      .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//i.test(url), {
        error: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      }),
    DATA_DIR: optionalText.transform((raw) =>
      path.resolve(/* turbopackIgnore: true */ process.cwd(), raw ?? "data"),
    ),
    BACKUP_DIR: optionalText.transform((raw) =>
      path.resolve(/* turbopackIgnore: true */ process.cwd(), raw ?? "backups"),
    ),
    ERASURE_LEDGER_PATH: optionalText
      .refine((raw) => raw === undefined || !/[/\\]$/.test(raw), {
        error: "must name a file (the erasure ledger), not a folder",
      })
      .transform((raw) =>
        raw === undefined ? undefined : path.resolve(/* turbopackIgnore: true */ process.cwd(), raw),
      ),
    AUTH_SECRET: optionalText.refine((raw) => raw === undefined || raw.length >= 32, {
      error: "must be at least 32 characters (openssl rand -base64 32)",
    }),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: base64Key,
    TOTP_ENCRYPTION_KEY: optionalText.refine(
      (raw) =>
        raw === undefined || (/^[A-Za-z0-9+/]+={0,2}$/.test(raw) && Buffer.from(raw, "base64").length === 32),
      { error: "must be a base64 AES-256 key of 32 bytes (openssl rand -base64 32)" },
    ),
    DATABASE_POOL_MAX: wholeNumber(1, 100, 10),
    DATABASE_POOL_TIMEOUT_MS: wholeNumber(1, 60_000, 5_000),
    PORT: wholeNumber(1, 65_535, 3000),
    HOST: optionalText,
    TRUSTED_PROXY_HOPS: wholeNumber(0, 10, 0),
    SESSION_IDLE_MINUTES: wholeNumber(1, 1440, 30),
    SESSION_MAX_AGE_HOURS: wholeNumber(1, 720, 12),
    SIGN_UP_LIMIT_PER_HOUR: wholeNumber(1, 10_000, 10),
    DB_QUERY_LOG: optionalText,
    // The product's own password rules: a demo password nobody could choose at sign-up is refused.
    DEMO_PASSWORD: z
      .string()
      .optional()
      .transform((raw) => (raw === "" ? undefined : raw))
      .refine((raw) => raw === undefined || (raw.length >= 8 && raw.length <= 128), {
        error: "must be 8 to 128 characters",
      }),
    DEMO_DATA: oneOf(["0", "1"]),
    LOG_LEVEL: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    LOG_FORMAT: oneOf(["json", "pretty"]),
    MIGRATION_DATABASE_URL: optionalText.refine(
      (url) => url === undefined || /^postgres(ql)?:\/\//i.test(url),
      {
        error: "must start with postgresql:// (only a PostgreSQL deployment has a separate owner)",
      },
    ),
    APP_DATABASE_ROLE: optionalText.refine(
      (name) => name === undefined || /^[a-z_][a-z0-9_]{0,62}$/.test(name),
      {
        error: "must be a PostgreSQL role name in lower case (letters, digits, _)",
      },
    ),
    SMTP_URL: optionalText.refine((url) => url === undefined || /^smtps?:\/\/[^\s]+$/i.test(url), {
      error: "must start with smtp:// or smtps:// (for example smtps://user:password@mail.example.org:465)",
    }),
    MAIL_FROM: optionalText.refine(
      (raw) => raw === undefined || /^[^\r\n@]*[^\s@<>]+@[^\s@<>]+>?$/.test(raw),
      {
        error: 'must be an address, optionally with a name: "Exercise programme <no-reply@example.org>"',
      },
    ),
    MAIL_DISABLED: oneOf(["0", "1"]),
    // Links in e-mails are built from this, never from a request's Host header, which anyone can forge.
    APP_URL: optionalText.refine((raw) => raw === undefined || /^https?:\/\/[^\s/?#]+\/?$/i.test(raw), {
      error: "must be the app's address with no path, like https://exercises.example.org",
    }),
    VAPID_PUBLIC_KEY: optionalText.refine(
      (raw) => raw === undefined || /^[A-Za-z0-9_-]{86,88}=*$/.test(raw),
      {
        error: "must be a URL-safe base64 P-256 public key (npx web-push generate-vapid-keys)",
      },
    ),
    VAPID_PRIVATE_KEY: optionalText.refine(
      (raw) => raw === undefined || /^[A-Za-z0-9_-]{42,44}=*$/.test(raw),
      {
        error: "must be a URL-safe base64 P-256 private key (npx web-push generate-vapid-keys)",
      },
    ),
    VAPID_SUBJECT: optionalText.refine(
      (raw) => raw === undefined || /^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(raw),
      {
        error: "must be a mailto: address or an https: URL where the push service can reach you",
      },
    ),
  })
  .superRefine((env, context) => {
    // Web Push keys come as a pair, with the contact the push services may write to.
    const vapid = [env.VAPID_PUBLIC_KEY, env.VAPID_PRIVATE_KEY, env.VAPID_SUBJECT];
    if (vapid.some((value) => value !== undefined) && vapid.some((value) => value === undefined)) {
      for (const name of ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"] as const) {
        if (env[name] === undefined) {
          context.addIssue({
            code: "custom",
            path: [name],
            message: "is not set: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT go together",
          });
        }
      }
    }
    // Instances of a PostgreSQL deployment must share these; a locally generated one would differ.
    if (env.NODE_ENV !== "production" || env.DATABASE_URL.startsWith("file:")) return;
    for (const name of [
      "AUTH_SECRET",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "TOTP_ENCRYPTION_KEY",
    ] as const) {
      if (env[name] === undefined) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: `is not set: production needs the same value on every instance (see README, "Production")`,
        });
      }
    }
    if (env.ERASURE_LEDGER_PATH === undefined) {
      context.addIssue({
        code: "custom",
        path: ["ERASURE_LEDGER_PATH"],
        message:
          'is not set: production on PostgreSQL keeps its erasure ledger in a file outside the database (see README, "Your data: download and erasure")',
      });
    }
  });

export const settingNames = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

// Never repeated in a message: they would end up in a terminal's scrollback or a log.
const secretNames = new Set([
  "AUTH_SECRET",
  "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
  "TOTP_ENCRYPTION_KEY",
  "DATABASE_URL",
  "DEMO_PASSWORD",
  "MIGRATION_DATABASE_URL",
  "SMTP_URL",
  "VAPID_PRIVATE_KEY",
]);

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and checks every setting; a bad one throws a ConfigError whose message is one line. */
export function readConfig(env: Environment): Config {
  const result = schema.safeParse(Object.fromEntries(settingNames.map((name) => [name, env[name]])));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const raw = env[name];
      const got = raw === undefined || secretNames.has(name) ? "" : `, got ${JSON.stringify(raw)}`;
      return `${name} ${issue.message}${got}`;
    });
    throw new ConfigError(problems.join("; "));
  }
  const s = result.data;
  const nodeEnv = s.NODE_ENV ?? "development";
  const databaseProvider: DatabaseProvider = s.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
  return {
    nodeEnv,
    // Without a DATABASE_URL the embedded database lives in DATA_DIR, wherever that is set.
    databaseUrl:
      given(env.DATABASE_URL) || !given(env.DATA_DIR)
        ? s.DATABASE_URL
        : `file:${path.join(s.DATA_DIR, "app.db")}`,
    databaseProvider,
    dataDir: s.DATA_DIR,
    backupDir: s.BACKUP_DIR,
    erasureLedgerPath: s.ERASURE_LEDGER_PATH ?? path.join(s.DATA_DIR, "erasure-ledger.jsonl"),
    authSecret: s.AUTH_SECRET,
    serverActionsKey: s.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    totpEncryptionKey: s.TOTP_ENCRYPTION_KEY,
    databasePoolMax: s.DATABASE_POOL_MAX,
    databasePoolTimeoutMs: s.DATABASE_POOL_TIMEOUT_MS,
    port: s.PORT,
    // The embedded mode is one person's or one clinic's machine: nobody else should reach it unless asked.
    host: s.HOST ?? (databaseProvider === "sqlite" ? "127.0.0.1" : undefined),
    trustedProxyHops: s.TRUSTED_PROXY_HOPS,
    sessionIdleMinutes: s.SESSION_IDLE_MINUTES,
    sessionMaxAgeHours: s.SESSION_MAX_AGE_HOURS,
    signUpLimitPerHour: s.SIGN_UP_LIMIT_PER_HOUR,
    queryLogFile: s.DB_QUERY_LOG,
    demoPassword: s.DEMO_PASSWORD,
    // Never on PostgreSQL: demo accounts skip the second factor, which only the embedded mode allows.
    demoData: databaseProvider === "sqlite" && (s.DEMO_DATA ? s.DEMO_DATA === "1" : nodeEnv !== "production"),
    logLevel: s.LOG_LEVEL ?? (nodeEnv === "test" ? "silent" : "info"),
    // Pretty only when asked for or under an explicit NODE_ENV=development (`next dev` sets it).
    logPretty: s.LOG_FORMAT ? s.LOG_FORMAT === "pretty" : s.NODE_ENV === "development",
    migrationDatabaseUrl: s.MIGRATION_DATABASE_URL,
    appDatabaseRole: s.APP_DATABASE_ROLE,
    smtpUrl: s.SMTP_URL,
    mailFrom: s.MAIL_FROM ?? defaultMailFrom,
    mailDisabled: s.MAIL_DISABLED === "1",
    appUrl: s.APP_URL?.replace(/\/$/, ""),
    vapid:
      s.VAPID_PUBLIC_KEY && s.VAPID_PRIVATE_KEY && s.VAPID_SUBJECT
        ? { publicKey: s.VAPID_PUBLIC_KEY, privateKey: s.VAPID_PRIVATE_KEY, subject: s.VAPID_SUBJECT }
        : undefined,
  };
}

let cached: { key: string; config: Config } | undefined;

/**
 * The app's settings, parsed once. Read again only when one of its variables changed since: the
 * start-up script fills in generated secrets, and tests point DATABASE_URL at a fresh database.
 */
export function config(): Config {
  const key = JSON.stringify(settingNames.map((name) => process.env[name] ?? null));
  if (cached?.key !== key) cached = { key, config: readConfig(process.env) };
  return cached.config;
}

export const sessionPolicy = {
  /** A session unused for longer than this ends. */
  get idleSeconds(): number {
    return config().sessionIdleMinutes * 60;
  },
  /** A session older than this ends, however active. */
  get maxAgeSeconds(): number {
    return config().sessionMaxAgeHours * 3600;
  },
};

/**
 * The build folder: Next's own setting (next.config.ts reads NEXT_DIST_DIR the same way), not one
 * of the app's. Read here so that lib/config.ts stays the one reader of the environment; the
 * service worker bundle lives inside it (lib/sw/build-output.ts).
 */
export function buildDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}
