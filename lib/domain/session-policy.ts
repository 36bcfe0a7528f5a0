export type SessionTimes = { signedInAt: number; lastSeenAt: number };
export type SessionLimits = { idleSeconds: number; maxAgeSeconds: number };

/** Whether a session may go on at `now` (all in seconds since the epoch). */
export function isSessionFresh(times: SessionTimes, now: number, limits: SessionLimits): boolean {
  if (!Number.isFinite(times.signedInAt) || !Number.isFinite(times.lastSeenAt)) return false;
  if (times.lastSeenAt > now + 60 || times.signedInAt > times.lastSeenAt) return false;
  if (now - times.lastSeenAt > limits.idleSeconds) return false;
  return now - times.signedInAt <= limits.maxAgeSeconds;
}
