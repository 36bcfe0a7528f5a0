import type { NextAuthConfig } from "next-auth";
import { sessionPolicy } from "@/lib/config";
import { isSessionFresh } from "@/lib/domain/session-policy";
import type { Role } from "@/lib/validation/auth";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; sessionVersion: number; sessionId: string };
  }
}

type AppToken = {
  uid?: string;
  role?: Role;
  sv?: number;
  sid?: string;
  signedInAt?: number;
  lastSeenAt?: number;
};

// The part of the Auth.js set-up that needs no database: proxy.ts uses it to redirect
// optimistically. lib/auth.ts adds the Credentials provider; lib/data/current-user.ts checks the
// session version against the database on every request.
export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: sessionPolicy.idleSeconds, updateAge: 0 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      const claims = token as typeof token & AppToken;
      if (user?.id) {
        // sid names this session, so signing out can end it on the server (RevokedSession).
        return {
          ...token,
          uid: user.id,
          role: user.role,
          sv: user.sessionVersion,
          sid: crypto.randomUUID(),
          signedInAt: now,
          lastSeenAt: now,
        };
      }
      const times = {
        signedInAt: claims.signedInAt ?? Number.NaN,
        lastSeenAt: claims.lastSeenAt ?? Number.NaN,
      };
      if (!claims.uid || !isSessionFresh(times, now, sessionPolicy)) return null;
      return { ...token, lastSeenAt: now };
    },
    session({ session, token }) {
      const claims = token as typeof token & AppToken;
      session.user = {
        ...session.user,
        id: claims.uid ?? "",
        role: claims.role ?? "PATIENT",
        sessionVersion: claims.sv ?? -1,
        sessionId: claims.sid ?? "",
      };
      return session;
    },
  },
} satisfies NextAuthConfig;
