import { describe, expect, it } from "vitest";
import { painEntryVersionLines, sessionVersionLines } from "@/components/history/describe-versions";
import type { PainEntryView } from "@/lib/data/pain";
import type { SessionView } from "@/lib/data/sessions";

const tz = "Europe/London";
const session = (overrides: Partial<SessionView> = {}): SessionView => ({
  id: "s1",
  startedAt: new Date("2026-11-27T14:05:00Z"),
  durationSeconds: 1200,
  painBefore: 5,
  painAfter: 3,
  painArea: "LOWER_BACK",
  notes: "",
  source: "QUICK_LOG",
  version: 1,
  edited: false,
  deletedAt: null,
  entries: [
    {
      exerciseId: "c",
      exerciseName: "Clamshell",
      exerciseSlug: "clamshell",
      side: "LEFT",
      sets: 2,
      reps: 10,
      holdSeconds: 3,
    },
  ],
  ...overrides,
});
// A stored snapshot comes back from JSON, with its dates as strings.
const stored = (value: SessionView) => JSON.parse(JSON.stringify(value)) as SessionView;
const by = (id: string, name: string) => ({ id, name });

describe("earlier versions of a session", () => {
  it("lists each change newest first, with what it changed, when and by whom", () => {
    const first = session();
    const second = session({ version: 2, painAfter: 2, notes: "Stiff" });
    const current = session({
      version: 4,
      startedAt: new Date("2026-11-27T15:05:00Z"),
      entries: [{ ...first.entries[0], sets: 3 } as SessionView["entries"][number]],
    });
    const lines = sessionVersionLines(
      current,
      [
        {
          version: 3,
          change: "EDITED",
          at: new Date("2026-11-29T10:00:00Z"),
          changedBy: by("p", "Ann"),
          snapshot: stored({ ...second, version: 3 }),
        },
        {
          version: 2,
          change: "RESTORED",
          at: new Date("2026-11-28T10:00:00Z"),
          changedBy: by("p", "Ann"),
          snapshot: stored(second),
        },
        {
          version: 1,
          change: "EDITED",
          at: new Date("2026-11-27T20:00:00Z"),
          changedBy: by("x", "Sam Physio"),
          snapshot: stored(first),
        },
      ],
      "p",
      tz,
    );
    expect(lines.map((line) => [line.change, line.by])).toEqual([
      ["Edited", "you"],
      ["Brought back (undo)", "you"],
      ["Edited", "Sam Physio"],
    ]);
    expect(lines[0]?.fields).toEqual([
      { field: "Date and time", before: "27 Nov 2026, 14:05", after: "27 Nov 2026, 15:05" },
      { field: "Pain after", before: "2/10", after: "3/10" },
      {
        field: "Exercises",
        before: "Clamshell, left: 2 sets × 10 reps × 3 s hold",
        after: "Clamshell, left: 3 sets × 10 reps × 3 s hold",
      },
      { field: "Notes", before: "Stiff", after: "none" },
    ]);
    expect(lines[1]?.fields).toEqual([]);
    expect(lines[2]?.fields).toEqual([
      { field: "Pain after", before: "3/10", after: "2/10" },
      { field: "Notes", before: "none", after: "Stiff" },
    ]);
  });

  it("reads old snapshots that predate the pain area", () => {
    const old = stored(session());
    delete (old as Partial<SessionView>).painArea;
    const [line] = sessionVersionLines(
      session(),
      [{ version: 1, change: "EDITED", at: new Date(), changedBy: by("p", "Ann"), snapshot: old }],
      "p",
      tz,
    );
    expect(line?.fields).toEqual([
      { field: "Area of the pain ratings", before: "none", after: "Lower back" },
    ]);
  });
});

describe("earlier versions of a pain entry", () => {
  it("names the rating, time and note that changed", () => {
    const entry: PainEntryView = {
      id: "p1",
      rating: 4,
      region: "LEFT_HIP",
      context: "CHECK_IN",
      recordedAt: new Date("2026-11-27T08:00:00Z"),
      note: "",
      version: 2,
      edited: true,
      deletedAt: null,
    };
    const [line] = painEntryVersionLines(
      entry,
      [
        {
          version: 1,
          change: "EDITED",
          at: new Date("2026-11-27T09:00:00Z"),
          changedBy: by("p", "Ann"),
          snapshot: JSON.parse(JSON.stringify({ ...entry, rating: 6, note: "Bad night" })),
        },
      ],
      "p",
      tz,
    );
    expect(line?.fields).toEqual([
      { field: "Rating", before: "6/10", after: "4/10" },
      { field: "Note", before: "Bad night", after: "none" },
    ]);
  });
});
