import type { Metadata } from "next";
import Link from "next/link";
import { painEntryVersionLines } from "@/components/history/describe-versions";
import { painContextLabels } from "@/components/history/labels";
import { VersionList } from "@/components/history/version-list";
import { requireRole } from "@/lib/data/current-user";
import { getPainEntry, listPainEntryRevisions } from "@/lib/data/pain";
import { formatDateTime } from "@/lib/format";
import { painAreaLabels } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Earlier versions of a pain entry" };

export default async function PainEntryVersionsPage(props: PageProps<"/history/pain/[id]/versions">) {
  const patient = await requireRole("PATIENT");
  const { id } = await props.params;
  const [entry, revisions] = await Promise.all([
    getPainEntry(patient.id, id),
    listPainEntryRevisions(patient.id, id),
  ]);
  const tz = patient.timezone;
  return (
    <div className="max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Earlier versions</h1>
        <p className="text-slate-700">
          {painAreaLabels[entry.region]}, {painContextLabels[entry.context].toLowerCase()}, recorded{" "}
          {formatDateTime(entry.recordedAt, tz)}. Every change is kept: what it changed, when and by whom.
        </p>
      </div>
      <VersionList lines={painEntryVersionLines(entry, revisions, patient.id, tz)} timeZone={tz} />
      <p>
        <Link href="/history?tab=pain">Back to history</Link>
      </p>
    </div>
  );
}
