// Settings read from the environment once, with the defaults DESIGN.md section 8 sets.
function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
}

export const sessionPolicy = {
  /** A session unused for longer than this ends. */
  idleSeconds: positiveNumber("SESSION_IDLE_MINUTES", 30) * 60,
  /** A session older than this ends, however active. */
  maxAgeSeconds: positiveNumber("SESSION_MAX_AGE_HOURS", 12) * 3600,
};
