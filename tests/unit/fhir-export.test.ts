import type { Bundle, CarePlan, Observation, QuestionnaireResponse, ServiceRequest } from "fhir/r4";
import { beforeAll, describe, expect, it } from "vitest";
import type { FhirSource } from "@/lib/data/exports";
import { bundleOf, fhirBase } from "@/lib/export/fhir-bundle";
import {
  bundleProblems,
  prepareFhirValidators,
  schemaProblems,
  structureProblems,
} from "../support/fhir-validate";

// The FHIR export built from known rows, checked by both offline validators; and proof that each
// validator catches a broken bundle (so "valid" in the integration tests means something).

const at = (iso: string) => new Date(iso);
const moment = (iso: string, localDate: string, timeZone = "Europe/London") => ({
  at: at(iso),
  localDate,
  timeZone,
});

const source: FhirSource = {
  patient: { id: "cpatient0000000000000001", name: "Amira Jensen" },
  pain: [
    {
      ...moment("2026-11-30T08:00:00.000Z", "2026-11-30"),
      id: "cpain1",
      rating: 4,
      region: "LEFT_HIP",
      context: "CHECK_IN",
      sessionId: null,
      note: "Stiff after the drive",
      version: 1,
    },
    {
      ...moment("2026-11-30T18:00:00.000Z", "2026-11-30"),
      id: "cpain2",
      rating: 6,
      region: "RIGHT_HIP",
      context: "BEFORE_SESSION",
      sessionId: "csession1",
      note: "",
      version: 2,
    },
    {
      ...moment("2026-11-30T18:30:00.000Z", "2026-11-30"),
      id: "cpain3",
      rating: 3,
      region: "LOWER_BACK",
      context: "AFTER_SESSION",
      sessionId: "csession1",
      note: "",
      version: 1,
    },
    {
      ...moment("2026-10-01T18:00:00.000Z", "2026-10-01"),
      id: "cpain4",
      rating: 5,
      region: "NOT_GIVEN",
      context: "BEFORE_SESSION",
      sessionId: "csession2",
      note: "",
      version: 1,
    },
  ],
  sessions: [
    {
      ...moment("2026-11-30T18:05:00.000Z", "2026-11-30"),
      id: "csession1",
      durationSeconds: 1250,
      source: "GUIDED",
      notes: "=felt good",
      version: 1,
      painBefore: {
        id: "cpain2",
        rating: 6,
        region: "RIGHT_HIP",
        recordedAt: at("2026-11-30T18:00:00.000Z"),
      },
      painAfter: {
        id: "cpain3",
        rating: 3,
        region: "LOWER_BACK",
        recordedAt: at("2026-11-30T18:30:00.000Z"),
      },
      entries: [
        {
          position: 0,
          exerciseSlug: "clamshell",
          exerciseName: "Clamshell",
          side: "LEFT",
          sets: 3,
          reps: 10,
          holdSeconds: 0,
        },
        {
          position: 0,
          exerciseSlug: "clamshell",
          exerciseName: "Clamshell",
          side: "RIGHT",
          sets: 3,
          reps: 10,
          holdSeconds: 0,
        },
        {
          position: 1,
          exerciseSlug: "bridge",
          exerciseName: "Bridge",
          side: "BOTH",
          sets: 2,
          reps: 8,
          holdSeconds: 5,
        },
      ],
    },
    {
      ...moment("2026-10-01T18:01:00.000Z", "2026-10-01"),
      id: "csession2",
      durationSeconds: 600,
      source: "QUICK_LOG",
      notes: "",
      version: 3,
      painBefore: {
        id: "cpain4",
        rating: 5,
        region: "NOT_GIVEN",
        recordedAt: at("2026-10-01T18:00:00.000Z"),
      },
      painAfter: null,
      entries: [],
    },
  ],
  routine: {
    id: "croutine1",
    createdAt: at("2026-09-01T09:00:00.000Z"),
    items: [
      {
        id: "citem1",
        position: 0,
        exerciseSlug: "clamshell",
        exerciseName: "Clamshell",
        sets: 3,
        reps: 10,
        holdSeconds: 0,
        perSide: true,
        daysOfWeek: 0b0010101,
        setByRole: "PHYSIO",
        setById: "cphysio1",
        setByName: "Noor Haddad",
        version: 2,
        createdAt: at("2026-09-01T09:00:00.000Z"),
        updatedAt: at("2026-10-01T09:00:00.000Z"),
        stoppedAt: null,
      },
      {
        id: "citem2",
        position: 1,
        exerciseSlug: "bridge",
        exerciseName: "Bridge",
        sets: 2,
        reps: 8,
        holdSeconds: 5,
        perSide: false,
        daysOfWeek: 0b1111111,
        setByRole: "PATIENT",
        setById: "cpatient0000000000000001",
        setByName: "Amira Jensen",
        version: 1,
        createdAt: at("2026-09-02T09:00:00.000Z"),
        updatedAt: at("2026-09-02T09:00:00.000Z"),
        stoppedAt: null,
      },
      {
        id: "citem3",
        position: 2,
        exerciseSlug: "cat-cow",
        exerciseName: "Cat-cow",
        sets: 1,
        reps: 10,
        holdSeconds: 0,
        perSide: false,
        daysOfWeek: 0,
        setByRole: "PHYSIO",
        setById: "cphysio1",
        setByName: "Noor Haddad",
        version: 3,
        createdAt: at("2026-09-01T09:00:00.000Z"),
        updatedAt: at("2026-11-01T09:00:00.000Z"),
        stoppedAt: at("2026-11-01T09:00:00.000Z"),
      },
    ],
  },
  outcomes: [
    {
      ...moment("2026-09-03T10:00:00.000Z", "2026-09-03"),
      id: "cresp1",
      instrument: "PSFS",
      instrumentName: "Patient-Specific Functional Scale",
      instrumentVersion: 1,
      score: 4.5,
      dueDate: "2026-09-03",
      answers: {
        choices: {},
        activities: [
          { name: "Walking upstairs", rating: 4 },
          { name: "@Putting on socks", rating: 5 },
        ],
      },
    },
    {
      ...moment("2026-11-03T10:00:00.000Z", "2026-11-03"),
      id: "cresp2",
      instrument: "GROC",
      instrumentName: "Global rating of change",
      instrumentVersion: 1,
      score: -3,
      dueDate: null,
      answers: { choices: { change: -3 }, activities: [] },
    },
  ],
};

