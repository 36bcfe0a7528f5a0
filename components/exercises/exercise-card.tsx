import Image from "next/image";
import Link from "next/link";
import { categoryLabels, startingPositionLabels } from "@/lib/catalog/exercises";
import type { ExerciseSummary } from "@/lib/data/exercises";
import { formatDose } from "./format-dose";

export function ExerciseCard({ exercise }: { exercise: ExerciseSummary }) {
  return (
    <li className="flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <Image
        src={exercise.illustration}
        alt=""
        width={240}
        height={160}
        className="h-auto w-full bg-slate-50"
        unoptimized
      />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h2 className="text-lg font-semibold">
          <Link href={`/exercises/${exercise.slug}`}>{exercise.name}</Link>
        </h2>
        <p className="flex flex-wrap gap-2 text-xs font-medium">
          <span className="rounded-full bg-brand-100 px-2 py-0.5 text-brand-800">
            {categoryLabels[exercise.category]}
          </span>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700">
            {startingPositionLabels[exercise.startingPosition]}
          </span>
        </p>
        <p className="text-sm text-slate-700">{exercise.summary}</p>
        <p className="mt-auto text-sm text-slate-600">{formatDose(exercise.defaultDose)}</p>
      </div>
    </li>
  );
}
