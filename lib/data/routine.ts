import "server-only";
import type { ExerciseCategory } from "@/lib/catalog/exercises";
import { starterRoutineSlugs } from "@/lib/catalog/starter-routine";
import { db } from "@/lib/db";
import type { RoutineDose } from "@/lib/validation/routine";
import { auditedTransaction } from "./audit";
import { type CurrentUser, readPatientData, requirePatientAccess } from "./current-user";
import { isUniqueViolation, NotFoundError, RuleError } from "./errors";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Dose = Omit<RoutineDose, "days"> & { daysOfWeek: number };

export type RoutineItemView = {
  id: string;
  position: number;
  exercise: {
    id: string;
    slug: string;
    name: string;
    category: ExerciseCategory;
    illustration: string;
    steps: string[];
    cautions: string[];
  };
  sets: number;
  reps: number;
  holdSeconds: number;
  perSide: boolean;
  daysOfWeek: number;
  setBy: { name: string; role: "PATIENT" | "PHYSIO" };
  updatedAt: Date;
  version: number;
};

export type RoutineChangeView = {
  at: Date;
  change: "CREATED" | "UPDATED" | "MOVED" | "STOPPED";
  exerciseName: string;
  by: { name: string; role: "PATIENT" | "PHYSIO" };
  dose: Dose & { position: number };
};

const itemSelect = {
  id: true,
  position: true,
  sets: true,
  reps: true,
  holdSeconds: true,
  perSide: true,
  daysOfWeek: true,
  setByRole: true,
  updatedAt: true,
  version: true,
  setBy: { select: { name: true } },
  exercise: {
    select: {
      id: true,
      slug: true,
      name: true,
      category: true,
      illustration: true,
      steps: true,
      cautions: true,
    },
  },
} as const;

/** The patient's active routine items in order. Readable by the patient and linked physiotherapists. */
export async function getRoutine(patientId: string): Promise<RoutineItemView[]> {
  await readPatientData(patientId, "READ_ROUTINE");
  const rows = await db.routineItem.findMany({
    where: { routine: { patientId }, stoppedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: itemSelect,
  });
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    exercise: {
      ...row.exercise,
      category: row.exercise.category as ExerciseCategory,
      steps: JSON.parse(row.exercise.steps) as string[],
      cautions: JSON.parse(row.exercise.cautions) as string[],
    },
    sets: row.sets,
    reps: row.reps,
    holdSeconds: row.holdSeconds,
    perSide: row.perSide,
    daysOfWeek: row.daysOfWeek,
    setBy: { name: row.setBy.name, role: row.setByRole as "PATIENT" | "PHYSIO" },
    updatedAt: row.updatedAt,
    version: row.version,
  }));
}

/** Changes newest first: the latest `take`, or every change from `within.start` up to `within.end`. */
export async function getRoutineHistory(
  patientId: string,
  take = 50,
  within?: { start: Date; end: Date },
): Promise<RoutineChangeView[]> {
  await readPatientData(patientId, "READ_ROUTINE");
  const rows = await db.routineItemVersion.findMany({
    where: { patientId, ...(within ? { createdAt: { gte: within.start, lt: within.end } } : {}) },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    ...(within ? {} : { take }),
    select: {
      createdAt: true,
      change: true,
      position: true,
      sets: true,
      reps: true,
      holdSeconds: true,
      perSide: true,
      daysOfWeek: true,
      changedByRole: true,
      changedBy: { select: { name: true } },
      exercise: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    at: row.createdAt,
    change: row.change as RoutineChangeView["change"],
    exerciseName: row.exercise.name,
    by: { name: row.changedBy.name, role: row.changedByRole as "PATIENT" | "PHYSIO" },
    dose: {
      position: row.position,
      sets: row.sets,
      reps: row.reps,
      holdSeconds: row.holdSeconds,
      perSide: row.perSide,
      daysOfWeek: row.daysOfWeek,
    },
  }));
}

/**
 * Who may change a routine: the patient, or a physiotherapist with an active link (a
 * prescription). A patient may not change or stop what a physiotherapist prescribed.
 */
async function requireRoutineEditor(patientId: string): Promise<CurrentUser> {
  const { user } = await requirePatientAccess(patientId);
  return user;
}

