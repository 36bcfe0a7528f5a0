import type { Role } from "@/lib/validation/auth";

type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
  sessionId?: string;
};

/** What the mocked `auth()` answers: the session cookie the test's browser would carry. */
export const testSession: {
  current: { user: SessionUser; expires: string } | null;
  clientAddress: string;
  /** The path proxy.ts would pass on as x-return-to. */
  returnTo: string | null;
} = {
  current: null,
  clientAddress: "203.0.113.7",
  returnTo: null,
};

export function actAs(user: SessionUser | null): void {
  testSession.current = user
    ? {
        user: { sessionId: `test-session-${user.id}`, ...user },
        expires: new Date(Date.now() + 3_600_000).toISOString(),
      }
    : null;
}
