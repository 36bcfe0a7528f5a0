// The server's one logger: JSON lines on stdout for an operator's tools, readable lines in
// development. Used by the app (lib/log-event.ts) and by the server around it (scripts/server.ts).
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { config, type Environment, readConfig } from "./config.ts";

/**
 * Keys whose values never belong in a log line. Nothing should pass such values in the first
 * place (events take typed fields, never free text); this only catches a mistake.
 */
const secretKeys = [
  "password",
  "currentPassword",
  "newPassword",
  "email",
  "patientEmail",
  "token",
  "inviteCode",
  "authorization",
  "cookie",
  "set-cookie",
  "note",
  "notes",
  "body",
];
const redactPaths = secretKeys.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.headers["${key}"]`]);

export type LogSettings = { level: string; pretty: boolean };

/**
 * LOG_LEVEL (default info; silent under test runners) and LOG_FORMAT (json, or pretty in
 * development), checked with every other setting in lib/config.ts.
 */
export function logSettings(env?: Environment): LogSettings {
  const { logLevel, logPretty } = env ? readConfig(env) : config();
  return { level: logLevel, pretty: logPretty };
}

export function createLogger(
  settings: LogSettings = logSettings(),
  destination: DestinationStream | undefined = undefined,
): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: "[redacted]" },
  };
  if (settings.pretty && !destination) {
    // pino-pretty is a development dependency: loaded (in a worker) only when asked for.
    return pino({
      ...options,
      transport: {
        target: "pino-pretty",
        options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" },
      },
    });
  }
  const json: LoggerOptions = { ...options, formatters: { level: (label) => ({ level: label }) } };
  // Written at once: the app and scripts/server.ts each hold a logger, and lines must not mix.
  return pino(json, destination ?? pino.destination({ dest: 1, sync: true }));
}

export const logger: Logger = createLogger();