beforeAll(prepareFhirValidators, 120_000);

const bundle = bundleOf(source, at("2026-12-02T10:00:00.000Z"));
const resources = (bundle.entry ?? []).map((entry) => entry.resource);
const byId = <T>(type: string, id: string) =>
  resources.find((resource) => resource?.resourceType === type && resource.id === id) as T;

describe("the FHIR export bundle", () => {
  it("passes the official R4 JSON schema and the structural validator", () => {
    expect(bundleProblems(bundle)).toEqual({ schema: [], structure: [] });
  });

  it("is a collection with absolute fullUrls matching each resource, and relative references", () => {
    expect(bundle.type).toBe("collection");
    for (const entry of bundle.entry ?? []) {
      expect(entry.fullUrl).toBe(`${fhirBase}/${entry.resource?.resourceType}/${entry.resource?.id}`);
    }
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(references.length).toBeGreaterThan(10);
    const fullUrls = new Set((bundle.entry ?? []).map((entry) => entry.fullUrl));
    for (const reference of references) {
      const target = reference.slice('"reference":"'.length, -1);
      expect(target).toMatch(/^[A-Za-z]+\/[A-Za-z0-9.-]+$/);
      expect(fullUrls.has(`${fhirBase}/${target}`)).toBe(true);
    }
  });

  it("holds the patient by name only", () => {
    expect(byId("Patient", source.patient.id)).toEqual({
      resourceType: "Patient",
      id: source.patient.id,
      name: [{ text: "Amira Jensen" }],
    });
  });

  it("codes each pain rating with LOINC 72514-3, a 0-10 integer and its SNOMED CT body site", () => {
    const left = byId<Observation>("Observation", "cpain1");
    expect(left.code.coding?.[0]?.code).toBe("72514-3");
    expect(left.category?.[0]?.coding?.[0]?.code).toBe("survey");
    expect(left.valueInteger).toBe(4);
    expect(left.bodySite?.coding?.[0]).toEqual({
      system: "http://snomed.info/sct",
      code: "287679003",
      display: "Left hip region structure",
    });
    expect(left.note).toEqual([{ text: "Stiff after the drive" }]);
    expect(byId<Observation>("Observation", "cpain2").bodySite?.coding?.[0]?.code).toBe("287579007");
    expect(byId<Observation>("Observation", "cpain3").bodySite?.coding?.[0]?.code).toBe("37822005");
    expect(byId<Observation>("Observation", "cpain4").bodySite).toBeUndefined();
  });

  it("records a session as exercise duration in minutes with its exercises and pain ratings as members", () => {
    const session = byId<Observation>("Observation", "session-csession1");
    expect(session.code.coding?.[0]?.code).toBe("55411-3");
    expect(session.valueQuantity).toEqual({
      value: 20.83,
      unit: "min",
      system: "http://unitsofmeasure.org",
      code: "min",
    });
    expect(session.effectivePeriod).toEqual({
      start: "2026-11-30T18:05:00.000Z",
      end: "2026-11-30T18:25:50.000Z",
    });
    expect(session.note).toEqual([{ text: "=felt good" }]);
    expect(session.hasMember?.map((member) => member.reference)).toEqual([
      "Observation/session-csession1-0-LEFT",
      "Observation/session-csession1-0-RIGHT",
      "Observation/session-csession1-1-BOTH",
      "Observation/cpain2",
      "Observation/cpain3",
    ]);
    const bridge = byId<Observation>("Observation", "session-csession1-1-BOTH");
    expect(bridge.code.coding?.[0]?.code).toBe("bridge");
    expect(bridge.component?.map((part) => part.valueInteger ?? part.valueQuantity?.value)).toEqual([
      2, 8, 5,
    ]);
    expect(byId<Observation>("Observation", "session-csession2").status).toBe("amended");
  });

  it("holds the routine as a CarePlan whose activities reference exercise-therapy ServiceRequests with their days", () => {
    const plan = byId<CarePlan>("CarePlan", "croutine1");
    expect(plan.activity?.map((activity) => activity.reference?.reference)).toEqual([
      "ServiceRequest/citem1",
      "ServiceRequest/citem2",
      "ServiceRequest/citem3",
    ]);
    const clamshell = byId<ServiceRequest>("ServiceRequest", "citem1");
    expect(clamshell.code?.coding?.[0]?.code).toBe("229065009");
    expect(clamshell.intent).toBe("order");
    expect(clamshell.occurrenceTiming?.repeat?.dayOfWeek).toEqual(["mon", "wed", "fri"]);
    expect(clamshell.patientInstruction).toBe("Clamshell: 3 sets of 10, each side.");
    expect(clamshell.requester).toEqual({ display: "Noor Haddad (physiotherapist)" });
    const bridge = byId<ServiceRequest>("ServiceRequest", "citem2");
    expect(bridge.intent).toBe("plan");
    expect(bridge.occurrenceTiming?.repeat?.dayOfWeek).toBeUndefined();
    const stopped = byId<ServiceRequest>("ServiceRequest", "citem3");
    expect(stopped.status).toBe("revoked");
    expect(stopped.occurrenceTiming?.repeat?.boundsPeriod?.end).toBe("2026-11-01T09:00:00.000Z");
  });

  it("gives each questionnaire a QuestionnaireResponse and a score Observation derived from it", () => {
    const psfs = byId<QuestionnaireResponse>("QuestionnaireResponse", "response-cresp1");
    expect(psfs.status).toBe("completed");
    expect(psfs.item?.map((item) => item.item?.map((part) => part.answer?.[0]))).toEqual([
      [{ valueString: "Walking upstairs" }, { valueInteger: 4 }],
      [{ valueString: "@Putting on socks" }, { valueInteger: 5 }],
    ]);
    const psfsScore = byId<Observation>("Observation", "score-cresp1");
    expect(psfsScore.code.coding?.[0]).toEqual({
      system: `${fhirBase}/CodeSystem/outcome-score`,
      code: "PSFS",
      display: "Patient-Specific Functional Scale, mean score",
    });
    expect(psfsScore.valueQuantity?.value).toBe(4.5);
    expect(psfsScore.derivedFrom).toEqual([{ reference: "QuestionnaireResponse/response-cresp1" }]);
    expect(byId<Observation>("Observation", "score-cresp2").valueQuantity?.value).toBe(-3);
    expect(byId<QuestionnaireResponse>("QuestionnaireResponse", "response-cresp2").item?.[0]?.answer).toEqual(
      [{ valueInteger: -3 }],
    );
  });
});

describe("the FHIR validators", () => {
  const broken = (change: (observation: Record<string, unknown>) => void): Bundle => {
    const copy = structuredClone(bundle);
    const observation = copy.entry?.find((entry) => entry.resource?.id === "cpain1")?.resource;
    change(observation as unknown as Record<string, unknown>);
    return copy;
  };

  it("the JSON schema catches a rating given as text", () => {
    const bad = broken((observation) => {
      observation.valueInteger = "six";
    });
    expect(schemaProblems(bad).length).toBeGreaterThan(0);
    expect(bundleProblems(bad).structure.length).toBeGreaterThan(0);
  });

  it("the JSON schema catches an unknown status code", () => {
    const bad = broken((observation) => {
      observation.status = "done";
    });
    expect(schemaProblems(bad).length).toBeGreaterThan(0);
  });

  it("the structural validator catches a missing required status, which the JSON schema lets through", () => {
    const bad = broken((observation) => {
      delete observation.status;
    });
    expect(bundleProblems(bad).structure.join("\n")).toMatch(/status/i);
    expect(schemaProblems(bad)).toEqual([]);
    expect(structureProblems(bundle.entry?.[1]?.resource as Observation)).toEqual([]);
  });
});
