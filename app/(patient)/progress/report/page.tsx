import type { Metadata } from "next";
import Link from "next/link";
import { ProgressReportView } from "@/components/printouts/progress-report";
import { ReportPeriodForm } from "@/components/printouts/report-period-form";
import { requireRole } from "@/lib/data/current-user";
import { getProgressReport } from "@/lib/data/printouts";

export const metadata: Metadata = { title: "Your progress report" };

export default async function ProgressReportPage(props: PageProps<"/progress/report">) {
  const patient = await requireRole("PATIENT");
  const { from, to } = await props.searchParams;
  const answer = await getProgressReport(patient.id, { from, to });
  return (
    <div className="space-y-5">
      <div data-print-hide="" className="space-y-2">
        <p>
          <Link href="/progress">← Your progress</Link>
        </p>
        <p className="text-slate-700">
          Choose the days the report covers, then print it or save it as a PDF to keep or to show someone.
        </p>
      </div>
      <ReportPeriodForm
        action="/progress/report"
        values={answer.ok ? answer.report.period : answer.values}
        errors={answer.ok ? {} : answer.errors}
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
