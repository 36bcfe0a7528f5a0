import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCaseloadRoute } from "@/app/api/caseload/route";
import { GET as getProgressRoute } from "@/app/api/patients/[patientId]/progress/route";
import { backgroundRefreshHeaders } from "@/lib/background-refresh";
import { listAccessLog, sameLookWithinMs } from "@/lib/data/access-log";
import { backgroundRefreshDetail } from "@/lib/data/audit";
import { auditKey, createUser, linkCare, signInAs, type TestUser, testDb } from "../support/factories";

// "Who has seen your data" (issue 11, point 7): what physiotherapists changed has a line each;
// their reads fold per physiotherapist and local day of the patient; automatic background
// refreshes stay in the audit trail but are not counted as looks.

let patient: TestUser;
let lead: TestUser;
let colleague: TestUser;

beforeAll(async () => {
  [patient, lead, colleague] = await Promise.all([
    createUser("PATIENT"),
    createUser("PHYSIO", { name: "Sam Lead" }),
    createUser("PHYSIO", { name: "Kim Colleague" }),
  ]);
  // New York is UTC-5 in December: 03:00 UTC on the 3rd is still the evening of the 2nd there.
  await testDb().user.update({ where: { id: patient.id }, data: { timezone: "America/New_York" } });
});

async function recorded(actor: TestUser, action: string, at: string, detail: string | null = null) {
  await testDb().auditEvent.create({
    data: {
      actorKey: await auditKey(actor),
      actorRole: actor.role,
      action,
      patientKey: await auditKey(patient),
      outcome: "SUCCESS",
      detail,
      at: new Date(at),
    },
  });
}

describe("the access log", () => {
  it("folds each physiotherapist's reads per local day, counts looks, and lists writes one by one", async () => {
    // 2 Dec in New York: a page view reading two kinds at once (one look), then two more looks,
    // then the caseload left open refreshing twice by itself, then a look late in the evening.
    await recorded(lead, "READ_SUMMARY", "2026-12-02T14:00:00.000Z");
    await recorded(lead, "READ_PROGRESS", "2026-12-02T14:00:00.400Z");
    await recorded(lead, "READ_SESSIONS", "2026-12-02T14:30:00Z");
    await recorded(lead, "COMMENT_ADDED", "2026-12-02T14:40:00Z");
    await recorded(lead, "READ_PROGRESS", "2026-12-02T15:00:00Z");
    await recorded(lead, "READ_CASELOAD_SUMMARY", "2026-12-02T15:01:00Z", backgroundRefreshDetail);
    await recorded(lead, "READ_CASELOAD_SUMMARY", "2026-12-02T15:02:00Z", backgroundRefreshDetail);
    await recorded(colleague, "READ_PROGRESS", "2026-12-02T16:00:00Z");
    await recorded(lead, "READ_PROGRESS", "2026-12-03T03:00:00Z");
    // 3 Dec in New York.
    await recorded(lead, "READ_ROUTINE", "2026-12-03T06:00:00Z");
    // Reads just inside and just outside the same-look window count once and twice.
    await recorded(colleague, "READ_PAIN", "2026-12-04T12:00:00Z");
    await recorded(
      colleague,
      "READ_PAIN",
      new Date(Date.parse("2026-12-04T12:00:00Z") + sameLookWithinMs).toISOString(),
    );
    await recorded(
      colleague,
      "READ_PAIN",
      new Date(Date.parse("2026-12-04T12:00:00Z") + 2 * sameLookWithinMs + 1).toISOString(),
    );

    signInAs(patient);
    const log = await listAccessLog(1);
    expect(
      log.items.map((entry) => [entry.who, entry.kind, entry.what, entry.count, entry.at.toISOString()]),
    ).toEqual([
      ["Kim Colleague", "reads", "Looked at your pain entries", 2, "2026-12-04T12:00:20.001Z"],
      ["Sam Lead", "reads", "Looked at your routine", 1, "2026-12-03T06:00:00.000Z"],
      ["Sam Lead", "reads", "Looked at your summary, progress and sessions", 4, "2026-12-03T03:00:00.000Z"],
      ["Kim Colleague", "reads", "Looked at your progress", 1, "2026-12-02T16:00:00.000Z"],
      ["Sam Lead", "event", "Commented on your session", 1, "2026-12-02T14:40:00.000Z"],
    ]);
    expect(log.items[2]?.from.toISOString()).toBe("2026-12-02T14:00:00.000Z");
    // The trail itself keeps every read, the background refreshes included.
    expect(
      await testDb().auditEvent.count({
        where: { patientKey: await auditKey(patient), detail: backgroundRefreshDetail },
      }),
    ).toBe(2);
  });
});

describe("background refreshes", () => {
  it("are marked by the route handlers, kept in the trail, and not counted as looks", async () => {
    const other = await createUser("PATIENT");
    await linkCare(lead.id, other.id);
    const caseloadUrl = "http://localhost/api/caseload";
    const progressUrl = `http://localhost/api/patients/${other.id}/progress?range=2w`;
    const params = { params: Promise.resolve({ patientId: other.id }) };

    signInAs(lead);
    expect((await getCaseloadRoute(new Request(caseloadUrl))).status).toBe(200);
    expect((await getProgressRoute(new Request(progressUrl), params)).status).toBe(200);
    for (let refresh = 0; refresh < 3; refresh++) {
      expect(
        (await getCaseloadRoute(new Request(caseloadUrl, { headers: backgroundRefreshHeaders }))).status,
      ).toBe(200);
    }
    expect(
      (await getProgressRoute(new Request(progressUrl, { headers: backgroundRefreshHeaders }), params))
        .status,
    ).toBe(200);

    const trail = await testDb().auditEvent.findMany({
      where: { patientKey: await auditKey(other), actorKey: await auditKey(lead) },
      select: { action: true, detail: true },
    });
    expect(trail.map((row) => `${row.action} ${row.detail ?? ""}`.trim()).sort()).toEqual(
      [
        "READ_CASELOAD_SUMMARY",
        // Three automatic refreshes within the hour: one read recorded, not three.
        `READ_CASELOAD_SUMMARY ${backgroundRefreshDetail}`,
        "READ_PROGRESS",
        `READ_PROGRESS ${backgroundRefreshDetail}`,
      ].sort(),
    );

    signInAs(other);
    expect((await listAccessLog(1)).items.map((entry) => [entry.who, entry.what, entry.count])).toEqual([
      ["Sam Lead", "Looked at your line in their caseload and progress", 1],
    ]);
  });

  it("a header never widens access: a refresh of a patient not linked is still refused", async () => {
    const stranger = await createUser("PATIENT");
    signInAs(colleague);
    const response = await getProgressRoute(
      new Request(`http://localhost/api/patients/${stranger.id}/progress?range=2w`, {
        headers: backgroundRefreshHeaders,
      }),
      { params: Promise.resolve({ patientId: stranger.id }) },
    );
    expect(response.status).toBe(404);
  });
});
