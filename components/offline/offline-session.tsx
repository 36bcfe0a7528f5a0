"use client";

import Link from "next/link";
import { createContext, type ReactNode, useContext, useState } from "react";
import { GuidedPlayer } from "@/components/sessions/guided-player";
import type { PlanItem } from "@/lib/domain/session-plan";
import type { PainRegion } from "@/lib/validation/fields";

/** Starts the guided session inside Today, from the plan the page already holds. */
const StartOfflineContext = createContext<(() => void) | null>(null);

/**
 * Today, with the guided session ready in memory: without a connection the session page cannot
 * load, so "Start today's session" runs the player here instead. A reload without a connection
 * loses the page and the progress with it (the service worker's offline page says so).
 */
export function TodayWithOfflineSession({
  items,
  requestId,
  timeZone,
  mainPainArea,
  leadInSeconds,
  children,
}: {
  items: PlanItem[];
  requestId: string;
  timeZone: string;
  mainPainArea: PainRegion | null;
  leadInSeconds: number;
  children: ReactNode;
}) {
  const [running, setRunning] = useState(false);
  if (running) {
    return (
      // "Back to Today" would load the page again, which needs the connection: it closes the
      // player instead while offline.
      <div
        className="space-y-4"
        onClickCapture={(event) => {
          const link = (event.target as HTMLElement).closest("a");
          if (!link || navigator.onLine || link.getAttribute("href") !== "/today") return;
          event.preventDefault();
          setRunning(false);
        }}
      >
        <div className="mx-auto max-w-xl">
          <h1 className="text-lg font-semibold text-slate-700">Guided session</h1>
          <p className="text-sm text-slate-700">
            Running without a connection: your session is saved on this device when you finish.
          </p>
        </div>
        <GuidedPlayer
          items={items}
          draft={null}
          requestId={requestId}
          timeZone={timeZone}
          mainPainArea={mainPainArea}
          leadInSeconds={leadInSeconds}
        />
      </div>
    );
  }
  return (
    <StartOfflineContext.Provider value={items.length > 0 ? () => setRunning(true) : null}>
      {children}
    </StartOfflineContext.Provider>
  );
}

/** "Start today's session": the session page online, the player in Today without a connection. */
export function StartSessionLink({ className, children }: { className: string; children: ReactNode }) {
  const startOffline = useContext(StartOfflineContext);
  return (
    <Link
      href="/session"
      className={className}
      onClick={(event) => {
        if (!startOffline || navigator.onLine) return;
        event.preventDefault();
        startOffline();
        window.scrollTo({ top: 0 });
      }}
    >
      {children}
    </Link>
  );
}
