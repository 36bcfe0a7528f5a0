import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CodeableConcept,
  Coding,
  FhirResource,
  Observation,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
  ServiceRequest,
  TimingRepeat,
} from "fhir/r4";
import type {
  FhirSource,
  OutcomeExport,
  PainExport,
  RoutineItemExport,
  SessionExport,
} from "@/lib/data/exports";
import { instrumentFor } from "@/lib/instruments/index";

// The FHIR R4 export of one patient's data (issue 15, item 4): a Bundle of type "collection".
// Choices, explained in docs/decisions.md ("Exports (CSV and FHIR)"):
// - fullUrls are absolute, under `fhirBase`; references between entries are relative
//   ("Patient/<id>") and resolve against those fullUrls. The app is not a FHIR server, so the base
//   is a fixed address on the reserved `.invalid` domain (RFC 6761): nobody mistakes it for an
//   endpoint, and it is the same on every installation. Ids are the database ids (cuids), unique
//   across installations.
// - A session is one Observation (LOINC 55411-3, exercise duration) whose `hasMember` lists one
//   Observation per exercise and side done (sets, reps and hold as components) and the session's
//   pain ratings. Components could not keep an exercise's four values together; members can.
// - The routine is a CarePlan whose activities reference one ServiceRequest per routine item
//   (SNOMED CT 229065009 exercise therapy), the schedule as Timing.repeat.dayOfWeek.
// - Questionnaire answers are QuestionnaireResponses; each score is an Observation derived from
//   its response. The shipped instruments (PSFS, global rating of change) have no LOINC code, so
//   they are coded in this app's own code system. HOOS JR (LOINC 82323-7 for its interval score)
//   is not shipped (docs/decisions.md, "Outcome measures"), so no response carries that code.

/** The base of every fullUrl and of this app's own code systems. */
export const fhirBase = "https://hip-back-recovery.invalid/fhir";

/** This app's code system for outcome-measure scores that have no LOINC code (PSFS, GROC). */
export const outcomeScoreSystem = `${fhirBase}/CodeSystem/outcome-score`;
/** This app's exercise catalogue, by slug. */
export const exerciseSystem = `${fhirBase}/CodeSystem/exercise`;
/** This app's codes for what was done in one exercise of a session (sets, repetitions, hold). */
export const exerciseMeasureSystem = `${fhirBase}/CodeSystem/exercise-measure`;

const loinc = "http://loinc.org";
const snomed = "http://snomed.info/sct";
const ucum = "http://unitsofmeasure.org";
const observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

/** LOINC 72514-3, https://loinc.org/72514-3 (the code the research notes and the HL7 PA IG use). */
export const painSeverityCode: Coding = {
  system: loinc,
  code: "72514-3",
  display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
};

/** LOINC 55411-3, as used by the HL7 Physical Activity IG (hl7.fhir.us.physical-activity). */
export const exerciseDurationCode: Coding = { system: loinc, code: "55411-3", display: "Exercise duration" };

/** SNOMED CT 229065009, as used by the HL7 Physical Activity IG's exercise prescription. */
export const exerciseTherapyCode: Coding = {
  system: snomed,
  code: "229065009",
  display: "Exercise therapy (regime/therapy)",
};

/**
 * The pain areas in SNOMED CT (body structure concepts). Codes and displays as published in HL7
 * implementation guides' body-site value sets (NEMSIS-derived FSH value sets list
 * 287679003 "Left hip region structure" and 287579007 "Right hip region structure"), and SNOMED
 * International's own editorial guide (body structure modelling) naming 37822005 |Lower back
 * structure (body structure)|. Some public examples swap the two hip codes ("287579007 Left hip"):
 * 287579007 is the RIGHT hip. Not checked against a licensed SNOMED CT browser (README).
 */
export const painAreaSites: Record<string, Coding> = {
  LEFT_HIP: { system: snomed, code: "287679003", display: "Left hip region structure" },
  RIGHT_HIP: { system: snomed, code: "287579007", display: "Right hip region structure" },
  LOWER_BACK: { system: snomed, code: "37822005", display: "Lower back structure" },
};

/** Score codes per instrument: LOINC where one exists, else this app's own code system. */
const scoreCodes: Record<string, Coding> = {
  // Not shipped; kept so that the code is right the day HOOS JR is added (CMS56 eCQM uses it).
  HOOS_JR: { system: loinc, code: "82323-7", display: "Total interval score [HOOSJR]" },
  PSFS: {
    system: outcomeScoreSystem,
    code: "PSFS",
    display: "Patient-Specific Functional Scale, mean score",
  },
  GROC: { system: outcomeScoreSystem, code: "GROC", display: "Global rating of change" },
};

const weekdayCodes = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const category = (code: "survey" | "activity", display: string): CodeableConcept[] => [
  { coding: [{ system: observationCategory, code, display }] },
];

/** An id for a resource made from one row (FHIR ids: letters, digits, "-" and ".", at most 64). */
const fhirId = (...parts: string[]) =>
  parts
    .join("-")
    .replace(/[^A-Za-z0-9.-]/g, "-")
    .slice(0, 64);

