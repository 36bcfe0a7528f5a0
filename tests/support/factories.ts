import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/validation/auth";
import { actAs } from "./test-session";

let client: Db | undefined;

/** A second client on the test database, for arranging rows and checking what was written. */
export function testDb(): Db {
  client ??= createPrismaClient(process.env.DATABASE_URL);
  return client;
}

/**
 * The audit trail's opaque key for a user, created on first use as the app does: tests find and
 * write audit rows by it, since rows never hold a user id.
 */
export async function auditKey(user: { id: string } | string): Promise<string> {
  const userId = typeof user === "string" ? user : user.id;
  const known = await testDb().auditSubject.findUnique({ where: { userId } });
  if (known) return known.key;
  const created = await testDb().auditSubject.create({
    data: { key: randomUUID().replaceAll("-", ""), userId },
  });
  return created.key;
}

export type TestUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
  password: string;
};

let passwordHashCache: Promise<string> | undefined;
const defaultPassword = "correct horse battery staple";

export async function createUser(
  role: Role,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  const password = overrides.password ?? defaultPassword;
  passwordHashCache ??= hashPassword(defaultPassword);
  const passwordHash = password === defaultPassword ? await passwordHashCache : await hashPassword(password);
  const email = overrides.email ?? `${role.toLowerCase()}-${randomUUID()}@example.test`;
  const name = overrides.name ?? `${role === "PHYSIO" ? "Physio" : "Patient"} ${email.slice(0, 6)}`;
  const user = await testDb().user.create({
    data: { email, name, role, timezone: "Europe/London", passwordHash, emailVerifiedAt: new Date() },
    select: { id: true, sessionVersion: true },
  });
  // The session signInAs gives them has passed the second factor (physiotherapists need one):
  // tests of the half-signed-in state use a session of their own (tests/integration/two-factor.test.ts).
  await testDb().secondFactorPass.create({
    data: { sessionId: `test-session-${user.id}`, userId: user.id, passedAt: new Date() },
  });
  return { id: user.id, name, email, role, sessionVersion: user.sessionVersion, password };
}

export async function linkCare(
  physioId: string,
  patientId: string,
  status: "ACTIVE" | "REVOKED" = "ACTIVE",
  consentedAt = new Date(),
) {
  return testDb().careLink.create({
    data: {
      physioId,
      patientId,
      status,
      consentedAt,
      revokedAt: status === "REVOKED" ? new Date() : null,
    },
  });
}

/**
 * Records that the test session of an account not made by createUser (a seeded demo account, say)
 * passed the second factor: on PostgreSQL demo accounts are not exempt, as in production.
 */
export async function passSecondFactor<U extends { id: string }>(user: U): Promise<U> {
  await testDb().secondFactorPass.upsert({
    where: { sessionId: `test-session-${user.id}` },
    create: { sessionId: `test-session-${user.id}`, userId: user.id, passedAt: new Date() },
    update: {},
  });
  return user;
}

export function signInAs(user: TestUser | null): void {
  actAs(
    user
      ? {
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          sessionVersion: user.sessionVersion,
        }
      : null,
  );
}

/** Runs `fn` and returns what Next's navigation helpers threw: "redirect:/path" or "not-found". */
export async function navigationOutcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "ok";
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not-found";
    throw error;
  }
}
