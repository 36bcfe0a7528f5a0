import Link from "next/link";
import type { EndedCareLink } from "@/lib/data/care-links";
import { formatDate } from "@/lib/format";

/** Patients whose care link has ended: only the physiotherapist's own notes stay readable. */
export function EndedLinks({ links, timeZone }: { links: EndedCareLink[]; timeZone: string }) {
  if (links.length === 0) return <p className="text-slate-700">No care link of yours has ended.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {links.map((link) => (
        <li key={link.patientId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <div className="mr-auto min-w-0">
            <p className="font-medium">{link.patientName}</p>
            <p className="text-sm text-slate-700">
              Ended {formatDate(link.endedAt, timeZone)} by {link.endedBy === "you" ? "you" : "the patient"}
            </p>
          </div>
          <Link href={`/patients/${link.patientId}/notes`}>
            Your notes<span className="sr-only"> about {link.patientName}</span> (read only)
          </Link>
        </li>
      ))}
    </ul>
  );
}
