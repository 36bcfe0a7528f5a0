import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { UnreadForPhysio } from "@/components/care/unread-replies";
import { CaseloadView } from "@/components/caseload/caseload-view";
import { buttonClasses } from "@/components/ui/button";
import { getCaseload } from "@/lib/data/caseload";
import { requireRole } from "@/lib/data/current-user";
import { queryKeys } from "@/lib/query-keys";

export const metadata: Metadata = { title: "Your patients" };

export default async function CaseloadPage(props: PageProps<"/caseload">) {
  const physio = await requireRole("PHYSIO");
  const { ended } = await props.searchParams;
  // Rendered with data on the server, so the first paint has the list and no spinner. fetchQuery
  // (not prefetchQuery) so a failure reaches the error page instead of an empty list.
  const queryClient = new QueryClient();
  await queryClient.fetchQuery({ queryKey: queryKeys.caseload(), queryFn: () => getCaseload() });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Your patients</h1>
          <p className="text-slate-700">Those who may need you most come first.</p>
        </div>
        <Link href="/caseload/invite" className={buttonClasses("secondary")}>
          Invite a patient
        </Link>
      </div>
      {ended !== undefined ? (
        <p
          role="status"
          className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          The care link has ended. The patient no longer appears here; your clinical notes about them stay
          readable under <Link href="/caseload/invite#ended-heading">Ended care links</Link>.
        </p>
      ) : null}
      <UnreadForPhysio />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CaseloadView timeZone={physio.timezone} />
      </HydrationBoundary>
    </div>
  );
}
