import "server-only";
import type { Bundle } from "fhir/r4";
import { type ExportOptions, fhirSourceForExport } from "@/lib/data/exports";
import { bundleOf } from "./fhir-bundle";

export { bundleOf, fhirBase, outcomeScoreSystem, painAreaSites } from "./fhir-bundle";

/** The patient's data as a FHIR R4 collection Bundle (scoped and audited like every export). */
export async function fhirBundle(
  patientId: string,
  options: ExportOptions & { now?: Date } = {},
): Promise<Bundle> {
  const source = await fhirSourceForExport(patientId, options);
  return bundleOf(source, options.now ?? new Date());
}
