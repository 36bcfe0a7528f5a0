import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password.ts";
import { starterRoutineSlugs } from "../../lib/catalog/starter-routine.ts";
import type { Db } from "../../lib/db/client.ts";
import type { Prisma } from "../../lib/generated/sqlite/client.ts";
import { seededRandom } from "./random.ts";

export const demoAccounts = {
  patient: { email: "patient@demo.test", name: "Alex Morgan" },
  physio: { email: "physio@demo.test", name: "Sam Okafor" },
  otherPatients: [
    { email: "jordan@demo.test", name: "Jordan Lee" },
    { email: "casey@demo.test", name: "Casey Novak" },
  ],
} as const;

const dayMs = 86_400_000;

const clampPain = (value: number) => Math.max(0, Math.min(10, Math.round(value)));

type Story = {
  days: number;
  /** Pain at the start and at the end of the history (lower back). */
  painFrom: number;
  painTo: number;
  /** Share of days with a session. */
  sessionRate: number;
  /** Days at the end with nothing logged. */
  silentDays: number;
  /** Extra pain over the last few days (a flare). */
  flare: number;
};

type DoneExercise = { id: string; defaultPerSide: boolean };

async function seedHistory(
  db: Db,
  patientId: string,
  exercises: DoneExercise[],
  story: Story,
  seed: number,
  now: Date,
) {
  const random = seededRandom(seed);
  const sessions: Prisma.ExerciseSessionCreateManyInput[] = [];
  const entries: Prisma.SessionEntryCreateManyInput[] = [];
  const pains: Prisma.PainEntryCreateManyInput[] = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // Today's entries are placed in the past even when the demo is created early in the morning.
  const notAfterNow = (ms: number) => new Date(Math.min(ms, now.getTime() - 10 * 60_000));

  for (let day = story.days; day >= story.silentDays; day--) {
    const progress = 1 - day / story.days;
    const flare = day < 4 ? story.flare : 0;
    const base = story.painFrom + (story.painTo - story.painFrom) * progress + flare;
    const dayStart = today - day * dayMs;
    const morning = notAfterNow(dayStart + (7 * 60 + Math.floor(random() * 90)) * 60_000);
    const back = clampPain(base + (random() - 0.5) * 2);
    pains.push({
      id: randomUUID(),
      patientId,
      rating: back,
      region: "LOWER_BACK",
      context: "CHECK_IN",
      recordedAt: morning,
      clientRequestId: randomUUID(),
    });
    pains.push({
      id: randomUUID(),
      patientId,
      rating: clampPain(base - 1 + (random() - 0.5) * 2),
      region: "RIGHT_HIP",
      context: "CHECK_IN",
      recordedAt: morning,
      clientRequestId: randomUUID(),
    });
    if (random() < 0.3) {
      pains.push({
        id: randomUUID(),
        patientId,
        rating: clampPain(base - 2 + random() * 2),
        region: "LEFT_HIP",
        context: "CHECK_IN",
        recordedAt: morning,
        clientRequestId: randomUUID(),
      });
    }
    if (random() >= story.sessionRate) continue;
    const sessionId = randomUUID();
    const plannedStart = dayStart + (17 * 60 + Math.floor(random() * 180)) * 60_000;
    const painBefore = clampPain(base + (random() - 0.3));
    const painAfter = clampPain(painBefore - 1 - random() * 1.5);
    const done = exercises.filter(() => random() < 0.85);
    const durationSeconds = 900 + Math.floor(random() * 900);
    // This evening's session has not happened yet when the demo is created earlier in the day.
    if (plannedStart + durationSeconds * 1000 > now.getTime()) continue;
    const startedAt = new Date(plannedStart);
    const sessionRequestId = randomUUID();
    sessions.push({
      id: sessionId,
      patientId,
      startedAt,
      durationSeconds,
      notes: random() < 0.1 ? "Felt stiff at the start, easier by the end." : "",
      source: random() < 0.8 ? "GUIDED" : "QUICK_LOG",
      clientRequestId: sessionRequestId,
    });
    for (const [position, exercise] of done.entries()) {
      for (const side of exercise.defaultPerSide ? ["LEFT", "RIGHT"] : ["BOTH"]) {
        entries.push({
          id: randomUUID(),
          sessionId,
          exerciseId: exercise.id,
          position,
          side,
          sets: 1,
          reps: 3,
          holdSeconds: 30,
        });
      }
    }
    // As the session forms write them: one rating before and one after, naming the area (the
    // demo patients' main area is the lower back), at the session's start and end.
    pains.push({
      id: randomUUID(),
      patientId,
      rating: painBefore,
      region: "LOWER_BACK",
      context: "BEFORE_SESSION",
      recordedAt: startedAt,
      sessionId,
      clientRequestId: `${sessionRequestId}:before`,
    });
    pains.push({
      id: randomUUID(),
      patientId,
      rating: painAfter,
      region: "LOWER_BACK",
      context: "AFTER_SESSION",
      recordedAt: new Date(startedAt.getTime() + durationSeconds * 1000),
      sessionId,
      clientRequestId: `${sessionRequestId}:after`,
    });
  }
  await db.exerciseSession.createMany({ data: sessions });
  await db.sessionEntry.createMany({ data: entries });
  await db.painEntry.createMany({ data: pains });
}

