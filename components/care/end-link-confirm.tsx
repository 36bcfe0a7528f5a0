import Link from "next/link";
import type { ReactNode } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClasses } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * The confirmation step before a care link ends: a page of its own (not a script-only dialog), so it
 * works before JavaScript loads and by keyboard alone. It says what happens before the button does it.
 */
export function EndLinkConfirm({
  title,
  consequences,
  restart,
  action,
  fields,
  keepHref,
  keepLabel,
}: {
  title: string;
  consequences: ReactNode[];
  restart: ReactNode;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  keepHref: string;
  keepLabel: string;
}) {
  return (
    <section aria-labelledby="end-link-confirm-heading" className="max-w-xl space-y-4">
      <h2 id="end-link-confirm-heading" className="text-xl font-bold">
        {title}
      </h2>
      <div className="space-y-2 rounded-xl border border-red-200 bg-white p-4">
        <h3 className="font-semibold">What happens</h3>
        <ul className="list-disc space-y-1 pl-5 text-slate-800">
          {consequences.map((consequence, index) => (
            // The list is fixed per page; the position is its identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: static text
            <li key={index}>{consequence}</li>
          ))}
        </ul>
        <h3 className="pt-2 font-semibold">Starting again</h3>
        <p className="text-slate-800">{restart}</p>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <ActionButton
          action={action}
          fields={fields}
          label="Yes, end the care link"
          pendingLabel="Ending…"
          variant="danger"
        />
        <Link href={keepHref} className={buttonClasses("secondary")}>
          {keepLabel}
        </Link>
      </div>
    </section>
  );
}
