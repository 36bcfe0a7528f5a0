import { formatClock } from "./guided-text";

const radius = 52;
const circumference = 2 * Math.PI * radius;

/** The big mm:ss countdown inside a ring that empties as the time runs out. */
export function GuidedCountdown({
  label,
  remainingMs,
  totalMs,
  paused,
  tone,
}: {
  label: string;
  remainingMs: number;
  totalMs: number;
  paused: boolean;
  tone: "hold" | "rest";
}) {
  const fraction = totalMs > 0 ? Math.min(1, Math.max(0, remainingMs / totalMs)) : 0;
  const ring = tone === "hold" ? "stroke-brand-700" : "stroke-sky-700";
  return (
    <div className="relative mx-auto aspect-square w-full max-w-60">
      <svg viewBox="0 0 120 120" className="size-full -rotate-90" aria-hidden="true">
        <circle cx="60" cy="60" r={radius} className="fill-white stroke-slate-200" strokeWidth="8" />
        <circle
          cx="60"
          cy="60"
          r={radius}
          fill="none"
          className={paused ? "stroke-slate-400" : ring}
          strokeWidth="8"
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - fraction)}
        />
      </svg>
      <div className="absolute inset-0 flex flex-col items-center justify-center">
        <p className="text-base font-semibold uppercase tracking-wide text-slate-700">
          {paused ? "Paused" : label}
        </p>
        <p role="timer" className="text-6xl font-bold tabular-nums text-slate-900 sm:text-7xl">
          <span className="sr-only">Time left: </span>
          {formatClock(remainingMs)}
        </p>
      </div>
    </div>
  );
}
