import { hashKey, partialMatchKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { progressRanges } from "@/lib/domain/progress";
import { keysChangedByPatientWrite, queryKeys } from "@/lib/query-keys";

describe("queryKeys", () => {
  it("gives each period of a patient's progress its own cache entry", () => {
    const hashes = progressRanges.map((range) => hashKey(queryKeys.progress("p1", range)));
    expect(new Set(hashes).size).toBe(progressRanges.length);
  });

  it("nests progress under the patient, so invalidating a prefix refreshes every period", () => {
    for (const range of progressRanges) {
      const key = queryKeys.progress("p1", range);
      expect(partialMatchKey(key, queryKeys.progressAll("p1"))).toBe(true);
      expect(partialMatchKey(key, queryKeys.patient("p1"))).toBe(true);
    }
  });

  it("never matches another patient's keys", () => {
    expect(partialMatchKey(queryKeys.progress("p1", "3m"), queryKeys.patient("p2"))).toBe(false);
    expect(partialMatchKey(queryKeys.progress("p1", "3m"), queryKeys.progress("p2", "3m"))).toBe(false);
  });

  it("keeps the caseload apart from patients' keys, so invalidating one never refreshes the other", () => {
    expect(partialMatchKey(queryKeys.caseload(), queryKeys.patient("p1"))).toBe(false);
    expect(partialMatchKey(queryKeys.patient("p1"), queryKeys.caseload())).toBe(false);
    expect(partialMatchKey(queryKeys.progress("p1", "3m"), queryKeys.caseload())).toBe(false);
  });
});

describe("keysChangedByPatientWrite", () => {
  const matchedBy = (keys: ReturnType<typeof keysChangedByPatientWrite>, key: readonly unknown[]) =>
    keys.some((prefix) => partialMatchKey(key, prefix));

  it("covers every period of that patient's progress and the caseload", () => {
    const keys = keysChangedByPatientWrite("p1");
    for (const range of progressRanges) expect(matchedBy(keys, queryKeys.progress("p1", range))).toBe(true);
    expect(matchedBy(keys, queryKeys.caseload())).toBe(true);
  });

  it("leaves other patients' progress alone", () => {
    expect(matchedBy(keysChangedByPatientWrite("p1"), queryKeys.progress("p2", "3m"))).toBe(false);
  });

  it("without a patient (a patient writing their own data) covers any patient's progress in that browser", () => {
    const keys = keysChangedByPatientWrite();
    expect(matchedBy(keys, queryKeys.progress("p1", "2w"))).toBe(true);
    expect(matchedBy(keys, queryKeys.progress("p2", "all"))).toBe(true);
  });
});
