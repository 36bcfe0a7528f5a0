// The embedded mode's outbox (<DATA_DIR>/outbox, lib/mail/send.ts), read as a person would: the
// newest plain-text copy of a message to an address, and the link in it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every link to `pathname` in messages to `to`, newest message first. */
export function outboxLinks(to: string, pathname: string, dataDir = process.env.DATA_DIR as string): URL[] {
  const outbox = path.join(dataDir, "outbox");
  return readdirSync(outbox)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .reverse()
    .map((file) => readFileSync(path.join(outbox, file), "utf8"))
    .filter((body) => body.startsWith(`To: ${to}\n`))
    .flatMap((body) =>
      [...body.matchAll(/https?:\/\/\S+/g)]
        .map((m) => new URL(m[0]))
        .filter((url) => url.pathname === pathname),
    );
}

export function latestOutboxLink(
  to: string,
  pathname: string,
  dataDir = process.env.DATA_DIR as string,
): URL {
  const [link] = outboxLinks(to, pathname, dataDir);
  if (!link) throw new Error(`no ${pathname} link in a message to ${to}`);
  return link;
}
