import { useId } from "react";
import { PainAdvice } from "@/components/safety/pain-advice";
import type { PainAdviceReason } from "@/lib/domain/pain-status";
import { formatPain } from "@/lib/domain/progress";
import { painAreaLabels } from "@/lib/validation/fields";

const contextNotes = {
  CHECK_IN: "",
  BEFORE_SESSION: " before the session",
  AFTER_SESSION: " after the session",
};

/** The rule a rating met, as a fact: which rating, and the threshold or the average it rose over. */
function reasonText(reason: PainAdviceReason): string {
  const rated = `${painAreaLabels[reason.area]} ${reason.rating}/10${contextNotes[reason.context]}`;
  const rules = [
    reason.severe ? "7 or more counts as severe pain" : null,
    reason.flareOver !== null
      ? `${formatPain(reason.rating - reason.flareOver)} points above this area's average of ${formatPain(reason.flareOver)} over the 14 days before`
      : null,
  ].filter(Boolean);
  return `${rated}: ${rules.join("; ")}.`;
}

/**
 * Shown right after a rating is saved when the server found it high (7 or more) or 2 points above
 * the area's own average: the facts, then the general advice that is the same for everyone. The
 * plan is never changed.
 */
export function SavedPainAdvice({
  reasons,
  newTab = false,
  adviceShownAt,
}: {
  reasons: readonly PainAdviceReason[] | undefined;
  newTab?: boolean;
  /**
   * The id of a heading on the same page that already shows the general advice (Today does, for
   * 14 days after such a rating): link to it instead of printing the same advice a second time.
   */
  adviceShownAt?: string;
}) {
  const headingId = useId();
  if (!reasons || reasons.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="space-y-2 text-left">
      <h3 id={headingId} className="font-semibold text-slate-900">
        {reasons.some((reason) => reason.severe)
          ? "You rated your pain high"
          : "Your pain is higher than usual"}
      </h3>
      <ul className="list-disc space-y-1 pl-5 text-slate-800">
        {reasons.map((reason) => (
          <li key={`${reason.area}-${reason.context}`}>{reasonText(reason)}</li>
        ))}
      </ul>
      {adviceShownAt ? (
        <p className="text-slate-800">
          <a href={`#${adviceShownAt}`} className="font-semibold">
            Read what to do now
          </a>{" "}
          in the section about high pain on this page.
        </p>
      ) : (
        <PainAdvice newTab={newTab} />
      )}
    </section>
  );
}