type DemoExercise = {
  id: string;
  defaultSets: number;
  defaultReps: number;
  defaultHoldSeconds: number;
  defaultPerSide: boolean;
};

/** A routine whose first `prescribed` items the physiotherapist set, the rest the patient added. */
async function seedRoutine(
  db: Db,
  patientId: string,
  physioId: string,
  exercises: DemoExercise[],
  routineStart: Date,
  prescribed: number,
): Promise<void> {
  // The routine started with its first items: the caseload counts inactivity from then on.
  const routine = await db.routine.create({
    data: { patientId, createdAt: routineStart },
    select: { id: true },
  });
  const everyDay = 0b1111111;
  const weekdays = 0b0011111;
  for (const [position, exercise] of exercises.entries()) {
    const byPhysio = position < prescribed;
    const setById = byPhysio ? physioId : patientId;
    const setByRole = byPhysio ? "PHYSIO" : "PATIENT";
    const dose = {
      sets: exercise.defaultSets,
      reps: exercise.defaultReps,
      holdSeconds: exercise.defaultHoldSeconds,
      perSide: exercise.defaultPerSide,
      daysOfWeek: byPhysio ? everyDay : weekdays,
    };
    const item = await db.routineItem.create({
      // Prescribed when the history starts, so adherence has weeks of schedule to measure against.
      data: {
        routineId: routine.id,
        exerciseId: exercise.id,
        position,
        ...dose,
        setById,
        setByRole,
        createdAt: routineStart,
      },
      select: { id: true },
    });
    await db.routineItemVersion.create({
      data: {
        routineItemId: item.id,
        patientId,
        version: 1,
        change: "CREATED",
        exerciseId: exercise.id,
        position,
        ...dose,
        changedById: setById,
        changedByRole: setByRole,
        clientRequestId: randomUUID(),
        createdAt: routineStart,
      },
    });
  }
}

async function createUser(
  db: Db,
  email: string,
  name: string,
  role: "PATIENT" | "PHYSIO",
  passwordHash: string,
) {
  return db.user.create({
    // demoAccount exempts them from the second factor, in the embedded mode only (lib/data/two-factor.ts).
    // Their addresses count as confirmed: nobody reads a demo inbox.
    data: {
      email,
      name,
      role,
      timezone: "Europe/London",
      passwordHash,
      demoAccount: true,
      emailVerifiedAt: new Date(),
    },
    select: { id: true },
  });
}

/** The calendar date in London (the demo patients' zone), as outcome schedules store it. */
const londonDate = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(instant);

/**
 * Questionnaires: Sam asked Alex for the PSFS every 4 weeks from the start (scored as the app
 * scores it: the mean of the ratings) and for a global rating of change once, 4 weeks ago. Alex's
 * PSFS rose 3 points over the three activities rated every time (important: 2 or more); Casey's
 * fell 1 point (not important).
 */
async function seedOutcomes(db: Db, physioId: string, alexId: string, caseyId: string, now: Date) {
  const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs - 3 * 3_600_000);
  const psfs = await db.outcomeAssignment.create({
    data: {
      patientId: alexId,
      physioId,
      instrument: "PSFS",
      firstDueDate: londonDate(daysAgo(112)),
      everyWeeks: 4,
      clientRequestId: randomUUID(),
      createdAt: daysAgo(113),
    },
  });
  const activities = ["Climbing stairs", "Putting on socks", "Walking for 30 minutes"];
  const answers = [
    [112, [3, 4, 2]],
    [84, [4, 4, 3]],
    [56, [5, 6, 4]],
    [28, [6, 7, 5]],
  ] as const;
  for (const [days, ratings] of answers) {
    await db.outcomeResponse.create({
      data: {
        patientId: alexId,
        instrument: "PSFS",
        instrumentVersion: 1,
        assignmentId: psfs.id,
        dueDate: londonDate(daysAgo(days)),
        answers: JSON.stringify({
          choices: {},
          activities: activities.map((name, index) => ({ name, rating: ratings[index] })),
        }),
        score: Math.round((100 * ratings.reduce((a, b) => a + b, 0)) / ratings.length) / 100,
        completedAt: daysAgo(days),
        clientRequestId: randomUUID(),
      },
    });
  }
  const groc = await db.outcomeAssignment.create({
    data: {
      patientId: alexId,
      physioId,
      instrument: "GROC",
      firstDueDate: londonDate(daysAgo(28)),
      clientRequestId: randomUUID(),
      createdAt: daysAgo(40),
    },
  });
  await db.outcomeResponse.create({
    data: {
      patientId: alexId,
      instrument: "GROC",
      instrumentVersion: 1,
      assignmentId: groc.id,
      dueDate: londonDate(daysAgo(28)),
      answers: JSON.stringify({ choices: { change: 4 }, activities: [] }),
      score: 4,
      completedAt: daysAgo(28),
      clientRequestId: randomUUID(),
    },
  });
  for (const [days, ratings] of [
    [40, [5, 6]],
    [5, [4, 5]],
  ] as const) {
    await db.outcomeResponse.create({
      data: {
        patientId: caseyId,
        instrument: "PSFS",
        instrumentVersion: 1,
        answers: JSON.stringify({
          choices: {},
          activities: [
            { name: "Sitting through a film", rating: ratings[0] },
            { name: "Lifting the laundry basket", rating: ratings[1] },
          ],
        }),
        score: (ratings[0] + ratings[1]) / 2,
        completedAt: daysAgo(days),
        clientRequestId: randomUUID(),
      },
    });
  }
}

