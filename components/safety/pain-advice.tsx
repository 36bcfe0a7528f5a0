import { HelpLink } from "./help-link";

/**
 * The general advice about pain during the programme, the same words for everyone (never advice
 * about one person). Shown on the help page, and meant for anywhere a high rating is shown.
 */
export function PainAdvice({
  linkToHelp = true,
  newTab = false,
}: {
  linkToHelp?: boolean;
  newTab?: boolean;
}) {
  return (
    <aside
      aria-label="If your pain gets worse"
      className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-slate-900"
    >
      <p>
        If the pain is clearly worse, spreads down your leg or comes with numbness or pins and needles, stop
        the exercises and contact your physiotherapist or doctor.
      </p>
      {linkToHelp ? (
        <p>
          Some signs need a doctor today or an emergency call:{" "}
          <HelpLink newTab={newTab} className="font-semibold" />.
        </p>
      ) : null}
    </aside>
  );
}
