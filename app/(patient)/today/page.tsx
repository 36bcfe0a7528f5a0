import type { Metadata } from "next";
import Link from "next/link";
import { formatDose } from "@/components/exercises/format-dose";
import { getPatientHome } from "@/lib/data/patient-home";
import { requireRole } from "@/lib/data/session";
import { describeDays } from "@/lib/domain/schedule";

export const metadata: Metadata = { title: "Today" };

const regionLabels: Record<string, string> = {
  LEFT_HIP: "left hip",
  RIGHT_HIP: "right hip",
  LOWER_BACK: "lower back",
};

export default async function TodayPage() {
  const patient = await requireRole("PATIENT");
  const home = await getPatientHome(patient.id);
  const due = home.routine.filter((item) => item.dueToday);
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: patient.timezone,
  });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Hello, {patient.name}</h1>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Latest pain rating</dt>
          <dd className="text-lg font-semibold">
            {home.lastPain
              ? `${home.lastPain.rating}/10 in your ${regionLabels[home.lastPain.region] ?? "body"}, ${when.format(home.lastPain.recordedAt)}`
              : "None yet"}
          </dd>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Sessions in the last 7 days</dt>
          <dd className="text-lg font-semibold">{home.sessionsLast7Days}</dd>
        </div>
      </dl>
      <section aria-labelledby="due-heading" className="space-y-3">
        <h2 id="due-heading" className="text-lg font-semibold">
          Due today
        </h2>
        {home.routine.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
            You have no routine yet. Start by reading through the <Link href="/exercises">exercises</Link>.
            Your physiotherapist can also prescribe a routine for you.
          </p>
        ) : due.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
            Nothing is scheduled today. Rest well.
          </p>
        ) : (
          <ul className="space-y-2">
            {due.map((item) => (
              <li key={item.id} className="rounded-xl border border-slate-200 bg-white p-4">
                <Link href={`/exercises/${item.exerciseSlug}`} className="font-semibold">
                  {item.exerciseName}
                </Link>
                <p className="text-sm text-slate-700">
                  {formatDose(item)} · {describeDays(item.daysOfWeek)}
                </p>
                <p className="text-xs text-slate-600">
                  Set by {item.setByRole === "PHYSIO" ? `your physiotherapist, ${item.setByName}` : "you"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
