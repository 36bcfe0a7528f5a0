import "server-only";
import { type ZoneHistory, zoneHistoryOf } from "@/lib/domain/zone-history";

/**
 * The columns to select on a User to know their zone history. Only a helper for data functions
 * that have already checked who asks: it reads nothing by itself.
 */
export const zoneHistorySelect = {
  timezone: true,
  timeZones: { select: { timeZone: true, validFrom: true }, orderBy: { validFrom: "asc" } },
} as const;

/** The history of a user row selected with `zoneHistorySelect`. */
export function zoneHistoryOfUser(user: {
  timezone: string;
  timeZones: { timeZone: string; validFrom: Date }[];
}): ZoneHistory {
  return zoneHistoryOf(user.timeZones, user.timezone);
}
