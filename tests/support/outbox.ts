// The embedded mode's outbox (<DATA_DIR>/outbox, lib/mail/send.ts), read as a person would: the
// newest plain-text copy of a message to an address, and the link in it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function latestOutboxLink(
  to: string,
  pathname: string,
  dataDir = process.env.DATA_DIR as string,
): URL {
  const outbox = path.join(dataDir, "outbox");
  const texts = readdirSync(outbox)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .reverse()
    .map((file) => readFileSync(path.join(outbox, file), "utf8"));
  const text = texts.find((body) => body.startsWith(`To: ${to}\n`));
  if (!text) throw new Error(`no message to ${to} in the outbox`);
  const link = [...text.matchAll(/https?:\/\/\S+/g)]
    .map((m) => new URL(m[0]))
    .find((url) => url.pathname === pathname);
  if (!link) throw new Error(`no ${pathname} link in the newest message to ${to}`);
  return link;
}
