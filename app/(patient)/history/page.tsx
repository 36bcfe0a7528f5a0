import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { HistoryPagination } from "@/components/history/history-pagination";
import { type HistoryTab, HistoryTabs } from "@/components/history/history-tabs";
import { HistoryUndo } from "@/components/history/history-undo";
import { PainHistoryList } from "@/components/history/pain-history-list";
import { SavedNotice } from "@/components/history/saved-notice";
import { SessionHistoryList } from "@/components/history/session-history-list";
import { buttonClasses } from "@/components/ui/button";
import { listSessionComments } from "@/lib/data/clinical-notes";
import { requireRole } from "@/lib/data/current-user";
import { listPainEntries } from "@/lib/data/pain";
import { listSessions } from "@/lib/data/sessions";
import { loadPage, pageNumber } from "@/lib/paging";

export const metadata: Metadata = { title: "History" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// What an edit form sends the patient back with (see the edit forms).
const savedMessages: Record<string, string> = {
  session: "Session updated. The earlier version is kept.",
  pain: "Pain entry updated. The earlier version is kept.",
};

export default async function HistoryPage(props: PageProps<"/history">) {
  const patient = await requireRole("PATIENT");
  const search = await props.searchParams;
  const tab: HistoryTab = first(search.tab) === "pain" ? "pain" : "sessions";
  const showDeleted = first(search.show) === "deleted";
  const saved = savedMessages[first(search.saved) ?? ""];
  const requested = pageNumber(search.page);
  const filter = { deleted: showDeleted };
  const headingId = `${tab}-heading`;
  let content: ReactNode;
  let pagination: { page: number; pages: number };
  if (tab === "pain") {
    const result = await loadPage((page) => listPainEntries(patient.id, page, filter), requested);
    pagination = result;
    content = result.items.length ? (
      <PainHistoryList entries={result.items} timeZone={patient.timezone} />
    ) : (
      <EmptyHistory tab={tab} showDeleted={showDeleted} />
    );
  } else {
    const result = await loadPage((page) => listSessions(patient.id, page, filter), requested);
    const comments = await listSessionComments(
      patient.id,
      result.items.map((session) => session.id),
    );
    pagination = result;
    content = result.items.length ? (
      <SessionHistoryList sessions={result.items} timeZone={patient.timezone} comments={comments} />
    ) : (
      <EmptyHistory tab={tab} showDeleted={showDeleted} />
    );
  }
  const what = tab === "pain" ? "pain entries" : "sessions";
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">History</h1>
          <p className="text-slate-700">
            Newest first. A deleted entry leaves the list; Undo brings it back, and so does Restore under
            “Show deleted”.
          </p>
        </div>
        <Link href="/log" className={buttonClasses("secondary")}>
          Log a session
        </Link>
      </div>
      {saved ? <SavedNotice>{saved}</SavedNotice> : null}
      <HistoryTabs current={tab} />
      <section aria-labelledby={headingId} className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={headingId} className={showDeleted ? "text-lg font-semibold" : "sr-only"}>
            {showDeleted ? `Deleted ${what}` : tab === "pain" ? "Pain entries" : "Sessions"}
          </h2>
          <Link
            href={`/history?tab=${tab}${showDeleted ? "" : "&show=deleted"}`}
            className="ml-auto min-h-11 content-center px-2 text-sm"
          >
            {showDeleted ? "Hide deleted" : "Show deleted"}
          </Link>
        </div>
        <HistoryUndo>{content}</HistoryUndo>
        <HistoryPagination
          tab={tab}
          page={pagination.page}
          pages={pagination.pages}
          showDeleted={showDeleted}
        />
      </section>
    </div>
  );
}

function EmptyHistory({ tab, showDeleted }: { tab: HistoryTab; showDeleted: boolean }) {
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
      {showDeleted ? (
        <p>Nothing deleted. Entries you delete are listed here, where you can restore them.</p>
      ) : tab === "pain" ? (
        <p>
          No pain entries yet. A check-in on <Link href="/today">Today</Link> takes two taps, and shows up
          here.
        </p>
      ) : (
        <p>
          No sessions yet. When you <Link href="/session">do a guided session</Link> or{" "}
          <Link href="/log">log one you did earlier</Link>, it shows up here.
        </p>
      )}
    </div>
  );
}
