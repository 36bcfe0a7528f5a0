import "server-only";
import { db } from "@/lib/db";
import { localDate } from "@/lib/domain/calendar";
import {
  type Adherence,
  type CaseloadSummary,
  compareByAttention,
  type FlagReason,
  summarisePatient,
} from "@/lib/domain/caseload";
import { currentClientAddress } from "@/lib/request-context";
import { recordAudits } from "./audit";
import { requireRole } from "./session";

/** One caseload row, JSON-safe (dates as ISO strings) so the page and the route handler agree. */
export type CaseloadRow = {
  patientId: string;
  name: string;
  timeZone: string;
  linkedSince: string;
  lastActivityAt: string | null;
  daysSinceActivity: number | null;
  latestPain: { rating: number; at: string } | null;
  baseline: number | null;
  trend: CaseloadSummary["trend"];
  adherence7: Adherence;
  adherence30: Adherence;
  flags: FlagReason[];
  attention: number;
};

// The longest look-back: 30 days of adherence, and a day more for zones ahead of UTC.
const lookBackDays = 32;
// The latest pain entry's local day and the 14 before it, with a day's margin for any zone.
const painWindowDays = 16;

const latest = (a: Date | null | undefined, b: Date | null | undefined) =>
  a && b ? (a > b ? a : b) : (a ?? b ?? null);

/**
 * The signed-in physiotherapist's patients with an active link, most in need of attention first.
 * A fixed number of queries whatever the number of patients: the rows of every patient come back
 * together, and the rules (lib/domain/caseload) run on them in memory.
 */
export async function getCaseload(now = new Date()): Promise<CaseloadRow[]> {
  const physio = await requireRole("PHYSIO");
  const links = await db.careLink.findMany({
    where: { physioId: physio.id, status: "ACTIVE" },
    select: { consentedAt: true, patient: { select: { id: true, name: true, timezone: true } } },
  });
  if (links.length === 0) return [];
  const patientIds = links.map((link) => link.patient.id);
  const since = new Date(now.getTime() - lookBackDays * 86_400_000);

  const [latestPain, latestSession, sessions, routineItems] = await Promise.all([
    db.painEntry.groupBy({
      by: ["patientId"],
      where: { patientId: { in: patientIds }, deletedAt: null },
      _max: { recordedAt: true },
    }),
    db.exerciseSession.groupBy({
      by: ["patientId"],
      where: { patientId: { in: patientIds }, deletedAt: null },
      _max: { startedAt: true },
    }),
    db.exerciseSession.findMany({
      where: { patientId: { in: patientIds }, deletedAt: null, startedAt: { gte: since } },
      select: { patientId: true, startedAt: true },
    }),
    db.routineItem.findMany({
      where: {
        routine: { patientId: { in: patientIds } },
        OR: [{ stoppedAt: null }, { stoppedAt: { gte: since } }],
      },
      select: {
        daysOfWeek: true,
        createdAt: true,
        stoppedAt: true,
        routine: { select: { patientId: true } },
      },
    }),
  ]);

  // Pain around each patient's latest entry, however long ago that was: one query for everyone.
  const painWindows = latestPain.flatMap((row) =>
    row._max.recordedAt
      ? [
          {
            patientId: row.patientId,
            deletedAt: null,
            recordedAt: {
              gte: new Date(row._max.recordedAt.getTime() - painWindowDays * 86_400_000),
              lte: row._max.recordedAt,
            },
          },
        ]
      : [],
  );
  const pain =
    painWindows.length > 0
      ? await db.painEntry.findMany({
          where: { OR: painWindows },
          select: { patientId: true, recordedAt: true, rating: true },
        })
      : [];

  const group = <T, K extends string>(rows: T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>();
    for (const row of rows) {
      const list = map.get(key(row));
      if (list) list.push(row);
      else map.set(key(row), [row]);
    }
    return map;
  };
  const painBy = group(pain, (row) => row.patientId);
  const sessionsBy = group(sessions, (row) => row.patientId);
  const itemsBy = group(routineItems, (row) => row.routine.patientId);
  const lastPainAt = new Map(latestPain.map((row) => [row.patientId, row._max.recordedAt]));
  const lastSessionAt = new Map(latestSession.map((row) => [row.patientId, row._max.startedAt]));

  const rows = links.map(({ patient, consentedAt }): CaseloadRow => {
    const timeZone = patient.timezone;
    const lastActivity = latest(lastPainAt.get(patient.id), lastSessionAt.get(patient.id));
    const summary = summarisePatient({
      timeZone,
      now,
      pain: (painBy.get(patient.id) ?? []).map((row) => ({ at: row.recordedAt, rating: row.rating })),
      sessionTimes: (sessionsBy.get(patient.id) ?? []).map((row) => row.startedAt),
      lastActivityAt: lastActivity,
      routine: (itemsBy.get(patient.id) ?? []).map((item) => ({
        daysOfWeek: item.daysOfWeek,
        activeFrom: localDate(item.createdAt, timeZone),
        activeUntil: item.stoppedAt ? localDate(item.stoppedAt, timeZone) : null,
      })),
    });
    return {
      patientId: patient.id,
      name: patient.name,
      timeZone,
      linkedSince: consentedAt.toISOString(),
      lastActivityAt: lastActivity?.toISOString() ?? null,
      daysSinceActivity: summary.daysSinceActivity,
      latestPain: summary.latestPain
        ? { rating: summary.latestPain.rating, at: summary.latestPain.at.toISOString() }
        : null,
      baseline: summary.baseline,
      trend: summary.trend,
      adherence7: summary.adherence7,
      adherence30: summary.adherence30,
      flags: summary.flags,
      attention: summary.attention,
    };
  });

  // Each patient's summary was read: one audit event per patient, written in one statement.
  const clientAddress = await currentClientAddress();
  await recordAudits(
    patientIds.map((patientId) => ({
      actorId: physio.id,
      actorRole: physio.role,
      action: "READ_CASELOAD_SUMMARY" as const,
      patientId,
      outcome: "SUCCESS" as const,
      clientAddress,
    })),
  );
  return rows.sort(compareByAttention);
}