/**
 * Demo accounts for the embedded mode: a patient with four months of history, a physiotherapist
 * linked to three patients (one improving, one flaring, one gone quiet). Skipped when present.
 */
export async function seedDemo(db: Db, password: string, now = new Date()): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: demoAccounts.patient.email }, select: { id: true } }))
    return false;
  const passwordHash = await hashPassword(password);
  const exercises = await db.exercise.findMany({
    where: {
      slug: { in: [...starterRoutineSlugs, "pelvic-tilt"] },
    },
    select: {
      id: true,
      slug: true,
      defaultSets: true,
      defaultReps: true,
      defaultHoldSeconds: true,
      defaultPerSide: true,
    },
  });
  const physio = await createUser(
    db,
    demoAccounts.physio.email,
    demoAccounts.physio.name,
    "PHYSIO",
    passwordHash,
  );
  const patient = await createUser(
    db,
    demoAccounts.patient.email,
    demoAccounts.patient.name,
    "PATIENT",
    passwordHash,
  );
  const [jordan, casey] = await Promise.all(
    demoAccounts.otherPatients.map((p) => createUser(db, p.email, p.name, "PATIENT", passwordHash)),
  );
  if (!jordan || !casey) throw new Error("demo patients were not created");
  // Set by each patient on their account page; their session ratings name this area.
  await db.user.updateMany({
    where: { id: { in: [patient.id, jordan.id, casey.id] } },
    data: { mainPainArea: "LOWER_BACK" },
  });

  await seedHistory(
    db,
    patient.id,
    exercises,
    { days: 120, painFrom: 6.5, painTo: 3, sessionRate: 0.8, silentDays: 0, flare: 0 },
    // A seed whose last fortnight is as steady as the story says (most seeds are; 1 was not).
    5,
    now,
  );
  await seedHistory(
    db,
    jordan.id,
    exercises,
    { days: 60, painFrom: 5, painTo: 4, sessionRate: 0.6, silentDays: 0, flare: 3.5 },
    2,
    now,
  );
  await seedHistory(
    db,
    casey.id,
    exercises,
    { days: 45, painFrom: 4, painTo: 3, sessionRate: 0.7, silentDays: 9, flare: 0 },
    3,
    now,
  );

  for (const [index, p] of [patient, jordan, casey].entries()) {
    await db.careLink.create({
      data: {
        physioId: physio.id,
        patientId: p.id,
        status: "ACTIVE",
        consentedAt: new Date(now.getTime() - (130 - index * 20) * dayMs),
      },
    });
  }

  const routineStart = new Date(now.getTime() - 121 * dayMs);
  await seedRoutine(db, patient.id, physio.id, exercises, routineStart, 3);
  // Jordan's and Casey's routines were prescribed when their care began, so adherence is measured.
  await seedRoutine(db, jordan.id, physio.id, exercises.slice(0, 3), new Date(now.getTime() - 61 * dayMs), 3);
  await seedRoutine(db, casey.id, physio.id, exercises.slice(0, 4), new Date(now.getTime() - 46 * dayMs), 2);
  // Jordan's pain flared this morning: the caseload should put him first.
  await db.painEntry.create({
    data: {
      patientId: jordan.id,
      rating: 8,
      region: "LOWER_BACK",
      context: "CHECK_IN",
      recordedAt: new Date(now.getTime() - 2 * 3_600_000),
      note: "Sharp pain after carrying shopping.",
      clientRequestId: randomUUID(),
    },
  });

  await seedOutcomes(db, physio.id, patient.id, casey.id, now);

  // A clinical note (private to the physiotherapist) and a comment the patient sees on a session.
  await db.clinicalNote.create({
    data: {
      physioId: physio.id,
      patientId: patient.id,
      body: "Right-sided hip pain, worse after sitting. Working on hip flexor length and glute strength; review in four weeks.",
      clientRequestId: randomUUID(),
      createdAt: routineStart,
    },
  });
  const lastSession = await db.exerciseSession.findFirst({
    where: { patientId: patient.id },
    orderBy: { startedAt: "desc" },
    select: { id: true, startedAt: true },
  });
  if (lastSession) {
    await db.comment.create({
      data: {
        authorId: physio.id,
        patientId: patient.id,
        sessionId: lastSession.id,
        body: "Good consistency this week. If the bridge feels easy, add a 3-second hold at the top.",
        clientRequestId: randomUUID(),
        createdAt: new Date(Math.min(now.getTime(), lastSession.startedAt.getTime() + 3 * 3_600_000)),
      },
    });
  }
  return true;
}