async function alreadyApplied(patientId: string, clientRequestId: string): Promise<boolean> {
  const row = await db.routineItemVersion.findUnique({
    where: { patientId_clientRequestId: { patientId, clientRequestId } },
    select: { id: true },
  });
  return row !== null;
}

type ItemRow = {
  id: string;
  exerciseId: string;
  position: number;
  version: number;
  setByRole: string;
} & Dose;

async function recordVersion(
  tx: Tx,
  patientId: string,
  editor: CurrentUser,
  item: ItemRow,
  change: RoutineChangeView["change"],
  clientRequestId: string,
) {
  await tx.routineItemVersion.create({
    data: {
      routineItemId: item.id,
      patientId,
      version: item.version,
      change,
      exerciseId: item.exerciseId,
      position: item.position,
      sets: item.sets,
      reps: item.reps,
      holdSeconds: item.holdSeconds,
      perSide: item.perSide,
      daysOfWeek: item.daysOfWeek,
      changedById: editor.id,
      changedByRole: editor.role,
      clientRequestId,
    },
  });
}

/** Runs one routine change at most once per client request id. */
async function once(
  patientId: string,
  clientRequestId: string,
  change: () => Promise<void>,
): Promise<boolean> {
  if (await alreadyApplied(patientId, clientRequestId)) return false;
  try {
    await change();
    return true;
  } catch (error) {
    // A repeat of this request is fine; any other clash is a concurrent change to the same item.
    if (!isUniqueViolation(error)) throw error;
    if (await alreadyApplied(patientId, clientRequestId)) return false;
    throw new RuleError("This was changed elsewhere at the same moment. Reload and try again.");
  }
}

const itemRowSelect = {
  id: true,
  exerciseId: true,
  position: true,
  version: true,
  setByRole: true,
  sets: true,
  reps: true,
  holdSeconds: true,
  perSide: true,
  daysOfWeek: true,
} as const;

async function loadItem(tx: Tx, patientId: string, itemId: string): Promise<ItemRow> {
  const item = await tx.routineItem.findFirst({
    where: { id: itemId, routine: { patientId }, stoppedAt: null },
    select: itemRowSelect,
  });
  if (!item) throw new NotFoundError("That routine item");
  return item;
}

function guardPrescribed(editor: CurrentUser, item: ItemRow): void {
  if (editor.role === "PATIENT" && item.setByRole === "PHYSIO") {
    throw new RuleError(
      "Your physiotherapist prescribed this exercise. Ask them to change it; you can add your own exercises.",
    );
  }
}

function toDose(dose: RoutineDose): Dose {
  return {
    sets: dose.sets,
    reps: dose.reps,
    holdSeconds: dose.holdSeconds,
    perSide: dose.perSide,
    daysOfWeek: dose.days,
  };
}

export async function addRoutineItem(
  patientId: string,
  input: RoutineDose & { exerciseId: string; clientRequestId: string },
): Promise<boolean> {
  const editor = await requireRoutineEditor(patientId);
  return once(patientId, input.clientRequestId, () =>
    auditedTransaction(async (tx) => {
      const exercise = await tx.exercise.findUnique({
        where: { id: input.exerciseId },
        select: { id: true },
      });
      if (!exercise) throw new RuleError("That exercise is not in the catalog.", "exerciseId");
      const routine = await tx.routine.upsert({
        where: { patientId },
        create: { patientId },
        update: {},
        select: { id: true },
      });
      const last = await tx.routineItem.aggregate({
        where: { routineId: routine.id, stoppedAt: null },
        _max: { position: true },
      });
      const item = await tx.routineItem.create({
        data: {
          routineId: routine.id,
          exerciseId: exercise.id,
          position: (last._max.position ?? -1) + 1,
          ...toDose(input),
          setById: editor.id,
          setByRole: editor.role,
        },
        select: itemRowSelect,
      });
      await recordVersion(tx, patientId, editor, item, "CREATED", input.clientRequestId);
    }),
  );
}

