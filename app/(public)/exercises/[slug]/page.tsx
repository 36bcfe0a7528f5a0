import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDose } from "@/components/exercises/format-dose";
import { SafetyNotice } from "@/components/exercises/safety-notice";
import { categoryLabels, startingPositionLabels } from "@/lib/catalog/exercises";
import { getExercise } from "@/lib/data/exercises";

export async function generateMetadata(props: PageProps<"/exercises/[slug]">): Promise<Metadata> {
  const exercise = await getExercise((await props.params).slug);
  return { title: exercise?.name ?? "Exercise not found" };
}

export default async function ExercisePage(props: PageProps<"/exercises/[slug]">) {
  const exercise = await getExercise((await props.params).slug);
  if (!exercise) notFound();
  return (
    <article className="space-y-6">
      <p className="text-sm">
        <Link href="/exercises">← All exercises</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{exercise.name}</h1>
        <p className="flex flex-wrap gap-2 text-sm font-medium">
          <span className="rounded-full bg-brand-100 px-2 py-0.5 text-brand-800">
            {categoryLabels[exercise.category]}
          </span>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700">
            {startingPositionLabels[exercise.startingPosition]}
          </span>
        </p>
        <p className="max-w-2xl text-slate-700">{exercise.summary}</p>
      </header>
      <div className="grid gap-6 md:grid-cols-2">
        <Image
          src={exercise.illustration}
          alt={`Illustration of the ${exercise.name.toLowerCase()} position`}
          width={480}
          height={320}
          className="h-auto w-full rounded-xl border border-slate-200 bg-white"
          unoptimized
          priority
        />
        <div className="space-y-4">
          <section aria-labelledby="steps-heading">
            <h2 id="steps-heading" className="mb-2 text-lg font-semibold">
              How to do it
            </h2>
            <ol className="list-decimal space-y-2 pl-5">
              {exercise.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="dose-heading">
            <h2 id="dose-heading" className="mb-1 text-lg font-semibold">
              Usual dose
            </h2>
            <p>{formatDose(exercise.defaultDose)}. Your physiotherapist may set a different one.</p>
          </section>
        </div>
      </div>
      <section aria-labelledby="muscles-heading">
        <h2 id="muscles-heading" className="mb-2 text-lg font-semibold">
          Muscles it works
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {exercise.targetMuscles.map((muscle) => (
            <li key={muscle}>{muscle}</li>
          ))}
        </ul>
      </section>
      <section
        aria-labelledby="cautions-heading"
        className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-950"
      >
        <h2 id="cautions-heading" className="mb-2 text-lg font-semibold">
          Take care
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {exercise.cautions.map((caution) => (
            <li key={caution}>{caution}</li>
          ))}
        </ul>
      </section>
      <SafetyNotice />
    </article>
  );
}
