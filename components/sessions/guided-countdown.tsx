import { formatClock } from "./guided-text";

const radius = 52;
const circumference = 2 * Math.PI * radius;

/**
 * The big mm:ss countdown inside a ring that empties as the time runs out. The ring is a size
 * container and the text is sized in container units (cqi), so the digits keep the same share of
 * the ring at every width instead of overflowing it on a wide screen. The ring itself shrinks on
 * short screens, so on a 640 px phone Pause and Skip stay in view below it.
 */
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
  tone: "hold" | "rest" | "lead-in";
}) {
  const fraction = totalMs > 0 ? Math.min(1, Math.max(0, remainingMs / totalMs)) : 0;
  const ring = tone === "hold" ? "stroke-brand-700" : tone === "rest" ? "stroke-sky-700" : "stroke-amber-600";
  return (
    <div className="@container relative mx-auto aspect-square w-full max-w-[min(15rem,34svh)]">
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
      {/* Inside the ring's inner circle (80% of its width): five digits at 19cqi take about 60%. */}
      <div className="absolute inset-0 flex flex-col items-center justify-center">
        <p className="text-[6.5cqi] font-semibold uppercase tracking-wide text-slate-700">
          {paused ? "Paused" : label}
        </p>
        <p role="timer" className="text-[19cqi] leading-none font-bold tabular-nums text-slate-900">
          <span className="sr-only">Time left: </span>
          {formatClock(remainingMs)}
        </p>
      </div>
    </div>
  );
}
