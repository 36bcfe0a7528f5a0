import "server-only";
import { sessionPolicy } from "@/lib/config";
import { db } from "@/lib/db";

/**
 * Lists a session as ended: its token is refused from now on (lib/data/current-user.ts), wherever a
 * copy of the cookie turns up. Called only with a session id read from a token Auth.js verified: by
 * the sign-out action, and by Auth.js's own signOut event (POST /api/auth/signout). Entries older
 * than any session can live are dropped on the way.
 */
export async function revokeSession(sessionId: string, userId: string, now = new Date()): Promise<void> {
  await db.revokedSession.upsert({
    where: { sessionId },
    create: { sessionId, userId, expiresAt: new Date(now.getTime() + sessionPolicy.maxAgeSeconds * 1000) },
    update: {},
  });
  // Signing out ends the second factor's pass too, wherever the old cookie turns up.
  await db.secondFactorPass.deleteMany({ where: { sessionId } });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}
