import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { authConfig } from "@/lib/auth.config";
import { revokeSession } from "@/lib/data/revoked-sessions";
import { authenticate } from "@/lib/data/sign-in";
import { logServerError } from "@/lib/log-event";
import { clientAddressFrom } from "@/lib/request-context";
import { signInSchema } from "@/lib/validation/auth";

export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

const nextAuth = NextAuth({
  ...authConfig,
  // A wrong or throttled password is an event of its own (lib/data/sign-in.ts), not an error.
  logger: {
    error: (error) => {
      if ((error as { type?: string }).type !== "CredentialsSignin")
        void logServerError("Auth.js failed", error);
    },
  },
  events: {
    // Auth.js's own POST /api/auth/signout ends the session on the server too, not just the cookie.
    async signOut(message) {
      const claims = ("token" in message ? message.token : null) as { sid?: unknown; uid?: unknown } | null;
      if (typeof claims?.sid === "string" && typeof claims.uid === "string") {
        await revokeSession(claims.sid, claims.uid);
      }
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
        // A second factor, where one is needed, is checked per session in the database
        // (lib/data/current-user.ts), not carried in the cookie.
        return result.status === "ok" ? result.user : null;
      },
    }),
  ],
});

export const { handlers, signIn, signOut, unstable_update: updateSession } = nextAuth;

/** The decoded session, once per request. lib/data/current-user.ts is what checks it against the database. */
export const auth = cache(nextAuth.auth);
