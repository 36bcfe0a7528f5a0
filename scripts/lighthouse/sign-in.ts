// Signs in the way a browser without script does: loads /sign-in, posts its form (the server
// action's hidden fields included) as multipart form data, and keeps the session cookie the answer
// sets. No token is minted here, so the pages are measured with a session the app itself issued.

const entities: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", "#39": "'", "#x27": "'" };
const unescapeHtml = (text: string) =>
  text.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, name: string) => entities[name] ?? "");

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match?.[1] === undefined ? undefined : unescapeHtml(match[1]);
}

/** Returns the Cookie header value of a fresh session for this account. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${base}/sign-in`);
  const html = await page.text();
  const form = html.match(/<form\b[^>]*>[\s\S]*?<\/form>/)?.[0];
  if (!form) throw new Error("No form on /sign-in");
  const body = new FormData();
  for (const tag of form.match(/<input\b[^>]*>/g) ?? []) {
    const name = attribute(tag, "name");
    if (!name) continue;
    if (name === "email") body.set(name, email);
    else if (name === "password") body.set(name, password);
    else body.set(name, attribute(tag, "value") ?? "");
  }
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: base },
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => /^(__Secure-)?authjs\.session-token=./.test(pair));
  if (!cookie) {
    throw new Error(`Signing in as ${email} set no session cookie (status ${response.status})`);
  }
  return cookie;
}
