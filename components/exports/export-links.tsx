import { buttonClasses } from "@/components/ui/button";

const files = [
  { path: "sessions.csv", label: "Sessions", format: "CSV" },
  { path: "pain.csv", label: "Pain ratings", format: "CSV" },
  { path: "outcomes.csv", label: "Questionnaire scores", format: "CSV" },
  { path: "fhir", label: "Everything", format: "FHIR R4, JSON" },
] as const;

/**
 * The "Export" section: plain download links to the export routes, which check access and record
 * each download. Works without JavaScript.
 */
export function ExportLinks({ patientId, audience }: { patientId: string; audience: "patient" | "physio" }) {
  return (
    <section aria-labelledby="export-heading" className="space-y-3 border-t border-slate-200 pt-6">
      <h2 id="export-heading" className="text-lg font-semibold">
        Export
      </h2>
      <p className="max-w-xl text-sm text-slate-700">
        {audience === "patient"
          ? "Download a copy of your records. CSV files open in a spreadsheet; the FHIR file is for another health app or a clinic's system."
          : "Download this patient's records for your own files. Each download is recorded, and the patient can see it in their list of who has seen their data."}
      </p>
      <ul className="flex flex-wrap gap-3">
        {files.map((file) => (
          <li key={file.path}>
            <a
              href={`/api/patients/${encodeURIComponent(patientId)}/export/${file.path}`}
              download
              className={buttonClasses("secondary")}
            >
              {file.label} <span className="font-normal text-slate-600">({file.format})</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
