import { createHmac, timingSafeEqual } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { authConfig } from "@/lib/auth.config";
import { config } from "@/lib/config";
import { authenticate } from "@/lib/data/sign-in";
import { secondFactorRequired } from "@/lib/data/two-factor";
import { logServerError } from "@/lib/log-event";
import { clientAddressFrom } from "@/lib/request-context";
import { signInSchema } from "@/lib/validation/auth";

export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

/**
 * What lets a session's "second factor pending" mark go: an HMAC over the session id with the
 * session secret. Auth.js also accepts session updates from the browser (POST /api/auth/session),
 * so the update must carry something only the server can make; the server makes it only after a
 * code was accepted (lib/actions/two-factor.ts) and hands it straight to unstable_update.
 */
export function secondFactorProof(sessionId: string): string {
  // Never an empty key: that would let anyone make a proof. `npm start` always sets AUTH_SECRET.
  const secret = config().authSecret;
  if (!secret) throw new Error("AUTH_SECRET is not set, so the second sign-in step cannot finish.");
  return createHmac("sha256", secret).update(`second-factor-passed:${sessionId}`).digest("base64url");
}

function isValidProof(sessionId: unknown, proof: unknown): boolean {
  if (typeof sessionId !== "string" || !sessionId || typeof proof !== "string") return false;
  const expected = Buffer.from(secondFactorProof(sessionId));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const nextAuth = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    jwt(params) {
      const token = authConfig.callbacks.jwt(params) as (JWT & { tfa?: string; sid?: string }) | null;
      if (!token || params.trigger !== "update") return token;
      const proof = (params.session as { secondFactorProof?: unknown } | undefined)?.secondFactorProof;
      if (token.tfa === "pending" && isValidProof(token.sid, proof)) {
        const { tfa: _passed, ...rest } = token;
        return rest;
      }
      return token;
    },
  },
  // A wrong or throttled password is an event of its own (lib/data/sign-in.ts), not an error.
  logger: {
    error: (error) => {
      if ((error as { type?: string }).type !== "CredentialsSignin")
        void logServerError("Auth.js failed", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticate(
          parsed.data.email,
          parsed.data.password,
          clientAddressFrom(request.headers),
        );
        if (result.status === "throttled") throw new ThrottledSignIn();
        if (result.status !== "ok") return null;
        return { ...result.user, secondFactorPending: await secondFactorRequired(result.user.id) };
      },
    }),
  ],
});

export const { handlers, signIn, signOut, unstable_update: updateSession } = nextAuth;

/** The decoded session, once per request. lib/data/current-user.ts is what checks it against the database. */
export const auth = cache(nextAuth.auth);
