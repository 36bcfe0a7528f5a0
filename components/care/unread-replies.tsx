import Link from "next/link";
import { countUnreadForPatient, listUnreadRepliesForPhysio } from "@/lib/data/session-threads";

const messages = (count: number) => `${count} ${count === 1 ? "message" : "messages"}`;
const replies = (count: number) => `${count} unread ${count === 1 ? "reply" : "replies"}`;

/** On Today: messages from the physiotherapist on the patient's sessions not yet opened in History. */
export async function UnreadForPatient() {
  const count = await countUnreadForPatient();
  if (count === 0) return null;
  return (
    <p role="status" className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2">
      Your physiotherapist left {messages(count)} you have not read yet.{" "}
      <Link href="/history">Read and reply in History</Link>
    </p>
  );
}

/** On the caseload: linked patients who replied on a session since a physiotherapist last looked. */
export async function UnreadForPhysio() {
  const patients = await listUnreadRepliesForPhysio();
  if (patients.length === 0) return null;
  return (
    <section
      aria-labelledby="unread-replies-heading"
      className="space-y-2 rounded-xl border border-brand-200 bg-brand-50 p-4"
    >
      <h2 id="unread-replies-heading" className="font-semibold">
        Unread replies from patients
      </h2>
      <ul className="space-y-1">
        {patients.map((patient) => (
          <li key={patient.patientId}>
            <Link href={`/patients/${patient.patientId}/history`}>{patient.patientName}</Link>:{" "}
            {replies(patient.count)}
          </li>
        ))}
      </ul>
    </section>
  );
}
