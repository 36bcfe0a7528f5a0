import type { Metadata } from "next";
import Link from "next/link";
import { sessionVersionLines } from "@/components/history/describe-versions";
import { VersionList } from "@/components/history/version-list";
import { requireRole } from "@/lib/data/current-user";
import { getSession, listSessionRevisions } from "@/lib/data/sessions";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Earlier versions of a session" };

export default async function SessionVersionsPage(props: PageProps<"/history/sessions/[id]/versions">) {
  const patient = await requireRole("PATIENT");
  const { id } = await props.params;
  const [session, revisions] = await Promise.all([
    getSession(patient.id, id),
    listSessionRevisions(patient.id, id),
  ]);
  const tz = patient.timezone;
  return (
    <div className="max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Earlier versions</h1>
        <p className="text-slate-700">
          Session of {formatDateTime(session.startedAt, tz)}. Every change is kept: what it changed, when and
          by whom.
        </p>
      </div>
      <VersionList lines={sessionVersionLines(session, revisions, patient.id, tz)} timeZone={tz} />
      <p>
        <Link href="/history?tab=sessions">Back to history</Link>
      </p>
    </div>
  );
}