const ref = (type: string, id: string): Reference => ({ reference: `${type}/${fhirId(id)}` });

function entry(resource: FhirResource & { id?: string }): BundleEntry {
  return { fullUrl: `${fhirBase}/${resource.resourceType}/${resource.id}`, resource };
}

function painObservation(
  pain: Pick<PainExport, "id" | "rating" | "region" | "at">,
  patientId: string,
  note?: string,
) {
  const site = painAreaSites[pain.region];
  const observation: Observation = {
    resourceType: "Observation",
    id: fhirId(pain.id),
    status: "final",
    category: category("survey", "Survey"),
    code: { coding: [painSeverityCode], text: "Pain rating (0-10)" },
    subject: ref("Patient", patientId),
    effectiveDateTime: pain.at.toISOString(),
    valueInteger: pain.rating,
  };
  // A session rating stored before ratings named their area has no body site (never an invented one).
  if (site) observation.bodySite = { coding: [site], text: site.display };
  if (note) observation.note = [{ text: note }];
  return observation;
}

function painObservations(source: FhirSource): Observation[] {
  return source.pain.map((pain) => {
    const observation = painObservation(pain, source.patient.id, pain.note || undefined);
    if (pain.context !== "CHECK_IN") {
      observation.code.text =
        pain.context === "BEFORE_SESSION"
          ? "Pain rating before a session (0-10)"
          : "Pain rating after a session (0-10)";
    }
    return observation;
  });
}

const minutes = (seconds: number) => Math.round((seconds / 60) * 100) / 100;

function sessionObservations(session: SessionExport, patientId: string, painIds: Set<string>): Observation[] {
  const sessionId = fhirId("session", session.id);
  const members: Observation[] = session.entries.map((done) => ({
    resourceType: "Observation",
    id: fhirId("session", session.id, String(done.position), done.side),
    status: "final",
    category: category("activity", "Activity"),
    code: {
      coding: [{ system: exerciseSystem, code: done.exerciseSlug, display: done.exerciseName }],
      text: done.exerciseName,
    },
    subject: ref("Patient", patientId),
    effectiveDateTime: session.at.toISOString(),
    ...(done.side === "BOTH"
      ? {}
      : {
          bodySite: {
            text: done.side === "LEFT" ? "Left side" : "Right side",
          },
        }),
    component: [
      {
        code: { coding: [{ system: exerciseMeasureSystem, code: "sets", display: "Sets" }] },
        valueInteger: done.sets,
      },
      {
        code: { coding: [{ system: exerciseMeasureSystem, code: "reps", display: "Repetitions per set" }] },
        valueInteger: done.reps,
      },
      {
        code: { coding: [{ system: exerciseMeasureSystem, code: "hold", display: "Hold per repetition" }] },
        valueQuantity: { value: done.holdSeconds, unit: "s", system: ucum, code: "s" },
      },
    ],
  }));
  const end = new Date(session.at.getTime() + session.durationSeconds * 1000);
  const painMembers = [session.painBefore, session.painAfter]
    .filter((pain) => pain !== null && painIds.has(pain.id))
    .map((pain) => ref("Observation", fhirId(pain?.id ?? "")));
  const main: Observation = {
    resourceType: "Observation",
    id: sessionId,
    status: session.version > 1 ? "amended" : "final",
    category: category("activity", "Activity"),
    code: { coding: [exerciseDurationCode], text: "Exercise session" },
    subject: ref("Patient", patientId),
    effectivePeriod: { start: session.at.toISOString(), end: end.toISOString() },
    valueQuantity: { value: minutes(session.durationSeconds), unit: "min", system: ucum, code: "min" },
    ...(session.notes ? { note: [{ text: session.notes }] } : {}),
  };
  const hasMember = [...members.map((member) => ref("Observation", member.id ?? "")), ...painMembers];
  if (hasMember.length > 0) main.hasMember = hasMember;
  return [main, ...members];
}

function dose(item: RoutineItemExport): string {
  const hold = item.holdSeconds > 0 ? `, hold ${item.holdSeconds} s` : "";
  const side = item.perSide ? ", each side" : "";
  return `${item.sets} sets of ${item.reps}${hold}${side}`;
}

