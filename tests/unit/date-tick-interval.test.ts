import { describe, expect, it } from "vitest";
import { dateTickInterval } from "@/components/progress/chart-format";

// The charts label every n-th date so the labels fit the chart's width, without measuring
// each label in the page. Labels are about 7 px a character with a 24 px gap; the Y axis and the
// margins take 64 px.
describe("dateTickInterval", () => {
  const labelled = (count: number, interval: number) =>
    Array.from({ length: count }, (_, index) => index).filter((index) => index % (interval + 1) === 0);

  it("labels few enough dates to fit a phone, and more on a desktop", () => {
    // 90 days on a 360 px phone: 296 px for labels of 66 px, 4 fit.
    const phone = dateTickInterval(90, "13 Mar", 360);
    expect(labelled(90, phone)).toHaveLength(4);
    // The same days at 958 px: 894 px, 13 fit.
    const desktop = dateTickInterval(90, "13 Mar", 958);
    expect(labelled(90, desktop).length).toBeLessThanOrEqual(13);
    expect(labelled(90, desktop).length).toBeGreaterThanOrEqual(12);
  });

  it("labels every date when all fit, and leaves wider labels more room", () => {
    expect(dateTickInterval(7, "13 Mar", 958)).toBe(0);
    expect(dateTickInterval(52, "Mar 2026", 360)).toBeGreaterThan(dateTickInterval(52, "13 Mar", 360));
  });

  it("keeps at least two labels on a box too narrow for any", () => {
    expect(labelled(30, dateTickInterval(30, "13 Mar", 0))).toHaveLength(2);
  });
});
