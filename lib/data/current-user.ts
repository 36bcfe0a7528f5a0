import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { sessionPolicy } from "@/lib/config";
import { db } from "@/lib/db";
import { logEvent } from "@/lib/log-event";
import { currentClientAddress } from "@/lib/request-context";
import { type Role, safeCallbackPath } from "@/lib/validation/auth";
import { type AuditedRead, recordAudit } from "./audit";
import { NotFoundError } from "./errors";

export type CurrentUser = { id: string; name: string; email: string; role: Role; timezone: string };

/**
 * The signed-in user, checked against the database once per request: a session whose version is
 * older than the user's (password changed, "sign out everywhere") or that was signed out counts as
 * signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const claims = session?.user;
  // Half signed in (password given, second factor not yet): nobody, for every data function.
  if (!claims?.id || !claims.sessionId || claims.secondFactorPending) return null;
  return checkedUser(claims);
});

/**
 * A session that has passed the password step but not the second factor, checked against the
 * database like a full one. Only the two-factor pages and actions ask for it.
 */
export const getHalfSignedIn = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id || !claims.sessionId || !claims.secondFactorPending) return null;
  return checkedUser(claims);
});

async function checkedUser(claims: {
  id: string;
  sessionId: string;
  sessionVersion: number;
}): Promise<CurrentUser | null> {
  const [user, revoked] = await Promise.all([
    db.user.findUnique({
      where: { id: claims.id },
      select: { id: true, name: true, email: true, role: true, timezone: true, sessionVersion: true },
    }),
    db.revokedSession.findUnique({ where: { sessionId: claims.sessionId }, select: { sessionId: true } }),
  ]);
  if (!user || revoked || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    timezone: user.timezone,
  };
}

/** Ends the current session on the server: its token is refused from now on, wherever it turns up. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await auth();
  const sessionId = session?.user?.sessionId;
  if (!sessionId) return;
  const now = new Date();
  await db.revokedSession.upsert({
    where: { sessionId },
    create: {
      sessionId,
      userId: session.user.id,
      expiresAt: new Date(now.getTime() + sessionPolicy.maxAgeSeconds * 1000),
    },
    update: {},
  });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    if (await getHalfSignedIn()) redirect("/two-factor");
    const returnTo = safeCallbackPath((await headers()).get("x-return-to"), "");
    redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  }
  return user;
}

/** A user of another role gets "not found": pages of the other role do not exist for them. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== role) {
    await logEvent("access_refused", { userId: user.id, role: user.role, reason: "wrong_role" });
    throw new NotFoundError("That page");
  }
  return user;
}

export type PatientAccess = { user: CurrentUser; patientId: string; via: "self" | "careLink" };

/**
 * Who may see a patient's data: the patient, or a physiotherapist with an active care link.
 * Anyone else gets "not found", so the answer never confirms that the patient exists.
 */
export const requirePatientAccess = cache(async (patientId: string): Promise<PatientAccess> => {
  const user = await requireUser();
  if (user.role === "PATIENT" && user.id === patientId) return { user, patientId, via: "self" };
  // PostgreSQL text cannot hold a NUL, so no id has one: such an id is refused without a lookup.
  if (user.role === "PHYSIO" && !patientId.includes("\0")) {
    const link = await db.careLink.findFirst({
      where: { physioId: user.id, patientId, status: "ACTIVE" },
      select: { id: true },
    });
    if (link) return { user, patientId, via: "careLink" };
  }
  await logEvent("access_refused", {
    userId: user.id,
    role: user.role,
    reason: user.role === "PATIENT" ? "other_patient" : "no_care_link",
  });
  // Recorded so the patient can see it (a revoked physiotherapist trying again, say); the id may be
  // made up, so it is stored as given (a NUL as U+FFFD), cut short.
  await recordAudit({
    actorId: user.id,
    actorRole: user.role,
    action: "ACCESS_DENIED",
    patientId: patientId.replaceAll("\0", "\uFFFD").slice(0, 64),
    outcome: "DENIED",
    clientAddress: await currentClientAddress(),
  });
  throw new NotFoundError("That patient");
});

/**
 * Access for reading one kind of a patient's data. A physiotherapist's read is recorded in the
 * audit trail, once per request and kind (pages read several things; each is one line for the
 * patient to see).
 */
export const readPatientData = cache(
  async (patientId: string, what: AuditedRead, detail?: string): Promise<PatientAccess> => {
    const access = await requirePatientAccess(patientId);
    if (access.via === "careLink") {
      await recordAudit({
        actorId: access.user.id,
        actorRole: access.user.role,
        action: what,
        patientId,
        outcome: "SUCCESS",
        clientAddress: await currentClientAddress(),
        detail: detail ?? null,
      });
    }
    return access;
  },
);
