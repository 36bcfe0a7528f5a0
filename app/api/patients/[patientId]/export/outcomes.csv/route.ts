import { outcomesCsv } from "@/lib/export/csv";
import { exportFilename } from "@/lib/export/filenames";
import { fileAnswerWith } from "@/lib/route-answers";

export const dynamic = "force-dynamic";

/** The patient's questionnaire answers and scores as CSV (lib/export/csv.ts), for the patient or a linked physiotherapist. */
export async function GET(
  _request: Request,
  context: RouteContext<"/api/patients/[patientId]/export/outcomes.csv">,
) {
  const { patientId } = await context.params;
  return fileAnswerWith(
    async () => ({
      body: await outcomesCsv(patientId),
      type: "text/csv; charset=utf-8",
      filename: exportFilename("questionnaire-scores", "csv"),
    }),
    "Sign in to export this data.",
  );
}
