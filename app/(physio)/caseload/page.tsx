import type { Metadata } from "next";
import { listCaseload } from "@/lib/data/caseload";
import { requireRole } from "@/lib/data/session";

export const metadata: Metadata = { title: "Caseload" };

export default async function CaseloadPage() {
  const physio = await requireRole("PHYSIO");
  const patients = await listCaseload();
  const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: physio.timezone });
  const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Your patients</h1>
      {patients.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
          No patients are linked to you yet. A patient appears here once they accept your invitation.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Linked patients and their last activity</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Patient
                </th>
                <th scope="col" className="px-4 py-2">
                  Last activity
                </th>
                <th scope="col" className="px-4 py-2">
                  Last session
                </th>
                <th scope="col" className="px-4 py-2">
                  Linked since
                </th>
              </tr>
            </thead>
            <tbody>
              {patients.map((patient) => {
                const activity = latest(patient.lastSessionAt, patient.lastPainAt);
                return (
                  <tr key={patient.patientId} className="border-t border-slate-200">
                    <th scope="row" className="px-4 py-2 font-medium">
                      {patient.name}
                    </th>
                    <td className="px-4 py-2">{activity ? date.format(activity) : "Nothing logged"}</td>
                    <td className="px-4 py-2">
                      {patient.lastSessionAt ? date.format(patient.lastSessionAt) : "None"}
                    </td>
                    <td className="px-4 py-2">{date.format(patient.linkedSince)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
