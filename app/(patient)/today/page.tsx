import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { UnreadForPatient } from "@/components/care/unread-replies";
import { PainCheckIn } from "@/components/pain/pain-check-in";
import { HelpLink } from "@/components/safety/help-link";
import { DoneToday } from "@/components/today/done-today";
import { DueToday } from "@/components/today/due-today";
import { FromPhysio } from "@/components/today/from-physio";
import { StarterRoutineCard } from "@/components/today/starter-routine-card";
import { starterRoutineSlugs } from "@/lib/catalog/starter-routine";
import { listRecentComments } from "@/lib/data/clinical-notes";
import { requireRole } from "@/lib/data/current-user";
import { listExercises } from "@/lib/data/exercises";
import { getPatientHome } from "@/lib/data/patient-home";
import { formatDateTime } from "@/lib/format";
import { type PainRegion, painRegionLabels } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Today" };

const secondaryLinks = [
  { href: "/log", label: "Log a session" },
  { href: "/history", label: "History" },
  { href: "/routine", label: "Routine" },
] as const;

export default async function TodayPage() {
  const patient = await requireRole("PATIENT");
  const fortnightAgo = new Date(Date.now() - 14 * 86_400_000);
  const [home, comments] = await Promise.all([
    getPatientHome(patient.id),
    listRecentComments(patient.id, fortnightAgo),
  ]);
  const starter =
    home.routine.length === 0
      ? (await listExercises()).filter((exercise) =>
          (starterRoutineSlugs as readonly string[]).includes(exercise.slug),
        )
      : [];
  const dateLabel = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: patient.timezone,
  }).format(home.today.start);
  const lastPainRegion = home.lastPain
    ? (painRegionLabels[home.lastPain.region as PainRegion] ?? "Pain").toLowerCase()
    : null;
  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Hello, {patient.name}</h1>
        <p className="text-slate-700">{dateLabel}</p>
        <p className="mt-1 text-sm">
          Worrying symptoms? <HelpLink className="font-semibold" />
        </p>
      </div>

      {home.routine.length === 0 ? (
        <StarterRoutineCard exercises={starter} requestId={randomUUID()} />
      ) : (
        <DueToday routine={home.routine} />
      )}

      <UnreadForPatient />
      <FromPhysio comments={comments} timeZone={patient.timezone} />

      <nav aria-label="More for today" className="grid grid-cols-3 gap-2">
        {secondaryLinks.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className="flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-2 py-2 text-center text-sm font-semibold text-slate-900 no-underline hover:bg-slate-100 hover:no-underline"
          >
            {link.label}
          </Link>
        ))}
      </nav>

      <DoneToday
        sessions={home.sessionsToday}
        sessionsLast7Days={home.sessionsLast7Days}
        timeZone={patient.timezone}
      />

      <section aria-labelledby="pain-heading" className="space-y-3">
        <h2 id="pain-heading" className="text-lg font-semibold">
          Latest pain rating
        </h2>
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-800">
          {home.lastPain ? (
            <>
              <span className="text-2xl font-bold">{home.lastPain.rating}</span>
              <span className="text-slate-700">/10</span> in your {lastPainRegion},{" "}
              <time dateTime={home.lastPain.recordedAt.toISOString()}>
                {formatDateTime(home.lastPain.recordedAt, patient.timezone)}
              </time>
            </>
          ) : (
            "None yet. The check-in below takes a few seconds."
          )}
        </p>
      </section>

      <PainCheckIn requestId={randomUUID()} />
    </div>
  );
}
