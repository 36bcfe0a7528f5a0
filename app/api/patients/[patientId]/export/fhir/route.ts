import { fhirBundle } from "@/lib/export/fhir";
import { exportFilename } from "@/lib/export/filenames";
import { fileAnswerWith } from "@/lib/route-answers";

export const dynamic = "force-dynamic";

/** The patient's data as a FHIR R4 Bundle (lib/export/fhir.ts), for the patient or a linked physiotherapist. */
export async function GET(_request: Request, context: RouteContext<"/api/patients/[patientId]/export/fhir">) {
  const { patientId } = await context.params;
  return fileAnswerWith(
    async () => ({
      body: JSON.stringify(await fhirBundle(patientId), null, 2),
      type: "application/fhir+json; charset=utf-8",
      filename: exportFilename("health-record-fhir", "json"),
    }),
    "Sign in to export this data.",
  );
}
