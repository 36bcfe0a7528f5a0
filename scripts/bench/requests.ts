// What the browser sends: a session cookie minted with the server's secret, and server actions
// posted as React's client posts them (the action id from the build's manifest in a Next-Action
// header, the arguments encoded by React's own encodeReply).
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type { BenchDatabase, Ids } from "./data.ts";
import { authSecret, distDir } from "./server.ts";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export async function sessionCookie(
  db: BenchDatabase,
  userId: string,
  role: "PATIENT" | "PHYSIO",
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const sessionId = `bench-${userId}-${randomUUID()}`;
  // Physiotherapists need a second factor (lib/data/two-factor.ts): the session is recorded as
  // having passed it, as the two-factor page does.
  if (role === "PHYSIO") await db.passSecondFactor(sessionId, userId);
  const name = "authjs.session-token";
  const token = await encode({
    salt: name,
    secret: authSecret,
    // Long enough for the whole bench; the app's idle timeout reads lastSeenAt, refreshed per request.
    maxAge: 3600,
    token: {
      sub: userId,
      uid: userId,
      role,
      sv: 0,
      sid: sessionId,
      signedInAt: now,
      lastSeenAt: now,
    },
  });
  return `${name}=${token}`;
}

export type ActionName = "logSessionAction" | "checkInAction";

/** The action's id in the build, or why it is not there (a Next.js change), so the bench says so. */
export function actionId(name: ActionName): { id: string } | { skipped: string } {
  const manifestFile = path.join(distDir, "server", "server-reference-manifest.json");
  if (!existsSync(manifestFile)) return { skipped: `no ${manifestFile}` };
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    node?: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node ?? {}).find(
    ([, entry]) => entry.filename === "lib/actions/logs.ts" && entry.exportedName === name,
  );
  return found ? { id: found[0] } : { skipped: `${name} not found in the action manifest` };
}

export type ActionPost = {
  headers: Record<string, string>;
  /** The body with `placeholder` standing for the client request id. */
  body: string;
  placeholder: string;
};

/** The page the form is on, the id and the encoded arguments; the client request id is swapped per request. */
async function encodedAction(id: string, origin: string, argument: unknown): Promise<ActionPost> {
  const placeholder = "00000000-0000-4000-8000-000000000000";
  const encoded = await encodeReply([{ ok: false }, argument]);
  const response = new Response(encoded);
  return {
    headers: {
      "Next-Action": id,
      "Content-Type": response.headers.get("content-type") ?? "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: origin,
    },
    body: await response.text(),
    placeholder,
  };
}

/** The quick log (components/sessions/session-form.tsx posts an object with the entries). */
export function logSessionPost(id: string, origin: string, ids: Ids): Promise<ActionPost> {
  return encodedAction(id, origin, {
    clientRequestId: "00000000-0000-4000-8000-000000000000",
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    durationMinutes: 20,
    painBefore: "4",
    painAfter: "3",
    painArea: "LOWER_BACK",
    notes: "",
    entries: [
      {
        exerciseId: ids.exercise.id,
        side: ids.exercise.perSide ? "LEFT" : "BOTH",
        sets: 2,
        reps: 10,
        holdSeconds: 5,
      },
    ],
  });
}

/** The daily check-in on Today (components/pain/pain-check-in.tsx, a plain form: FormData). */
export function checkInPost(id: string, origin: string): Promise<ActionPost> {
  const form = new FormData();
  form.append("clientRequestId", "00000000-0000-4000-8000-000000000000");
  form.append("LOWER_BACK", "4");
  form.append("note", "");
  return encodedAction(id, origin, form);
}

export const withRequestId = (post: ActionPost, requestId: string = randomUUID()) =>
  post.body.replaceAll(post.placeholder, requestId);
