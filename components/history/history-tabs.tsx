import Link from "next/link";

export type HistoryTab = "sessions" | "pain";

const tabs: { tab: HistoryTab; label: string }[] = [
  { tab: "sessions", label: "Sessions" },
  { tab: "pain", label: "Pain entries" },
];

/** Two sections as links (each a real URL), the current one marked for assistive technology. */
export function HistoryTabs({ current }: { current: HistoryTab }) {
  return (
    <nav aria-label="History sections">
      <ul className="flex gap-1 border-b border-slate-200">
        {tabs.map(({ tab, label }) => {
          const active = tab === current;
          return (
            <li key={tab}>
              <Link
                href={`/history?tab=${tab}`}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-flex min-h-11 items-center border-b-4 px-4 text-sm font-semibold no-underline hover:no-underline ${active ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
