import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { CareLinkView } from "@/lib/data/care-links";
import { formatDate } from "@/lib/format";

export function CareTeamList({ links, timeZone }: { links: CareLinkView[]; timeZone: string }) {
  if (links.length === 0) {
    return (
      <p className="text-slate-700">
        No physiotherapist can see your data. If yours sends you an invitation, you decide whether to accept.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {links.map((link) => (
        <li key={link.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <div className="mr-auto min-w-0">
            <p className="font-medium">
              {link.physio.name} <span className="font-normal text-slate-700">(physiotherapist)</span>
            </p>
            <p className="text-sm text-slate-700">
              {link.status === "ACTIVE"
                ? `Can see your data since ${formatDate(link.consentedAt, timeZone)}`
                : `Link ended ${link.revokedAt ? formatDate(link.revokedAt, timeZone) : ""} by ${
                    link.endedBy === "you" ? "you" : "your physiotherapist"
                  }. They can no longer see your data; they keep the clinical notes they wrote up to then. To share again, enter a code or open a link they give you.`}
            </p>
          </div>
          {link.status === "ACTIVE" ? (
            <Link href={`/account/end-link/${link.id}`} className={buttonClasses("danger")}>
              Stop sharing<span className="sr-only"> with {link.physio.name}</span>…
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
