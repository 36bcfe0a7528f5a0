// HTTP as a browser without JavaScript does it: a cookie jar, Auth.js's credentials sign-in, and
// the app's own plain forms (server actions work as ordinary form posts before JavaScript loads).

export type Headers = Record<string, string>;

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes in the cookies a response sets (a cookie set to expire is dropped). */
  absorb(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = "", raw = ""] = attribute.split("=");
        const k = key.trim().toLowerCase();
        return (k === "max-age" && Number(raw) <= 0) || (k === "expires" && Date.parse(raw) < Date.now());
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Whether Auth.js's session cookie is set (its name has a prefix when the origin is HTTPS). */
  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("authjs.session-token"));
  }

  /** A copy, so a test can replay cookies the browser has since dropped. */
  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export async function request(
  url: string,
  options: { method?: string; jar?: CookieJar; headers?: Headers; body?: BodyInit } = {},
): Promise<{ status: number; location: string | null; text: string; response: Response }> {
  const headers: Headers = { ...options.headers };
  const cookie = options.jar?.header();
  if (cookie) headers.cookie = cookie;
  const response = await fetch(url, {
    method: options.method ?? "GET",
    headers,
    body: options.body,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  options.jar?.absorb(response);
  const text = await response.text();
  return { status: response.status, location: response.headers.get("location"), text, response };
}

export type SignInOutcome = "signed-in" | "throttled" | "refused";

/**
 * Signs in through Auth.js's credentials endpoint (what the sign-in form's action calls): gets a
 * CSRF token, posts the form, and reads the outcome from the redirect, as the browser would.
 */
export async function signIn(
  base: string,
  email: string,
  password: string,
  headers: Headers = {},
): Promise<{ outcome: SignInOutcome; jar: CookieJar; location: string | null }> {
  const jar = new CookieJar();
  const csrf = await request(`${base}/api/auth/csrf`, { jar, headers });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const answer = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    jar,
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/home" }).toString(),
  });
  if (answer.status !== 302 && answer.status !== 303) {
    throw new Error(`sign-in answered ${answer.status}, not a redirect`);
  }
  const code = answer.location ? new URL(answer.location, base).searchParams.get("code") : null;
  const outcome: SignInOutcome = jar.hasSession()
    ? "signed-in"
    : code === "throttled"
      ? "throttled"
      : "refused";
  return { outcome, jar, location: answer.location };
}

const entities: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}

/**
 * The fields of the first form on the page whose markup contains `marker` (a button's label, say):
 * what a browser would post when that form is submitted.
 */
export function formFields(html: string, marker: string): FormData {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/gi)]
    .map((m) => m[0])
    .find((f) => f.includes(marker));
  if (!form) throw new Error(`no form containing "${marker}" on the page`);
  const data = new FormData();
  for (const [tag] of form.matchAll(/<input\b[^>]*>/gi)) {
    const name = attribute(tag, "name");
    if (name !== undefined) data.append(name, attribute(tag, "value") ?? "");
  }
  return data;
}
