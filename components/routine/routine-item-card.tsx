import Image from "next/image";
import Link from "next/link";
import { formatDose } from "@/components/exercises/format-dose";
import { categoryLabels } from "@/lib/catalog/exercises";
import type { RoutineItemView } from "@/lib/data/routine";
import { describeDays } from "@/lib/domain/schedule";
import { doseDraftOf } from "./dose-draft";
import { EditItemForm } from "./edit-item-form";
import { MoveItemForm } from "./move-item-form";
import { RemoveItemForm } from "./remove-item-form";

export type ItemRequestIds = { edit: string; remove: string; move: string };

export function RoutineItemCard({
  item,
  provenance,
  isFirst,
  isLast,
  requestIds,
  patientId,
}: {
  item: RoutineItemView;
  /** Set when a physiotherapist manages this patient's routine: every item can be changed. */
  patientId?: string;
  provenance: string;
  isFirst: boolean;
  isLast: boolean;
  requestIds: ItemRequestIds;
}) {
  // The patient cannot change what a physiotherapist prescribed; a physiotherapist can change anything.
  const locked = !patientId && item.setBy.role === "PHYSIO";
  const prescribed = item.setBy.role === "PHYSIO";
  const name = item.exercise.name;
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex items-start gap-3">
        <Image
          src={item.exercise.illustration}
          alt=""
          width={72}
          height={48}
          className="h-12 w-18 shrink-0 rounded bg-slate-50"
          unoptimized
        />
        <div className="min-w-0 space-y-1">
          <h3 className="text-lg font-semibold">
            <Link href={`/exercises/${item.exercise.slug}`}>{name}</Link>
          </h3>
          <p className="text-sm text-slate-800">
            {categoryLabels[item.exercise.category]} · {formatDose(item)} · {describeDays(item.daysOfWeek)}
          </p>
          <p className={`text-sm ${prescribed ? "font-medium text-brand-800" : "text-slate-600"}`}>
            {provenance}
          </p>
        </div>
      </div>
      {locked ? (
        <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800">
          Only your physiotherapist can change or stop this exercise, so ask them if it needs adjusting. You
          can still move it.
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-2">
        <MoveItemForm
          itemId={item.id}
          exerciseName={name}
          isFirst={isFirst}
          isLast={isLast}
          requestId={requestIds.move}
          patientId={patientId}
        />
        {locked ? null : (
          <RemoveItemForm
            itemId={item.id}
            exerciseName={name}
            requestId={requestIds.remove}
            patientId={patientId}
          />
        )}
      </div>
      {locked ? null : (
        <details className="group rounded-lg border border-slate-200">
          <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-semibold text-brand-800">
            Change dose or days<span className="sr-only"> for {name}</span>
          </summary>
          <div className="border-t border-slate-200 p-3">
            <EditItemForm
              itemId={item.id}
              dose={doseDraftOf(item)}
              requestId={requestIds.edit}
              patientId={patientId}
            />
          </div>
        </details>
      )}
    </li>
  );
}
