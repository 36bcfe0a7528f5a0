import { describe, expect, it } from "vitest";
import { formatDose } from "@/components/exercises/format-dose";
import { formatEntry } from "@/components/history/labels";
import { countOf } from "@/lib/domain/progress";
import { nounFor, plural } from "@/lib/format";

describe("the app's one pluralisation rule", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "session")).toBe("1 session");
    expect(plural(0, "session")).toBe("0 sessions");
    expect(plural(2, "exercise")).toBe("2 exercises");
    expect(plural(1.5, "point")).toBe("1.5 points");
  });

  it("takes an irregular plural", () => {
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(3, "entry", "entries")).toBe("3 entries");
    expect(nounFor(1, "hold")).toBe("hold");
    expect(nounFor(4, "hold")).toBe("holds");
  });

  it("is the rule behind the progress summaries, doses and history lines", () => {
    expect(countOf(1, "session")).toBe("1 session");
    expect(countOf(1, "exercise")).toBe("1 exercise");
    expect(formatDose({ sets: 1, reps: 1, holdSeconds: 30, perSide: true })).toBe(
      "1 set of 1 × 30 s hold, each side",
    );
    expect(formatDose({ sets: 2, reps: 10, holdSeconds: 0, perSide: false })).toBe(
      "2 sets of 10 repetitions",
    );
    expect(
      formatEntry({
        exerciseId: "e",
        exerciseName: "Clamshell",
        exerciseSlug: "clamshell",
        side: "LEFT",
        sets: 1,
        reps: 1,
        holdSeconds: 0,
      }),
    ).toBe("Clamshell, left: 1 set × 1 rep");
  });
});
