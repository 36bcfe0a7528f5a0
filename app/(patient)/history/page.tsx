import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { HistoryPagination } from "@/components/history/history-pagination";
import { type HistoryTab, HistoryTabs } from "@/components/history/history-tabs";
import { PainHistoryList } from "@/components/history/pain-history-list";
import { SessionHistoryList } from "@/components/history/session-history-list";
import { buttonClasses } from "@/components/ui/button";
import { listSessionComments } from "@/lib/data/clinical-notes";
import { requireRole } from "@/lib/data/current-user";
import { listPainEntries } from "@/lib/data/pain";
import { listSessions } from "@/lib/data/sessions";
import { loadPage, pageNumber } from "@/lib/paging";

export const metadata: Metadata = { title: "History" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function HistoryPage(props: PageProps<"/history">) {
  const patient = await requireRole("PATIENT");
  const search = await props.searchParams;
  const tab: HistoryTab = first(search.tab) === "pain" ? "pain" : "sessions";
  const requested = pageNumber(search.page);
  const headingId = `${tab}-heading`;
  let content: ReactNode;
  let pagination: { page: number; pages: number };
  if (tab === "pain") {
    const result = await loadPage((page) => listPainEntries(patient.id, page), requested);
    pagination = result;
    content = result.items.length ? (
      <PainHistoryList entries={result.items} timeZone={patient.timezone} />
    ) : (
      <EmptyHistory tab={tab} />
    );
  } else {
    const result = await loadPage((page) => listSessions(patient.id, page), requested);
    const comments = await listSessionComments(
      patient.id,
      result.items.map((session) => session.id),
    );
    pagination = result;
    content = result.items.length ? (
      <SessionHistoryList sessions={result.items} timeZone={patient.timezone} comments={comments} />
    ) : (
      <EmptyHistory tab={tab} />
    );
  }
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">History</h1>
          <p className="text-slate-700">Newest first. A deleted entry can be brought back with Undo.</p>
        </div>
        <Link href="/log" className={buttonClasses("secondary")}>
          Log a session
        </Link>
      </div>
      <HistoryTabs current={tab} />
      <section aria-labelledby={headingId} className="space-y-4">
        {/* The selected tab already names the section on screen. */}
        <h2 id={headingId} className="sr-only">
          {tab === "pain" ? "Pain entries" : "Sessions"}
        </h2>
        {content}
        <HistoryPagination tab={tab} page={pagination.page} pages={pagination.pages} />
      </section>
    </div>
  );
}

function EmptyHistory({ tab }: { tab: HistoryTab }) {
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
      {tab === "pain" ? (
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
