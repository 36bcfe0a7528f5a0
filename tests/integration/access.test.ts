import { beforeAll, describe, expect, it } from "vitest";
import { listCaseload } from "@/lib/data/caseload";
import { getPatientHome } from "@/lib/data/patient-home";
import { requirePatientAccess } from "@/lib/data/session";
import { createUser, linkCare, navigationOutcome, signInAs, type TestUser } from "../support/factories";
import { testSession } from "../support/test-session";

// Roles x data functions that touch a patient's data (DESIGN.md section 6). Someone else's data
// answers "not found"; nobody signed in is sent to sign-in.
type Actor =
  | "anonymous"
  | "patientA"
  | "patientB"
  | "physioLinkedToA"
  | "physioNeverLinked"
  | "physioRevokedByA";

let people: Record<Exclude<Actor, "anonymous">, TestUser>;

beforeAll(async () => {
  const [patientA, patientB, physioLinkedToA, physioNeverLinked, physioRevokedByA] = await Promise.all([
    createUser("PATIENT"),
    createUser("PATIENT"),
    createUser("PHYSIO"),
    createUser("PHYSIO"),
    createUser("PHYSIO"),
  ]);
  people = { patientA, patientB, physioLinkedToA, physioNeverLinked, physioRevokedByA };
  await linkCare(physioLinkedToA.id, patientA.id, "ACTIVE");
  await linkCare(physioRevokedByA.id, patientA.id, "REVOKED");
});

function actAs(actor: Actor) {
  signInAs(actor === "anonymous" ? null : people[actor]);
}

const expectations: Record<Actor, { patientAData: string; caseloadHasA: string }> = {
  anonymous: { patientAData: "redirect:/sign-in", caseloadHasA: "redirect:/sign-in" },
  patientA: { patientAData: "ok", caseloadHasA: "not-found" },
  patientB: { patientAData: "not-found", caseloadHasA: "not-found" },
  physioLinkedToA: { patientAData: "ok", caseloadHasA: "yes" },
  physioNeverLinked: { patientAData: "not-found", caseloadHasA: "no" },
  physioRevokedByA: { patientAData: "not-found", caseloadHasA: "no" },
};

describe.each(Object.entries(expectations) as [Actor, (typeof expectations)[Actor]][])(
  "as %s",
  (actor, expected) => {
    it(`reading patient A's access check answers ${expected.patientAData}`, async () => {
      actAs(actor);
      expect(await navigationOutcome(() => requirePatientAccess(people.patientA.id))).toBe(
        expected.patientAData,
      );
    });

    it(`reading patient A's home summary answers ${expected.patientAData}`, async () => {
      actAs(actor);
      expect(await navigationOutcome(() => getPatientHome(people.patientA.id))).toBe(expected.patientAData);
    });

    it(`the caseload ${expected.caseloadHasA === "yes" ? "lists" : "does not list"} patient A`, async () => {
      actAs(actor);
      let caseload: Awaited<ReturnType<typeof listCaseload>> = [];
      const outcome = await navigationOutcome(async () => {
        caseload = await listCaseload();
      });
      if (expected.caseloadHasA === "yes" || expected.caseloadHasA === "no") {
        expect(outcome).toBe("ok");
        expect(caseload.some((row) => row.patientId === people.patientA.id)).toBe(
          expected.caseloadHasA === "yes",
        );
      } else {
        expect(outcome).toBe(expected.caseloadHasA);
      }
    });
  },
);

it("a session whose version is older than the account's counts as signed out", async () => {
  const patient = await createUser("PATIENT");
  signInAs({ ...patient, sessionVersion: patient.sessionVersion - 1 });
  expect(await navigationOutcome(() => requirePatientAccess(patient.id))).toBe("redirect:/sign-in");
});

it("sends someone whose session ended back to where they were going after signing in, never off-site", async () => {
  signInAs(null);
  testSession.returnTo = "/history?tab=pain";
  expect(await navigationOutcome(() => requirePatientAccess(people.patientA.id))).toBe(
    "redirect:/sign-in?callbackUrl=%2Fhistory%3Ftab%3Dpain",
  );
  testSession.returnTo = "//evil.example/phish";
  expect(await navigationOutcome(() => requirePatientAccess(people.patientA.id))).toBe("redirect:/sign-in");
  testSession.returnTo = null;
});
