import type { Metadata } from "next";
import { HistoryPagination } from "@/components/history/history-pagination";
import { type HistoryTab, HistoryTabs } from "@/components/history/history-tabs";
import { PainHistoryList } from "@/components/history/pain-history-list";
import { SessionHistoryList } from "@/components/history/session-history-list";
import { getLinkedPatient } from "@/lib/data/care-links";
import { listSessionComments } from "@/lib/data/clinical-notes";
import { listPainEntries } from "@/lib/data/pain";
import { listSessions } from "@/lib/data/sessions";
import { loadPage, pageNumber } from "@/lib/paging";

export const metadata: Metadata = { title: "Patient sessions and pain" };

export default async function PatientHistoryPage(props: PageProps<"/patients/[patientId]/history">) {
  const { patientId } = await props.params;
  const search = await props.searchParams;
  const patient = await getLinkedPatient(patientId);
  const tab: HistoryTab = search.tab === "pain" ? "pain" : "sessions";
  const requested = pageNumber(search.page);
  const basePath = `/patients/${patientId}/history`;
  if (tab === "pain") {
    const result = await loadPage((page) => listPainEntries(patientId, page), requested);
    return (
      <div className="max-w-3xl space-y-4">
        <HistoryTabs current={tab} basePath={basePath} />
        <h2 className="sr-only">Pain entries</h2>
        {result.items.length ? (
          <PainHistoryList entries={result.items} timeZone={patient.timezone} readOnly />
        ) : (
          <p className="text-slate-700">No pain entries yet.</p>
        )}
        <HistoryPagination tab={tab} page={result.page} pages={result.pages} basePath={basePath} />
      </div>
    );
  }
  const result = await loadPage((page) => listSessions(patientId, page), requested);
  const comments = await listSessionComments(
    patientId,
    result.items.map((session) => session.id),
  );
  return (
    <div className="max-w-3xl space-y-4">
      <HistoryTabs current={tab} basePath={basePath} />
      <h2 className="sr-only">Sessions</h2>
      <p className="text-sm text-slate-700">Times are in the patient&apos;s time zone, {patient.timezone}.</p>
      {result.items.length ? (
        <SessionHistoryList
          sessions={result.items}
          timeZone={patient.timezone}
          comments={comments}
          physioFor={{ patientId }}
        />
      ) : (
        <p className="text-slate-700">No sessions yet.</p>
      )}
      <HistoryPagination tab={tab} page={result.page} pages={result.pages} basePath={basePath} />
    </div>
  );
}
