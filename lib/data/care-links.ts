import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { auditedTransaction } from "./audit";
import { requirePatientAccess, requireRole } from "./current-user";
import { NotFoundError } from "./errors";

// Care links between a patient and a physiotherapist: listing, ending, and the linked patient.
export type CareLinkView = {
  id: string;
  physio: { name: string; email: string };
  status: "ACTIVE" | "REVOKED";
  consentedAt: Date;
  revokedAt: Date | null;
  endedBy: "you" | "physio" | null;
};

/** The patient's links, current ones first. */
export async function listCareTeam(): Promise<CareLinkView[]> {
  const patient = await requireRole("PATIENT");
  const rows = await db.careLink.findMany({
    where: { patientId: patient.id },
    orderBy: [{ status: "asc" }, { consentedAt: "desc" }],
    select: {
      id: true,
      status: true,
      consentedAt: true,
      revokedAt: true,
      revokedById: true,
      physio: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    physio: row.physio,
    status: row.status as CareLinkView["status"],
    consentedAt: row.consentedAt,
    revokedAt: row.revokedAt,
    endedBy: row.revokedById === null ? null : row.revokedById === patient.id ? "you" : "physio",
  }));
}

/** One of the patient's own active links, for the page that confirms ending it. */
export async function getActiveCareLink(
  linkId: string,
): Promise<{ id: string; physioName: string; since: Date }> {
  const patient = await requireRole("PATIENT");
  const link = await db.careLink.findFirst({
    where: { id: linkId, patientId: patient.id, status: "ACTIVE" },
    select: { id: true, consentedAt: true, physio: { select: { name: true } } },
  });
  if (!link) throw new NotFoundError("That link");
  return { id: link.id, physioName: link.physio.name, since: link.consentedAt };
}

/** The patient ends a link. Access stops on the physiotherapist's next request. */
export async function endCareLinkAsPatient(
  linkId: string,
  now = new Date(),
): Promise<{ physioName: string }> {
  const patient = await requireRole("PATIENT");
  const link = await db.careLink.findFirst({
    where: { id: linkId, patientId: patient.id, status: "ACTIVE" },
    select: { id: true, physio: { select: { name: true } } },
  });
  if (!link) throw new NotFoundError("That link");
  await auditedTransaction(async (tx) => {
    const { count } = await tx.careLink.updateMany({
      where: { id: link.id, status: "ACTIVE" },
      data: { status: "REVOKED", revokedAt: now, revokedById: patient.id },
    });
    if (count !== 1) throw new NotFoundError("That link");
  });
  return { physioName: link.physio.name };
}

/** The physiotherapist ends their link with a patient (discharge). */
export async function endCareLinkAsPhysio(patientId: string, now = new Date()): Promise<void> {
  const physio = await requireRole("PHYSIO");
  await auditedTransaction(async (tx) => {
    const { count } = await tx.careLink.updateMany({
      where: { physioId: physio.id, patientId, status: "ACTIVE" },
      data: { status: "REVOKED", revokedAt: now, revokedById: physio.id },
    });
    if (count !== 1) throw new NotFoundError("That patient");
  });
}

export type LinkedPatient = { id: string; name: string; timezone: string; linkedSince: Date };

/** The patient a physiotherapist is looking at: only with an active link, else "not found". */
export const getLinkedPatient = cache(async (patientId: string): Promise<LinkedPatient> => {
  const physio = await requireRole("PHYSIO");
  await requirePatientAccess(patientId);
  const link = await db.careLink.findFirst({
    where: { physioId: physio.id, patientId, status: "ACTIVE" },
    select: { consentedAt: true, patient: { select: { id: true, name: true, timezone: true } } },
  });
  if (!link) throw new NotFoundError("That patient");
  return { ...link.patient, linkedSince: link.consentedAt };
});

export type EndedCareLink = {
  patientId: string;
  patientName: string;
  endedAt: Date;
  endedBy: "you" | "patient";
};

const endedOf = (
  physioId: string,
  row: {
    patientId: string;
    revokedAt: Date | null;
    revokedById: string | null;
    updatedAt: Date;
    patient: { name: string };
  },
): EndedCareLink => ({
  patientId: row.patientId,
  patientName: row.patient.name,
  endedAt: row.revokedAt ?? row.updatedAt,
  endedBy: row.revokedById === physioId ? "you" : "patient",
});

const endedSelect = {
  patientId: true,
  revokedAt: true,
  revokedById: true,
  updatedAt: true,
  patient: { select: { name: true } },
} as const;

/**
 * The physiotherapist's ended link with a patient, or null when there is none (active, or never
 * linked: those go through the usual access check). After a link ends, the physiotherapist keeps
 * their own clinical notes up to that moment, and nothing else of the patient's.
 */
export const getEndedCareLink = cache(async (patientId: string): Promise<EndedCareLink | null> => {
  const physio = await requireRole("PHYSIO");
  if (patientId.includes("\0")) return null;
  const row = await db.careLink.findFirst({
    where: { physioId: physio.id, patientId, status: "REVOKED" },
    select: endedSelect,
  });
  return row ? endedOf(physio.id, row) : null;
});

/** The physiotherapist's ended links, most recently ended first: where their own notes stay readable. */
export async function listEndedCareLinks(): Promise<EndedCareLink[]> {
  const physio = await requireRole("PHYSIO");
  const rows = await db.careLink.findMany({
    where: { physioId: physio.id, status: "REVOKED" },
    orderBy: [{ revokedAt: "desc" }, { id: "asc" }],
    take: 100,
    select: endedSelect,
  });
  return rows.map((row) => endedOf(physio.id, row));
}
