import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { HelpLink } from "@/components/safety/help-link";
import { GuidedPlayer } from "@/components/sessions/guided-player";
import { planItemsFor } from "@/components/sessions/plan-items";
import { buttonClasses } from "@/components/ui/button";
import { requireRole } from "@/lib/data/current-user";
import { getGuidedDraft, getGuidedLeadInSeconds, getGuidedPlan } from "@/lib/data/guided-session";
import { getMainPainArea } from "@/lib/data/pain";

export const metadata: Metadata = { title: "Guided session" };

export default async function GuidedSessionPage() {
  const patient = await requireRole("PATIENT");
  const [plan, draft, mainPainArea, leadInSeconds] = await Promise.all([
    getGuidedPlan(),
    getGuidedDraft(),
    getMainPainArea(),
    getGuidedLeadInSeconds(),
  ]);
  const items = planItemsFor(plan);

  return (
    <div className="space-y-4">
      <div className="mx-auto flex max-w-xl flex-wrap items-baseline justify-between gap-x-4">
        <h1 className="text-lg font-semibold text-slate-700">Guided session</h1>
        {/* A new tab: the countdown and a rating not yet saved live in this page. */}
        <HelpLink newTab className="min-h-11 content-center text-sm font-semibold" />
      </div>
      {items.length === 0 ? (
        <div className="mx-auto max-w-xl space-y-4 rounded-xl border border-slate-200 bg-white p-6">
          <p className="text-lg text-slate-800">
            Your routine is empty, so there is nothing to guide you through yet. Add a few exercises to your
            routine first, or browse the exercises to see what each one involves.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link href="/routine" className={buttonClasses("primary")}>
              Set up your routine
            </Link>
            <Link href="/exercises" className={buttonClasses("secondary")}>
              Browse exercises
            </Link>
          </div>
        </div>
      ) : (
        <>
          {plan.onlyDueToday ? null : (
            <p className="mx-auto max-w-xl rounded-xl border border-sky-200 bg-sky-50 p-4 text-slate-800">
              Nothing in your routine is scheduled for today. You can still go through your whole routine now
              if you feel like it.
            </p>
          )}
          <GuidedPlayer
            items={items}
            draft={draft ? { state: draft.state } : null}
            requestId={randomUUID()}
            timeZone={patient.timezone}
            mainPainArea={mainPainArea}
            leadInSeconds={leadInSeconds}
          />
        </>
      )}
    </div>
  );
}
