import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { ExportLinks } from "@/components/exports/export-links";
import { OutcomeCharts } from "@/components/outcomes/outcome-charts";
import { ProgressView } from "@/components/progress/progress-view";
import { requireRole } from "@/lib/data/current-user";
import { getOutcomeResults } from "@/lib/data/outcomes";
import { getProgress } from "@/lib/data/progress";
import type { ProgressRange } from "@/lib/domain/progress";
import { queryKeys } from "@/lib/query-keys";

export const metadata: Metadata = { title: "Your progress" };

const initialRange: ProgressRange = "3m";

export default async function ProgressPage() {
  const patient = await requireRole("PATIENT");
  // Rendered with data on the server, so the first paint has charts and no spinner.
  const queryClient = new QueryClient();
  const [, outcomes] = await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.progress(patient.id, initialRange),
      queryFn: () => getProgress(patient.id, initialRange),
    }),
    getOutcomeResults(patient.id),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Your progress</h1>
        <p className="text-slate-700">
          How your pain, sessions and exercises have changed. Each chart has a table with the same numbers.
        </p>
        <p>
          <Link href="/progress/report">Progress report for a period</Link>, to print or save as a PDF
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProgressView patientId={patient.id} initialRange={initialRange} />
      </HydrationBoundary>
      <OutcomeCharts series={outcomes} audience="patient" />
      <ExportLinks patientId={patient.id} audience="patient" />
    </div>
  );
}
