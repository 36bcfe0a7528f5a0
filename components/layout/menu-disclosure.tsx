"use client";

import { usePathname } from "next/navigation";
import { type KeyboardEvent, type MouseEvent, type ReactNode, useEffect, useRef } from "react";

/**
 * The site's menu on a phone: a disclosure (`<details>`), so it opens and closes before
 * JavaScript loads and screen readers announce it as expanded or collapsed. With JavaScript it also
 * closes when a link in it is followed (the header stays on screen across navigations), and on
 * Escape, giving focus back to its button. Its links are not rendered while it is closed, so the
 * router does not prefetch them on a phone until the reader opens it.
 */
export function MenuDisclosure({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  // A navigation from anywhere (a link in the menu, Back) closes it.
  useEffect(() => {
    if (pathname && ref.current) ref.current.open = false;
  }, [pathname]);

  const close = (focusButton: boolean) => {
    const details = ref.current;
    if (!details?.open) return;
    details.open = false;
    if (focusButton) details.querySelector("summary")?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") close(true);
  };
  const onClick = (event: MouseEvent) => {
    // The same page's link closes it too (the path does not change then).
    if ((event.target as Element).closest("a")) close(false);
  };

  return (
    <details ref={ref} className="group sm:hidden" onKeyDown={onKeyDown} onClick={onClick}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="h-4 w-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path className="group-open:hidden" d="M3 5h14M3 10h14M3 15h14" />
          <path className="hidden group-open:block" d="M5 5l10 10M15 5L5 15" />
        </svg>
        Menu
      </summary>
      <div className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white px-4 pb-3 shadow-md">
        {children}
      </div>
    </details>
  );
}
