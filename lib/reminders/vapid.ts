// The Web Push keys (VAPID, RFC 8292) that identify this server to the browsers' push services.
// Production sets them in the environment (all instances must share them, or subscriptions made
// through one instance could not be used by another); the embedded mode creates a pair once and
// keeps it in <DATA_DIR>/vapid.json, readable by its owner only.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";
import type { Config } from "../config.ts";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

/** The contact the push services may write to, when the embedded mode has none configured. */
const embeddedSubject = "mailto:reminders@localhost.localdomain";

function readKeys(file: string): VapidKeys {
  const keys = JSON.parse(readFileSync(file, "utf8")) as Partial<VapidKeys>;
  if (typeof keys.publicKey !== "string" || typeof keys.privateKey !== "string") {
    throw new Error(`${file} does not hold a VAPID key pair`);
  }
  return { publicKey: keys.publicKey, privateKey: keys.privateKey, subject: keys.subject ?? embeddedSubject };
}

/**
 * The keys from the environment, else (embedded mode) the kept pair, created on first use. On
 * PostgreSQL without keys there is no Web Push: undefined.
 */
export function vapidKeys(
  settings: Pick<Config, "vapid" | "databaseProvider" | "dataDir">,
): VapidKeys | undefined {
  if (settings.vapid) return settings.vapid;
  if (settings.databaseProvider !== "sqlite") return undefined;
  const file = path.join(settings.dataDir, "vapid.json");
  try {
    return readKeys(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const pair = webpush.generateVAPIDKeys();
  try {
    // "wx": created once; if another process got there first, its pair is the one kept.
    writeFileSync(file, `${JSON.stringify({ ...pair, subject: embeddedSubject }, null, 2)}\n`, {
      mode: 0o600,
      flag: "wx",
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readKeys(file);
}
