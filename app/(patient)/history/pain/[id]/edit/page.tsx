import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { painContextLabels } from "@/components/history/labels";
import { PainEntryEditForm } from "@/components/history/pain-entry-edit-form";
import { requireRole } from "@/lib/data/current-user";
import { getPainEntry } from "@/lib/data/pain";
import { formatDateTime, toDateTimeLocalValue } from "@/lib/format";
import { painAreaLabels } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Edit pain entry" };

export default async function EditPainEntryPage(props: PageProps<"/history/pain/[id]/edit">) {
  const patient = await requireRole("PATIENT");
  const { id } = await props.params;
  const entry = await getPainEntry(patient.id, id);
  const tz = patient.timezone;
  const regionLabel = painAreaLabels[entry.region];
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Edit pain entry</h1>
        <p className="text-slate-700">
          {regionLabel}, {painContextLabels[entry.context].toLowerCase()}, recorded{" "}
          {formatDateTime(entry.recordedAt, tz)}. Saving keeps the earlier version.
        </p>
      </div>
      <PainEntryEditForm
        entry={{
          id: entry.id,
          regionLabel,
          rating: entry.rating,
          recordedAt: toDateTimeLocalValue(entry.recordedAt, tz),
          note: entry.note,
        }}
        requestId={randomUUID()}
        maxRecordedAt={toDateTimeLocalValue(new Date(), tz)}
        timeZone={tz}
      />
    </div>
  );
}