function serviceRequest(item: RoutineItemExport, routineId: string, patientId: string): ServiceRequest {
  const repeat: TimingRepeat = {
    boundsPeriod: {
      start: item.createdAt.toISOString(),
      ...(item.stoppedAt ? { end: item.stoppedAt.toISOString() } : {}),
    },
  };
  const days = weekdayCodes.filter((_, index) => (item.daysOfWeek & (1 << index)) !== 0);
  // No days listed means every day (Timing.repeat.dayOfWeek); an item with no days set says so in text.
  if (days.length > 0 && days.length < 7) repeat.dayOfWeek = days;
  return {
    resourceType: "ServiceRequest",
    id: fhirId(item.id),
    status: item.stoppedAt ? "revoked" : "active",
    // A physiotherapist's prescription is an order; what the patient set up themselves is their plan.
    intent: item.setByRole === "PHYSIO" ? "order" : "plan",
    basedOn: [ref("CarePlan", fhirId(routineId))],
    code: { coding: [exerciseTherapyCode], text: "Exercise therapy" },
    orderDetail: [
      {
        coding: [{ system: exerciseSystem, code: item.exerciseSlug, display: item.exerciseName }],
        text: item.exerciseName,
      },
    ],
    subject: ref("Patient", patientId),
    occurrenceTiming: { repeat, ...(days.length === 0 ? { code: { text: "No days set" } } : {}) },
    authoredOn: item.createdAt.toISOString(),
    requester:
      item.setByRole === "PATIENT"
        ? ref("Patient", patientId)
        : { display: `${item.setByName} (physiotherapist)` },
    performer: [ref("Patient", patientId)],
    patientInstruction: `${item.exerciseName}: ${dose(item)}.`,
  };
}

function routineResources(source: FhirSource): (CarePlan | ServiceRequest)[] {
  const routine = source.routine;
  if (!routine) return [];
  const requests = routine.items.map((item) => serviceRequest(item, routine.id, source.patient.id));
  const carePlan: CarePlan = {
    resourceType: "CarePlan",
    id: fhirId(routine.id),
    status: routine.items.some((item) => item.stoppedAt === null) ? "active" : "completed",
    intent: "plan",
    title: "Home exercise routine",
    subject: ref("Patient", source.patient.id),
    created: routine.createdAt.toISOString(),
    ...(requests.length > 0
      ? { activity: requests.map((request) => ({ reference: ref("ServiceRequest", request.id ?? "") })) }
      : {}),
  };
  return [carePlan, ...requests];
}

function responseItems(outcome: OutcomeExport): QuestionnaireResponseItem[] {
  const instrument = instrumentFor(outcome.instrument);
  const items: QuestionnaireResponseItem[] = [];
  const texts = new Map<string, string>();
  for (const section of instrument?.sections ?? []) {
    for (const item of section.items) texts.set(item.id, item.text);
  }
  for (const [id, value] of Object.entries(outcome.answers.choices)) {
    if (value === null || value === undefined) continue;
    items.push({ linkId: id, text: texts.get(id), answer: [{ valueInteger: value }] });
  }
  outcome.answers.activities.forEach((activity, index) => {
    const linkId = `activities.${index + 1}`;
    items.push({
      linkId,
      text: `Activity ${index + 1}`,
      item: [
        { linkId: `${linkId}.name`, text: "Activity", answer: [{ valueString: activity.name }] },
        ...(activity.rating === null || activity.rating === undefined
          ? []
          : [
              {
                linkId: `${linkId}.rating`,
                text: "Rating (0-10)",
                answer: [{ valueInteger: activity.rating }],
              },
            ]),
      ],
    });
  });
  return items;
}

function outcomeResources(source: FhirSource): (QuestionnaireResponse | Observation)[] {
  return source.outcomes.flatMap((outcome) => {
    const responseId = fhirId("response", outcome.id);
    const response: QuestionnaireResponse = {
      resourceType: "QuestionnaireResponse",
      id: responseId,
      questionnaire: `${fhirBase}/Questionnaire/${outcome.instrument.toLowerCase()}|${outcome.instrumentVersion}`,
      status: "completed",
      subject: ref("Patient", source.patient.id),
      authored: outcome.at.toISOString(),
      author: ref("Patient", source.patient.id),
      item: responseItems(outcome),
    };
    if (response.item?.length === 0) delete response.item;
    const code = scoreCodes[outcome.instrument] ?? {
      system: outcomeScoreSystem,
      code: outcome.instrument,
      display: outcome.instrumentName,
    };
    const score: Observation = {
      resourceType: "Observation",
      id: fhirId("score", outcome.id),
      status: "final",
      category: category("survey", "Survey"),
      code: { coding: [code], text: `${outcome.instrumentName} score` },
      subject: ref("Patient", source.patient.id),
      effectiveDateTime: outcome.at.toISOString(),
      valueQuantity: { value: outcome.score, unit: "{score}", system: ucum, code: "{score}" },
      derivedFrom: [ref("QuestionnaireResponse", responseId)],
    };
    return [response, score];
  });
}

/** A Bundle from what the data layer read; pure, so tests can build one from known rows. */
export function bundleOf(source: FhirSource, now: Date): Bundle {
  const painIds = new Set(source.pain.map((pain) => pain.id));
  const resources: FhirResource[] = [
    { resourceType: "Patient", id: fhirId(source.patient.id), name: [{ text: source.patient.name }] },
    ...painObservations(source),
    ...source.sessions.flatMap((session) => sessionObservations(session, source.patient.id, painIds)),
    ...routineResources(source),
    ...outcomeResources(source),
  ];
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: now.toISOString(),
    entry: resources.map(entry),
  };
}
