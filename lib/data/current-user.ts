import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { logEvent } from "@/lib/log-event";
import { currentClientAddress } from "@/lib/request-context";
import { type Role, safeCallbackPath } from "@/lib/validation/auth";
import {
  type AuditedExport,
  type AuditedRead,
  backgroundRefreshDetail,
  hourOf,
  recordAudit,
  recordAuditOnce,
} from "./audit";
import { NotFoundError } from "./errors";
import { revokeSession } from "./revoked-sessions";
import { needsSecondFactor } from "./two-factor";

export type CurrentUser = { id: string; name: string; email: string; role: Role; timezone: string };

type SessionState = { user: CurrentUser; sessionId: string; secondFactorPassed: boolean };

/**
 * The session's user, checked against the database once per request: a session whose version is
 * older than the user's (password changed, "sign out everywhere") or that was signed out is nobody.
 * Whether the second factor was passed is decided here too, from the database (SecondFactorPass by
 * session id), never from the cookie: after the second step a browser may keep sending the cookie
 * it had before, and that cookie must neither lock the person out nor let anyone in.
 */
const sessionState = cache(async (): Promise<SessionState | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id || !claims.sessionId) return null;
  const [user, revoked, pass] = await Promise.all([
    db.user.findUnique({
      where: { id: claims.id },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        timezone: true,
        sessionVersion: true,
        demoAccount: true,
        twoFactor: { select: { enabledAt: true } },
      },
    }),
    db.revokedSession.findUnique({ where: { sessionId: claims.sessionId }, select: { sessionId: true } }),
    db.secondFactorPass.findUnique({
      where: { sessionId: claims.sessionId },
      select: { userId: true },
    }),
  ]);
  if (!user || revoked || user.sessionVersion !== claims.sessionVersion) return null;
  const needed = needsSecondFactor({
    role: user.role,
    demoAccount: user.demoAccount,
    enabled: Boolean(user.twoFactor?.enabledAt),
  });
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role as Role,
      timezone: user.timezone,
    },
    sessionId: claims.sessionId,
    secondFactorPassed: !needed || pass?.userId === user.id,
  };
});

/** The signed-in user: a session that also passed the second factor, where one is needed. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const state = await sessionState();
  return state?.secondFactorPassed ? state.user : null;
});

/**
 * Half signed in: a valid session whose user needs a second factor that this session has not passed
 * yet. Nobody to every data function; only the two-factor pages and actions ask for it.
 */
export const getHalfSignedIn = cache(async (): Promise<CurrentUser | null> => {
  const state = await sessionState();
  return state && !state.secondFactorPassed ? state.user : null;
});

/** The current session's id, for recording that it passed the second factor. */
export async function currentSessionId(): Promise<string | null> {
  return (await sessionState())?.sessionId ?? null;
}

/** Ends the current session on the server: its token is refused from now on, wherever it turns up. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await auth();
  const sessionId = session?.user?.sessionId;
  if (!sessionId) return;
  await revokeSession(sessionId, session.user.id);
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const returnTo = safeCallbackPath((await headers()).get("x-return-to"), "");
    if (await getHalfSignedIn()) {
      redirect(
        returnTo && returnTo !== "/home"
          ? `/two-factor?callbackUrl=${encodeURIComponent(returnTo)}`
          : "/two-factor",
      );
    }
    redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  }
  return user;
}

/** A user of another role gets "not found": pages of the other role do not exist for them. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== role) {
    await logEvent("access_refused", { userId: user.id, role: user.role, reason: "wrong_role" });
    await recordAudit({
      actorId: user.id,
      actorRole: user.role,
      action: "WRONG_ROLE_REFUSED",
      outcome: "DENIED",
      clientAddress: await currentClientAddress(),
      detail: `needs ${role}`,
    });
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
  throw await notFoundFor(user, "That patient", patientId);
});

/**
 * "Not found" for something the caller asked for and may not see (someone else's patient or
 * object), recorded in the audit trail first. The patient whose data it was can see the attempt;
 * an id that names nobody is stored as no one.
 */
export async function notFoundFor(
  user: CurrentUser,
  what: string,
  patientId: string | null = null,
): Promise<NotFoundError> {
  await recordAudit({
    actorId: user.id,
    actorRole: user.role,
    action: "ACCESS_DENIED",
    patientId,
    outcome: "DENIED",
    clientAddress: await currentClientAddress(),
    detail: what,
  });
  return new NotFoundError(what);
}

/**
 * Access for reading one kind of a patient's data. A physiotherapist's read is recorded in the
 * audit trail, once per request and kind (pages read several things; each is one line for the
 * patient to see).
 */
export const readPatientData = cache(
  async (patientId: string, what: AuditedRead | AuditedExport, detail?: string): Promise<PatientAccess> => {
    const access = await requirePatientAccess(patientId);
    if (access.via === "careLink") {
      const event = {
        actorId: access.user.id,
        actorRole: access.user.role,
        action: what,
        patientId,
        outcome: "SUCCESS" as const,
        clientAddress: await currentClientAddress(),
        detail: detail ?? null,
      };
      // An automatic refresh (a chart refetched on focus) is one read per patient,
      // physiotherapist, kind and hour, not one a minute.
      if (detail === backgroundRefreshDetail) {
        await recordAuditOnce({
          ...event,
          onceKey: (keys) => `refresh:${keys.actorKey}:${what}:${hourOf(new Date())}:${keys.patientKey}`,
        });
      } else {
        await recordAudit(event);
      }
    }
    return access;
  },
);
