import { describe, expect, it } from "vitest";
import {
  blankEntry,
  type EntryRow,
  rowErrors,
  rowProblems,
  rowsFromEntries,
  rowWithDose,
  toEntries,
  withExercise,
} from "@/components/sessions/session-form-model";

const keyed = (rows: ReturnType<typeof rowsFromEntries>): EntryRow[] =>
  rows.map((row, index) => ({ ...row, key: `row${index}` }));
const clamshellDose = { sets: 2, reps: 10, holdSeconds: 3, perSide: true };
const bridgeDose = { sets: 2, reps: 5, holdSeconds: 5, perSide: false };

describe("logging a session from the routine", () => {
  it("fills a per-side exercise as one row with both sides at the prescribed dose", () => {
    const row = rowWithDose("clamshell", clamshellDose);
    expect(row.mode).toBe("sides");
    expect(row.left).toEqual({ sets: "2", reps: "10", holdSeconds: "3", done: true });
    expect(row.right).toEqual(row.left);
    expect(rowWithDose("bridge", bridgeDose).mode).toBe("both");
  });

  it("saves a per-side row as one entry per side done, and a whole-body row as BOTH", () => {
    const [clamshell, bridge] = keyed([
      rowWithDose("clamshell", clamshellDose),
      rowWithDose("bridge", bridgeDose),
    ]);
    if (!clamshell || !bridge) throw new Error("rows");
    const changed = { ...clamshell, right: { ...clamshell.right, sets: "1" } };
    const { entries, targets } = toEntries([changed, bridge]);
    expect(entries).toEqual([
      { exerciseId: "clamshell", side: "LEFT", sets: "2", reps: "10", holdSeconds: "3" },
      { exerciseId: "clamshell", side: "RIGHT", sets: "1", reps: "10", holdSeconds: "3" },
      { exerciseId: "bridge", side: "BOTH", sets: "2", reps: "5", holdSeconds: "5" },
    ]);
    expect(targets).toEqual([
      { key: "row0", side: "LEFT" },
      { key: "row0", side: "RIGHT" },
      { key: "row1", side: "BOTH" },
    ]);
    const leftOnly = { ...clamshell, right: { ...clamshell.right, done: false } };
    expect(toEntries([leftOnly]).entries.map((entry) => entry.side)).toEqual(["LEFT"]);
  });

  it("prefers the routine's dose over the catalog's when an exercise is chosen", () => {
    const row = { ...blankEntry(), key: "k" };
    const option = { id: "clamshell", name: "Clamshell", defaultDose: { ...clamshellDose, reps: 8 } };
    expect(withExercise(row, option).left.reps).toBe("8");
    expect(withExercise(row, { ...option, prescribed: clamshellDose }).left.reps).toBe("10");
    expect(withExercise(row, { ...option, prescribed: clamshellDose }).key).toBe("k");
  });

  it("asks for an exercise on each row and a side on each per-side row before sending", () => {
    const [empty, clamshell] = keyed([blankEntry(), rowWithDose("clamshell", clamshellDose)]);
    if (!empty || !clamshell) throw new Error("rows");
    const noSide = {
      ...clamshell,
      left: { ...clamshell.left, done: false },
      right: { ...clamshell.right, done: false },
    };
    expect(rowProblems([empty, noSide])).toEqual({
      row0: { exerciseId: ["Choose an exercise."] },
      row1: { row: ["Tick the sides you did, or remove this exercise."] },
    });
    expect(rowProblems([clamshell])).toEqual({});
  });

  it("puts the server's errors on the row and side each entry was sent from", () => {
    const errors = rowErrors(
      {
        "entries.1.sets": ["Sets cannot be more than 50."],
        "entries.2.exerciseId": ["Unknown item."],
        startedAt: ["x"],
      },
      [
        { key: "a", side: "LEFT" },
        { key: "a", side: "RIGHT" },
        { key: "b", side: "BOTH" },
      ],
    );
    expect(errors).toEqual({
      a: { doses: { RIGHT: { sets: ["Sets cannot be more than 50."] } } },
      b: { doses: {}, exerciseId: ["Unknown item."] },
    });
  });
});

describe("editing a saved session", () => {
  it("joins a left and a right entry of the same exercise into one row, and keeps a lone side alone", () => {
    const rows = rowsFromEntries([
      { exerciseId: "clamshell", side: "LEFT", sets: 2, reps: 10, holdSeconds: 3 },
      { exerciseId: "clamshell", side: "RIGHT", sets: 1, reps: 10, holdSeconds: 3 },
      { exerciseId: "bridge", side: "BOTH", sets: 2, reps: 5, holdSeconds: 5 },
      { exerciseId: "lunge", side: "RIGHT", sets: 1, reps: 3, holdSeconds: 30 },
    ]);
    expect(rows.map((row) => [row.exerciseId, row.mode, row.left.done, row.right.done])).toEqual([
      ["clamshell", "sides", true, true],
      ["bridge", "both", true, true],
      ["lunge", "sides", false, true],
    ]);
    expect(rows[0]?.right.sets).toBe("1");
    // Saved again unchanged, it writes exactly the entries it was made from.
    expect(toEntries(keyed(rows)).entries).toEqual([
      { exerciseId: "clamshell", side: "LEFT", sets: "2", reps: "10", holdSeconds: "3" },
      { exerciseId: "clamshell", side: "RIGHT", sets: "1", reps: "10", holdSeconds: "3" },
      { exerciseId: "bridge", side: "BOTH", sets: "2", reps: "5", holdSeconds: "5" },
      { exerciseId: "lunge", side: "RIGHT", sets: "1", reps: "3", holdSeconds: "30" },
    ]);
  });
});
