import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { UnreadForPatient } from "@/components/care/unread-replies";
import { TodayWithOfflineSession } from "@/components/offline/offline-session";
import { DueOutcomes } from "@/components/outcomes/due-outcomes";
import { PainCheckIn } from "@/components/pain/pain-check-in";
import { HelpLink } from "@/components/safety/help-link";
import { PainAdvice } from "@/components/safety/pain-advice";
import { planItemsFor } from "@/components/sessions/plan-items";
import { DoneToday } from "@/components/today/done-today";
import { DueToday } from "@/components/today/due-today";
import { FromPhysio } from "@/components/today/from-physio";
import { StarterRoutineCard } from "@/components/today/starter-routine-card";
import { starterRoutineSlugs } from "@/lib/catalog/starter-routine";
import { listRecentComments } from "@/lib/data/clinical-notes";
import { requireRole } from "@/lib/data/current-user";
import { listExercises } from "@/lib/data/exercises";
import { getGuidedLeadInSeconds, getGuidedPlan } from "@/lib/data/guided-session";
import { listDueOutcomes } from "@/lib/data/outcomes";
import { getMainPainArea, getPainStatus } from "@/lib/data/pain";
import { getPatientHome } from "@/lib/data/patient-home";
import { formatDateTime } from "@/lib/format";
import { painAreaLabels } from "@/lib/validation/fields";

const contextNotes = {
  CHECK_IN: "",
  BEFORE_SESSION: ", before a session",
  AFTER_SESSION: ", after a session",
};

export const metadata: Metadata = { title: "Today" };

const secondaryLinks = [
  { href: "/log", label: "Log a session" },
  { href: "/history", label: "History" },
  { href: "/routine", label: "Routine" },
  { href: "/reminders", label: "Reminders" },
] as const;

export default async function TodayPage() {
  const patient = await requireRole("PATIENT");
  const fortnightAgo = new Date(Date.now() - 14 * 86_400_000);
  const [home, comments, pain, dueOutcomes, plan, mainPainArea, leadInSeconds] = await Promise.all([
    getPatientHome(patient.id),
    listRecentComments(patient.id, fortnightAgo),
    getPainStatus(patient.id),
    listDueOutcomes(),
    // The guided session, held in the page so it can run without a connection.
    getGuidedPlan(),
    getMainPainArea(),
    getGuidedLeadInSeconds(),
  ]);
  // 7 or more, or 2 above the area's own average: the same rule the physiotherapist's flags use.
  const showGuidance = pain.some((area) => area.recent && (area.severe || area.flare));
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
    timeZone: "UTC",
  }).format(new Date(`${home.today.date}T12:00:00Z`));
  return (
    <TodayWithOfflineSession
      items={planItemsFor(plan)}
      requestId={randomUUID()}
      timeZone={patient.timezone}
      mainPainArea={mainPainArea}
      leadInSeconds={leadInSeconds}
    >
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

        <DueOutcomes due={dueOutcomes} />

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

        {showGuidance ? (
          <section aria-labelledby="pain-advice-heading" className="space-y-2">
            <h2 id="pain-advice-heading" className="text-lg font-semibold">
              Your pain is high or higher than usual
            </h2>
            <p className="text-slate-800">
              A rating of 7 or more, or 2 points above your usual for that area, was logged in the last 14
              days. A physiotherapist you have linked sees it when they next look; nobody watches ratings as
              they arrive.
            </p>
            <PainAdvice />
          </section>
        ) : null}

        <section aria-labelledby="pain-heading" className="space-y-3">
          <h2 id="pain-heading" className="text-lg font-semibold">
            Latest pain by area
          </h2>
          {pain.length === 0 ? (
            <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-800">
              None yet. The check-in below takes a few seconds.
            </p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
              {pain.map((area) => (
                <li key={area.area} className="px-4 py-3 text-slate-800">
                  <span className="font-semibold">{painAreaLabels[area.area]}</span>{" "}
                  <span className="text-2xl font-bold">{area.rating}</span>
                  <span className="text-slate-700">/10</span>
                  {contextNotes[area.context]},{" "}
                  <time dateTime={area.at}>{formatDateTime(new Date(area.at), patient.timezone)}</time>
                </li>
              ))}
            </ul>
          )}
        </section>

        <PainCheckIn requestId={randomUUID()} />
      </div>
    </TodayWithOfflineSession>
  );
}
