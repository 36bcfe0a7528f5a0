import { stopReminderEmailsByToken } from "@/lib/data/reminders";
import { currentClientAddress } from "@/lib/request-context";

export const dynamic = "force-dynamic";

// The address in a reminder e-mail's List-Unsubscribe header and footer. Mail programs POST to it
// (RFC 8058 one-click, body "List-Unsubscribe=One-Click"); a person who opens it gets a page with
// one button, because link checkers in mail systems open links on their own and must not stop
// anyone's reminders by doing so.

const headers = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex",
};

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1c1917}
button{font:inherit;padding:.6rem 1rem;border-radius:.4rem;border:1px solid #115e59;background:#115e59;color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers });
}

const unknown = () =>
  page(
    "This link does not work",
    "<p>It may have been copied only in part. You can change or stop your reminders under Reminders after signing in.</p>",
    404,
  );

export async function GET(_request: Request, context: RouteContext<"/unsubscribe/[token]">) {
  const { token } = await context.params;
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return unknown();
  return page(
    "Stop reminder e-mails?",
    `<p>You will get no more reminder e-mails. Nothing else in your account changes.</p>
<form method="post"><button type="submit">Stop reminder e-mails</button></form>`,
  );
}

export async function POST(_request: Request, context: RouteContext<"/unsubscribe/[token]">) {
  const { token } = await context.params;
  const stopped = await stopReminderEmailsByToken(token, await currentClientAddress());
  if (!stopped) return unknown();
  return page(
    "Reminder e-mails are off",
    "<p>You will get no more reminder e-mails. To have them again, choose e-mail under Reminders in the app.</p>",
  );
}
