import { HelpLink } from "./help-link";

/**
 * Said next to every pain rating: what happens to it, so nobody mistakes the app for a service
 * that is watching. The same words for everyone.
 */
export function PainRatingNote({ id, newTab = false }: { id?: string; newTab?: boolean }) {
  return (
    <p id={id} className="text-sm text-slate-700">
      Your rating is saved to your record. If you share your data with a physiotherapist, they see it when
      they next look. Nobody watches ratings as they arrive, and this app is not an emergency service:{" "}
      <HelpLink newTab={newTab}>when to get help</HelpLink>.
    </p>
  );
}
