import "server-only";
import { db } from "@/lib/db";
import type { ZoneChange } from "@/lib/domain/zone-history";
import type { Role } from "@/lib/validation/auth";
import { type PainRegion, painRegions } from "@/lib/validation/fields";
import type { SettingsInput } from "@/lib/validation/settings";
import { auditedTransaction } from "./audit";
import { requireUser } from "./current-user";
import { zoneHistoryOfUser, zoneHistorySelect } from "./time-zones";

export type Settings = {
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  /** Patients only; null when not set (and always for a physiotherapist). */
  mainPainArea: PainRegion | null;
  /** Every zone the user has had, oldest first; the first one covers all time before it. */
  zoneChanges: ZoneChange[];
};

/** The signed-in user's own settings. */
export async function getSettings(): Promise<Settings> {
  const me = await requireUser();
  const row = await db.user.findUniqueOrThrow({
    where: { id: me.id },
    select: { name: true, email: true, role: true, mainPainArea: true, ...zoneHistorySelect },
  });
  const area = (painRegions as readonly string[]).includes(row.mainPainArea ?? "")
    ? (row.mainPainArea as PainRegion)
    : null;
  return {
    name: row.name,
    email: row.email,
    role: me.role,
    timeZone: row.timezone,
    mainPainArea: me.role === "PATIENT" ? area : null,
    zoneChanges: [...zoneHistoryOfUser(row).changes],
  };
}

export type SavedSettings = { zoneChanged: boolean; previousZone: string; detail: string };

/**
 * Saves the signed-in user's settings. A new time zone is in force from `now` on: a history row is
 * added and nothing earlier is rewritten, so past ratings and sessions keep their dates. A user
 * without history rows (created before the history existed, or by a seed) first gets their current
 * zone recorded as in force since 1970.
 */
export async function saveSettings(input: SettingsInput, now = new Date()): Promise<SavedSettings> {
  const me = await requireUser();
  return auditedTransaction(
    async (tx) => {
      const row = await tx.user.findUniqueOrThrow({ where: { id: me.id }, select: zoneHistorySelect });
      const zoneChanged = input.timeZone !== row.timezone;
      if (zoneChanged) {
        if (row.timeZones.length === 0) {
          await tx.userTimeZone.create({
            data: { userId: me.id, timeZone: row.timezone, validFrom: new Date(0) },
          });
        }
        // A clock set wrong earlier could have left a change dated after now: now wins.
        await tx.userTimeZone.deleteMany({ where: { userId: me.id, validFrom: { gte: now } } });
        await tx.userTimeZone.create({ data: { userId: me.id, timeZone: input.timeZone, validFrom: now } });
      }
      await tx.user.update({
        where: { id: me.id },
        data: {
          name: input.name,
          timezone: input.timeZone,
          ...(me.role === "PATIENT" ? { mainPainArea: input.mainPainArea ?? null } : {}),
        },
      });
      const changes = [
        input.name !== me.name ? "name" : null,
        zoneChanged ? `time zone ${row.timezone} -> ${input.timeZone}` : null,
        me.role === "PATIENT" ? `main pain area ${input.mainPainArea ?? "not set"}` : null,
      ].filter(Boolean);
      return {
        zoneChanged,
        previousZone: row.timezone,
        detail: changes.join("; "),
      };
    },
    (saved) => saved.detail,
  );
}
