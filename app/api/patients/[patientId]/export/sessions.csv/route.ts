import { sessionsCsv } from "@/lib/export/csv";
import { exportFilename } from "@/lib/export/filenames";
import { fileAnswerWith } from "@/lib/route-answers";

export const dynamic = "force-dynamic";

/** The patient's sessions, one row per exercise and side as CSV (lib/export/csv.ts), for the patient or a linked physiotherapist. */
export async function GET(
  _request: Request,
  context: RouteContext<"/api/patients/[patientId]/export/sessions.csv">,
) {
  const { patientId } = await context.params;
  return fileAnswerWith(
    async () => ({
      body: await sessionsCsv(patientId),
      type: "text/csv; charset=utf-8",
      filename: exportFilename("sessions", "csv"),
    }),
    "Sign in to export this data.",
  );
}
