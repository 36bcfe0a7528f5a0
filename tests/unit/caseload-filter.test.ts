import { describe, expect, it } from "vitest";
import {
  type CaseloadFilter,
  caseloadPageSize,
  defaultCaseloadFilter,
  filterCaseload,
  paginate,
} from "@/components/caseload/caseload-filter";
import { compareByAttention } from "@/lib/domain/caseload";
import { areaPain, caseloadRow } from "../support/caseload-rows";

const filter = (overrides: Partial<CaseloadFilter>): CaseloadFilter => ({
  ...defaultCaseloadFilter,
  ...overrides,
});
const names = (rows: { name: string }[]) => rows.map(({ name }) => name);

const zoe = caseloadRow({ name: "Zoë Ångström", attention: 410_300 }, ["PAIN_FLARE"]);
const jose = caseloadRow({ name: "José Núñez", attention: 210_000 }, ["LOW_ADHERENCE"]);
const ines = caseloadRow(
  {
    name: "Inès Dubois",
    attention: 310_099,
    lastActivityAt: null,
    daysSinceActivity: null,
    pain: [],
  },
  ["INACTIVE", "LOW_ADHERENCE"],
);
const alex = caseloadRow({
  name: "alex morgan",
  attention: 500,
  lastActivityAt: "2026-03-02T18:00:00.000Z",
  pain: [areaPain(5, "2026-03-02T18:00:00.000Z")],
});
const bea = caseloadRow({ name: "Bea Castro", attention: 300, lastActivityAt: "2026-02-20T08:00:00.000Z" });
const caseload = [zoe, ines, jose, alex, bea].sort(compareByAttention);

describe("searching the caseload by name", () => {
  it("ignores accents and case in both the name and the search", () => {
    expect(names(filterCaseload(caseload, filter({ search: "zoe angstrom" })))).toEqual(["Zoë Ångström"]);
    expect(names(filterCaseload(caseload, filter({ search: "JOSÉ" })))).toEqual(["José Núñez"]);
    expect(names(filterCaseload(caseload, filter({ search: "nunez" })))).toEqual(["José Núñez"]);
    expect(names(filterCaseload(caseload, filter({ search: "ALEX" })))).toEqual(["alex morgan"]);
  });

  it("matches a part of a name and words in any order", () => {
    expect(names(filterCaseload(caseload, filter({ search: "dub" })))).toEqual(["Inès Dubois"]);
    expect(names(filterCaseload(caseload, filter({ search: "  morgan   Alex " })))).toEqual(["alex morgan"]);
  });

  it("treats an empty or blank search as no search", () => {
    expect(filterCaseload(caseload, filter({ search: "   " }))).toEqual(caseload);
  });

  it("finds nobody when no name matches", () => {
    expect(filterCaseload(caseload, filter({ search: "xavier" }))).toEqual([]);
  });
});

describe("filtering the caseload by flag", () => {
  it.each([
    ["PAIN_FLARE", ["Zoë Ångström"]],
    ["LOW_ADHERENCE", ["Inès Dubois", "José Núñez"]],
    ["INACTIVE", ["Inès Dubois"]],
    ["any", ["Zoë Ångström", "Inès Dubois", "José Núñez"]],
    ["none", ["alex morgan", "Bea Castro"]],
    ["all", ["Zoë Ångström", "Inès Dubois", "José Núñez", "alex morgan", "Bea Castro"]],
  ] as const)("with the filter %s keeps only the matching patients, in attention order", (flag, expected) => {
    expect(names(filterCaseload(caseload, filter({ flag })))).toEqual(expected);
  });

  it("combines a flag filter with a search", () => {
    expect(names(filterCaseload(caseload, filter({ flag: "LOW_ADHERENCE", search: "jose" })))).toEqual([
      "José Núñez",
    ]);
    expect(filterCaseload(caseload, filter({ flag: "PAIN_FLARE", search: "jose" }))).toEqual([]);
  });
});

describe("sorting the caseload", () => {
  it("by attention keeps the server's order, most in need first, whatever order the rows come in", () => {
    const shuffled = [bea, alex, jose, ines, zoe];
    expect(names(filterCaseload(shuffled, filter({ sort: "attention" })))).toEqual(names(caseload));
  });

  it("by name goes alphabetically, ignoring case and accents", () => {
    expect(names(filterCaseload(caseload, filter({ sort: "name" })))).toEqual([
      "alex morgan",
      "Bea Castro",
      "Inès Dubois",
      "José Núñez",
      "Zoë Ångström",
    ]);
  });

  it("by last activity puts the most recent first and patients who never logged anything last", () => {
    expect(names(filterCaseload(caseload, filter({ sort: "last-activity" })))).toEqual([
      "alex morgan",
      "Zoë Ångström",
      "José Núñez",
      "Bea Castro",
      "Inès Dubois",
    ]);
  });

  it("by pain puts the highest latest pain first, patients without pain entries last, ties by attention", () => {
    const flare = caseloadRow({
      name: "Flare",
      attention: 410_800,
      pain: [areaPain(8, "2026-03-01T09:00:00.000Z")],
    });
    expect(names(filterCaseload([...caseload, flare], filter({ sort: "pain" })))).toEqual([
      "Flare",
      "alex morgan",
      "Zoë Ångström",
      "José Núñez",
      "Bea Castro",
      "Inès Dubois",
    ]);
  });

  it("never reorders the array it was given", () => {
    const before = [...caseload];
    filterCaseload(caseload, filter({ sort: "name" }));
    expect(caseload).toEqual(before);
  });
});

describe("paging the caseload", () => {
  const many = Array.from({ length: 60 }, (_, index) => caseloadRow({ name: `Patient ${index + 1}` }));

  it("shows 25 patients a page", () => {
    expect(caseloadPageSize).toBe(25);
    const first = paginate(many, 1);
    expect(first).toMatchObject({ page: 1, pages: 3, total: 60 });
    expect(first.items).toHaveLength(25);
    expect(first.items[0]?.name).toBe("Patient 1");
    expect(paginate(many, 2).items[0]?.name).toBe("Patient 26");
  });

  it("shows what is left on the last page", () => {
    const last = paginate(many, 3);
    expect(last.items).toHaveLength(10);
    expect(last.items.at(-1)?.name).toBe("Patient 60");
  });

  it("shows the last page for a page past the end, say after a filter shortened the list", () => {
    expect(paginate(many, 9)).toMatchObject({ page: 3, pages: 3 });
    expect(paginate(many.slice(0, 30), 3)).toMatchObject({ page: 2, pages: 2 });
  });

  it("shows the first page for a page number below one or not a number", () => {
    for (const page of [0, -4, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(paginate(many, page).page).toBe(1);
    }
  });

  it("has one empty page for an empty list", () => {
    expect(paginate([], 3)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });

  it("takes another page size when given one", () => {
    expect(paginate(many, 2, 10)).toMatchObject({ page: 2, pages: 6 });
    expect(paginate(many, 2, 10).items[0]?.name).toBe("Patient 11");
    expect(paginate(many, 1, 60).pages).toBe(1);
  });
});
