import { randomUUID } from "node:crypto";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { ExportLinks } from "@/components/exports/export-links";
import { AssignOutcomeForm } from "@/components/outcomes/assign-outcome-form";
import { OutcomeCharts } from "@/components/outcomes/outcome-charts";
import { OutcomeSchedules } from "@/components/outcomes/outcome-schedules";
import { ProgressView } from "@/components/progress/progress-view";
import { WeeklyTargetForm } from "@/components/progress/weekly-target-form";
import { buttonClasses } from "@/components/ui/button";
import { getOutcomeResults, listOutcomeAssignments } from "@/lib/data/outcomes";
import { getProgress } from "@/lib/data/progress";
import type { ProgressRange } from "@/lib/domain/progress";
import { queryKeys } from "@/lib/query-keys";

export const metadata: Metadata = { title: "Patient progress" };

const initialRange: ProgressRange = "3m";

export default async function PatientProgressPage(props: PageProps<"/patients/[patientId]">) {
  const { patientId } = await props.params;
  const queryClient = new QueryClient();
  // getProgress checks the care link and records the read; a missing link is "not found".
  const progress = await queryClient.fetchQuery({
    queryKey: queryKeys.progress(patientId, initialRange),
    queryFn: () => getProgress(patientId, initialRange),
  });
  const [outcomes, { today, schedules }] = await Promise.all([
    getOutcomeResults(patientId),
    listOutcomeAssignments(patientId),
  ]);
  return (
    <div className="space-y-10">
      <p>
        <Link href={`/patients/${patientId}/report`}>Progress report for a period</Link>: to print or save as
        a PDF, with or without your clinical notes
      </p>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProgressView patientId={patientId} initialRange={initialRange} audience="physio" />
      </HydrationBoundary>
      <OutcomeCharts series={outcomes} audience="physio" />
      <section
        aria-labelledby="schedule-outcome-heading"
        className="space-y-3 border-t border-slate-200 pt-6"
      >
        <h2 id="schedule-outcome-heading" className="text-lg font-semibold">
          Ask for a questionnaire
        </h2>
        <p className="max-w-xl text-sm text-slate-700">
          It shows on the patient&apos;s Today from the first date, in their time zone, until answered.
        </p>
        <OutcomeSchedules patientId={patientId} schedules={schedules} />
        <AssignOutcomeForm patientId={patientId} today={today} requestId={randomUUID()} />
      </section>
      <section aria-labelledby="weekly-target-heading" className="space-y-2 border-t border-slate-200 pt-6">
        <h2 id="weekly-target-heading" className="text-lg font-semibold">
          Weekly target
        </h2>
        <p className="max-w-xl text-sm text-slate-700">
          Sets when a week counts as on target in the sessions chart and its streak, for this patient only.
        </p>
        <WeeklyTargetForm patientId={patientId} current={progress.adherence.targetPercent} />
      </section>
      <ExportLinks patientId={patientId} audience="physio" />
      <section
        aria-labelledby="end-link-heading"
        className="max-w-xl space-y-2 border-t border-slate-200 pt-6"
      >
        <h2 id="end-link-heading" className="text-lg font-semibold">
          End the care link
        </h2>
        <p className="text-sm text-slate-700">
          When care has finished. You will no longer see this patient&apos;s data apart from your own clinical
          notes up to that day; they keep their records and routine. You are asked to confirm first.
        </p>
        <Link href={`/patients/${patientId}/end-link`} className={buttonClasses("danger")}>
          End care link…
        </Link>
      </section>
    </div>
  );
}
