import Link from "next/link";

export type TabLink = { href: string; label: string; current: boolean };

/** Sections as links (each a real URL), the current one marked for assistive technology. */
export function TabLinks({ label, tabs }: { label: string; tabs: TabLink[] }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`-mb-px inline-flex min-h-11 items-center border-b-4 px-3 text-sm font-semibold no-underline hover:no-underline ${tab.current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
