import type { Metadata } from "next";
import { ProgressReportView } from "@/components/printouts/progress-report";
import { ReportPeriodForm } from "@/components/printouts/report-period-form";
import { getProgressReport } from "@/lib/data/printouts";

export const metadata: Metadata = { title: "Progress report" };

export default async function PatientReportPage(props: PageProps<"/patients/[patientId]/report">) {
  const [{ patientId }, query] = await Promise.all([props.params, props.searchParams]);
  const notes = query.notes === "1";
  const answer = await getProgressReport(patientId, { from: query.from, to: query.to, notes });
  return (
    <div className="space-y-5">
      <p data-print-hide="" className="text-slate-700">
        Choose the days the report covers and whether your clinical notes are in it, then print it or save it
        as a PDF for your records, a referral or a discharge letter.{" "}
        {answer.ok ? answer.report.patient.name : answer.patient.name} sees that you opened it.
      </p>
      <ReportPeriodForm
        action={`/patients/${patientId}/report`}
        values={answer.ok ? answer.report.period : answer.values}
        errors={answer.ok ? {} : answer.errors}
        notesChoice={notes}
      />
      {answer.ok ? (
        <ProgressReportView report={answer.report} />
      ) : (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          The report needs a different period: see the message beside the dates.
        </p>
      )}
    </div>
  );
}
