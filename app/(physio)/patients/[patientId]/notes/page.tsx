import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ClinicalNoteForm } from "@/components/care/clinical-note-form";
import { getEndedCareLink } from "@/lib/data/care-links";
import { listClinicalNotes } from "@/lib/data/clinical-notes";
import { requireRole } from "@/lib/data/current-user";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Clinical notes" };

export default async function ClinicalNotesPage(props: PageProps<"/patients/[patientId]/notes">) {
  const physio = await requireRole("PHYSIO");
  const { patientId } = await props.params;
  const [notes, ended] = await Promise.all([listClinicalNotes(patientId), getEndedCareLink(patientId)]);
  return (
    <div className="max-w-2xl space-y-6">
      <section aria-labelledby="new-note-heading" className="space-y-3">
        <h2 id="new-note-heading" className="text-lg font-semibold">
          {ended ? "Your clinical notes (read only)" : "Clinical notes"}
        </h2>
        {ended ? null : (
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <ClinicalNoteForm patientId={patientId} requestId={randomUUID()} />
          </div>
        )}
      </section>
      {notes.length === 0 ? (
        <p className="text-slate-700">No notes yet.</p>
      ) : (
        <ol aria-label="Your notes, newest first" className="space-y-3">
          {notes.map((note) => (
            <li key={note.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <p className="text-sm text-slate-700">
                <time dateTime={note.createdAt.toISOString()}>
                  {formatDateTime(note.createdAt, physio.timezone)}
                </time>
              </p>
              <p className="whitespace-pre-line break-words">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
