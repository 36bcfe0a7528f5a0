import type { SessionToday } from "@/lib/data/patient-home";

function minutes(seconds: number): string {
  const value = Math.max(1, Math.round(seconds / 60));
  return `${value} ${value === 1 ? "minute" : "minutes"}`;
}

export function DoneToday({
  sessions,
  sessionsLast7Days,
  timeZone,
}: {
  sessions: SessionToday[];
  sessionsLast7Days: number;
  timeZone: string;
}) {
  const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone });
  return (
    <section aria-labelledby="done-heading" className="space-y-3">
      <h2 id="done-heading" className="text-lg font-semibold">
        Done today
      </h2>
      {sessions.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
          No session logged yet today.
        </p>
      ) : (
        <ul className="space-y-2">
          {sessions.map((session) => (
            <li key={session.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <p className="font-semibold">
                {session.source === "GUIDED" ? "Guided session" : "Logged session"} at{" "}
                <time dateTime={session.startedAt.toISOString()}>{time.format(session.startedAt)}</time>,{" "}
                {minutes(session.durationSeconds)}
              </p>
              {session.exerciseNames.length > 0 ? (
                <p className="text-sm text-slate-700">{session.exerciseNames.join(", ")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-700">
        {sessionsLast7Days} {sessionsLast7Days === 1 ? "session" : "sessions"} in the last 7 days.
      </p>
    </section>
  );
}
