import type { Metadata } from "next";
import Link from "next/link";
import { AccessLogList } from "@/components/care/access-log-list";
import { Pagination } from "@/components/ui/pagination";
import { listAccessLog } from "@/lib/data/access-log";
import { requireRole } from "@/lib/data/current-user";
import { loadPage, pageNumber } from "@/lib/paging";

export const metadata: Metadata = { title: "Who has seen your data" };

export default async function AccessLogPage(props: PageProps<"/account/access">) {
  const patient = await requireRole("PATIENT");
  const log = await loadPage(listAccessLog, pageNumber((await props.searchParams).page));
  return (
    <div className="max-w-2xl space-y-6">
      <div className="space-y-1">
        <p>
          <Link href="/account">← Account</Link>
        </p>
        <h1 className="text-2xl font-bold">Who has seen your data</h1>
        <p className="text-slate-700">
          Every time someone else looks at or changes your records, it is written here, newest first. What
          they changed (a prescription, a comment, a note) has a line each; their looks are counted per person
          and day, and a page left open that refreshes by itself does not count as another look. This list
          cannot be edited or deleted, by them or by us through the app. Your own downloads of your data are
          listed too.
        </p>
      </div>
      <AccessLogList entries={log.items} timeZone={patient.timezone} />
      <Pagination page={log.page} pages={log.pages} href={(target) => `/account/access?page=${target}`} />
    </div>
  );
}
