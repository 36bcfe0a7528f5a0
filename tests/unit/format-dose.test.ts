import { describe, expect, it } from "vitest";
import { formatDose } from "@/components/exercises/format-dose";
import { exerciseCatalog } from "@/lib/catalog/exercises";

describe("formatDose", () => {
  it("describes one set of held repetitions done on each side", () => {
    expect(formatDose({ sets: 1, reps: 3, holdSeconds: 30, perSide: true })).toBe(
      "1 set of 3 × 30 s holds, each side",
    );
  });

  it("uses the plural for several sets and leaves out the side when both sides work together", () => {
    expect(formatDose({ sets: 2, reps: 3, holdSeconds: 30, perSide: false })).toBe(
      "2 sets of 3 × 30 s holds",
    );
  });

  it("uses the singular for a single hold", () => {
    expect(formatDose({ sets: 1, reps: 1, holdSeconds: 45, perSide: false })).toBe("1 set of 1 × 45 s hold");
  });

  it("counts repetitions instead of holds when there is nothing to hold", () => {
    expect(formatDose({ sets: 3, reps: 10, holdSeconds: 0, perSide: true })).toBe(
      "3 sets of 10 repetitions, each side",
    );
  });

  it("uses the singular for a single repetition without a hold", () => {
    expect(formatDose({ sets: 2, reps: 1, holdSeconds: 0, perSide: false })).toBe("2 sets of 1 repetition");
  });

  it("shows the catalog's glute bridge dose as patients will read it", () => {
    const bridge = exerciseCatalog.find((exercise) => exercise.slug === "glute-bridge");
    expect(bridge && formatDose(bridge.defaultDose)).toBe("2 sets of 10 × 5 s holds");
  });

  it("shows the catalog's knee-to-chest dose with each side", () => {
    const stretch = exerciseCatalog.find((exercise) => exercise.slug === "knee-to-chest-stretch");
    expect(stretch && formatDose(stretch.defaultDose)).toBe("1 set of 3 × 30 s holds, each side");
  });
});