/** Changes one active item the editor may change, as a new version, once per request id. */
async function changeItem(
  patientId: string,
  itemId: string,
  clientRequestId: string,
  change: "UPDATED" | "STOPPED",
  data: (editor: CurrentUser) => Partial<Dose> & { stoppedAt?: Date; setById?: string; setByRole?: string },
): Promise<boolean> {
  const editor = await requireRoutineEditor(patientId);
  return once(patientId, clientRequestId, () =>
    auditedTransaction(async (tx) => {
      const item = await loadItem(tx, patientId, itemId);
      guardPrescribed(editor, item);
      const changed = await tx.routineItem.update({
        where: { id: item.id },
        data: { ...data(editor), version: item.version + 1 },
        select: itemRowSelect,
      });
      await recordVersion(tx, patientId, editor, changed, change, clientRequestId);
    }),
  );
}

export function updateRoutineItem(
  patientId: string,
  input: RoutineDose & { itemId: string; clientRequestId: string },
): Promise<boolean> {
  // The one who sets the new dose becomes the one who set the item.
  return changeItem(patientId, input.itemId, input.clientRequestId, "UPDATED", (editor) => ({
    ...toDose(input),
    setById: editor.id,
    setByRole: editor.role,
  }));
}

export function stopRoutineItem(
  patientId: string,
  input: { itemId: string; clientRequestId: string },
): Promise<boolean> {
  return changeItem(patientId, input.itemId, input.clientRequestId, "STOPPED", () => ({
    stoppedAt: new Date(),
  }));
}

/** Swaps an item with its neighbour. Order is the patient's to arrange, prescribed items included. */
export async function moveRoutineItem(
  patientId: string,
  input: { itemId: string; direction: "up" | "down"; clientRequestId: string },
): Promise<boolean> {
  const editor = await requireRoutineEditor(patientId);
  return once(patientId, input.clientRequestId, () =>
    auditedTransaction(async (tx) => {
      const item = await loadItem(tx, patientId, input.itemId);
      const neighbour = await tx.routineItem.findFirst({
        where: {
          routine: { patientId },
          stoppedAt: null,
          position: input.direction === "up" ? { lt: item.position } : { gt: item.position },
        },
        orderBy: { position: input.direction === "up" ? "desc" : "asc" },
        select: itemRowSelect,
      });
      if (!neighbour) return;
      const moved = await tx.routineItem.update({
        where: { id: item.id },
        data: { position: neighbour.position, version: item.version + 1 },
        select: itemRowSelect,
      });
      const swapped = await tx.routineItem.update({
        where: { id: neighbour.id },
        data: { position: item.position, version: neighbour.version + 1 },
        select: itemRowSelect,
      });
      await recordVersion(tx, patientId, editor, moved, "MOVED", input.clientRequestId);
      await recordVersion(tx, patientId, editor, swapped, "MOVED", `${input.clientRequestId}:neighbour`);
    }),
  );
}

export async function applyStarterRoutine(patientId: string, clientRequestId: string): Promise<boolean> {
  const editor = await requireRoutineEditor(patientId);
  return once(patientId, `${clientRequestId}:0`, () =>
    auditedTransaction(async (tx) => {
      const routine = await tx.routine.upsert({
        where: { patientId },
        create: { patientId },
        update: {},
        select: { id: true },
      });
      const active = await tx.routineItem.count({ where: { routineId: routine.id, stoppedAt: null } });
      if (active > 0) throw new RuleError("You already have a routine.");
      const exercises = await tx.exercise.findMany({
        where: { slug: { in: [...starterRoutineSlugs] } },
        select: {
          id: true,
          slug: true,
          defaultSets: true,
          defaultReps: true,
          defaultHoldSeconds: true,
          defaultPerSide: true,
        },
      });
      const ordered = starterRoutineSlugs.flatMap((slug) =>
        exercises.filter((exercise) => exercise.slug === slug),
      );
      for (const [position, exercise] of ordered.entries()) {
        const item = await tx.routineItem.create({
          data: {
            routineId: routine.id,
            exerciseId: exercise.id,
            position,
            sets: exercise.defaultSets,
            reps: exercise.defaultReps,
            holdSeconds: exercise.defaultHoldSeconds,
            perSide: exercise.defaultPerSide,
            daysOfWeek: 0b1111111,
            setById: editor.id,
            setByRole: editor.role,
          },
          select: itemRowSelect,
        });
        await recordVersion(tx, patientId, editor, item, "CREATED", `${clientRequestId}:${position}`);
      }
    }),
  );
}
