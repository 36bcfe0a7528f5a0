// A real SMTP server for integration tests (the smtp-server package), on a free local port. Every
// message the app sends is parsed with mailparser, so tests read what a mail client would show.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; subject: string; text: string; html: string; parsed: ParsedMail };

export type TestSmtp = {
  url: string;
  received: ReceivedMail[];
  /** Messages to this address, in the order they arrived. */
  to: (address: string) => ReceivedMail[];
  close: () => Promise<void>;
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The message is parsed and stored before the server answers, so it is here once sendMail returns.
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          for (const recipient of session.envelope.rcptTo) {
            received.push({
              to: recipient.address.toLowerCase(),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              parsed,
            });
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((mail) => mail.to === address.toLowerCase()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The one link into the app a message holds (tests fail if there is not exactly one of the kind). */
export function linkIn(mail: ReceivedMail, pathname: string): URL {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)]
    .map((match) => new URL(match[0]))
    .filter((url) => url.pathname === pathname);
  if (links.length !== 1)
    throw new Error(`expected one ${pathname} link in "${mail.subject}", found ${links.length}`);
  return links[0] as URL;
}
