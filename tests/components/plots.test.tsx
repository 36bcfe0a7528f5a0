import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { adherenceLabels } from "@/components/progress/plot-styles";
import { nameLines, plots } from "@/components/progress/plots";
import type { PainPoint } from "@/lib/data/progress";

// The progress charts are SVG drawn from the numbers (on the server for the first period): what a
// reader sees must be the numbers, drawn to scale, with a gap where there is no rating.

const frame = { width: 440, height: 280, title: "Pain over time", summary: "Lower back about the same." };

function svgOf(node: React.ReactNode) {
  const { container } = render(<div>{node}</div>);
  const svg = container.querySelector("svg");
  if (!svg) throw new Error("no SVG drawn");
  return svg;
}

/** The points of a path drawn by d3-shape's line ("M x,y L x,y ..."). */
const pointsOf = (d: string | null) =>
  (d ?? "")
    .split(/[ML]/)
    .filter(Boolean)
    .map((pair) => pair.split(",").map(Number) as [number, number]);

function painPoint(date: string, back: number | null, average: number | null): PainPoint {
  return {
    date,
    LEFT_HIP: null,
    RIGHT_HIP: null,
    LOWER_BACK: back,
    NOT_GIVEN: null,
    LEFT_HIP_7d: null,
    RIGHT_HIP_7d: null,
    LOWER_BACK_7d: average,
    NOT_GIVEN_7d: null,
  };
}

describe("pain over time", () => {
  const points = [
    painPoint("2026-03-01", 6, 6),
    painPoint("2026-03-02", null, 5),
    painPoint("2026-03-03", 2, 4),
  ];
  const drawing = plots.pain({ ...frame, points, areas: ["LOWER_BACK"] });

  it("is one image named by its title and described by its summary", () => {
    const svg = svgOf(drawing.svg);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.querySelector("title")?.textContent).toBe("Pain over time");
    expect(svg.querySelector("desc")?.textContent).toBe("Lower back about the same.");
    expect(svg.getAttribute("viewBox")).toBe("0 0 440 280");
  });

  it("draws each rating at its height on the 0-10 scale and skips a day without one", () => {
    const svg = svgOf(drawing.svg);
    const [daily, average] = [...svg.querySelectorAll("path")].map((path) =>
      pointsOf(path.getAttribute("d")),
    );
    // The 0 and 10 gridlines give the scale.
    const labels = [...svg.querySelectorAll("text")];
    const yOf = (tick: string) => Number(labels.find((text) => text.textContent === tick)?.getAttribute("y"));
    const scale = (value: number) => yOf("0") + ((yOf("10") - yOf("0")) * value) / 10;
    expect(daily?.map(([, y]) => y)).toEqual([scale(6), scale(2)].map((y) => Math.round(y * 10) / 10));
    // The day without a rating is skipped: the line joins the first and third days.
    expect(daily?.map(([x]) => x)).toEqual([average?.[0]?.[0], average?.[2]?.[0]]);
    expect(average?.map(([, y]) => y)).toEqual([6, 5, 4].map((v) => Math.round(scale(v) * 10) / 10));
    // Few days: each rating is also a dot.
    expect(svg.querySelectorAll("circle")).toHaveLength(2);
  });

  it("lists that day's rating and average under the pointer, only where there is one", () => {
    expect(drawing.along).toBe("x");
    expect(drawing.hits.map((hit) => hit.heading)).toEqual(["1 Mar 2026", "2 Mar 2026", "3 Mar 2026"]);
    expect(drawing.hits[1]?.items).toEqual([
      { name: "Lower back, 7-day average", value: "5.0", colour: expect.any(String) },
    ]);
    expect(drawing.hits[2]?.items.map((item) => `${item.name}: ${item.value}`)).toEqual([
      "Lower back, that day: 2.0",
      "Lower back, 7-day average: 4.0",
    ]);
  });
});

describe("bars", () => {
  it("draws days due, due days done and other days to scale, and no bar for a 0", () => {
    const week = {
      weekStart: "2026-03-02",
      due: 4,
      done: 2,
      extra: 0,
      complete: true,
      partial: false,
      onTarget: false,
    };
    const drawing = plots.adherence({ ...frame, title: "Sessions", weeks: [week] });
    // The tooltip names each bar as the legend does.
    expect(drawing.hits[0]?.items.map((item) => `${item.name}: ${item.value}`)).toEqual([
      `${adherenceLabels.due}: 4`,
      `${adherenceLabels.done}: 2`,
      `${adherenceLabels.extra}: 0`,
    ]);
    const svg = svgOf(drawing.svg);
    const bars = [...svg.querySelectorAll("rect")].map((rect) => Number(rect.getAttribute("height")));
    expect(bars).toHaveLength(2);
    expect((bars[0] ?? 0) / (bars[1] ?? 1)).toBeCloseTo(2, 1);
  });

  it("stacks each exercise's holds or repetitions into one bar per week", () => {
    const stacks = [
      { key: "s0", name: "Glute bridge", colour: "#0072B2", ids: ["a"] },
      { key: "s1", name: "Clamshell", colour: "#E69F00", ids: ["b"] },
    ];
    const drawing = plots.volume({
      ...frame,
      title: "Volume",
      rows: [{ weekStart: "2026-03-02", s0: 30, s1: 10 }],
      stacks,
    });
    const rects = [...svgOf(drawing.svg).querySelectorAll("rect")];
    const [first, second] = rects.map((rect) => ({
      y: Number(rect.getAttribute("y")),
      height: Number(rect.getAttribute("height")),
    }));
    expect((first?.height ?? 0) / (second?.height ?? 1)).toBeCloseTo(3, 1);
    // The second sits on top of the first.
    expect((second?.y ?? 0) + (second?.height ?? 0)).toBeCloseTo(first?.y ?? -1, 0);
    expect(drawing.hits[0]?.items.map((item) => item.value)).toEqual(["30", "10"]);
  });

  it("colours a pain change by its size: eased or worse only past the meaningful 2 points", () => {
    const rows = [
      { exerciseId: "a", name: "Glute bridge", sessions: 4, averageChange: -2.5 },
      { exerciseId: "b", name: "Supine piriformis stretch", sessions: 3, averageChange: -1 },
      { exerciseId: "c", name: "Side-lying clamshell", sessions: 2, averageChange: 2 },
    ];
    const drawing = plots.painResponse({ ...frame, title: "Pain response", rows });
    const svg = svgOf(drawing.svg);
    const bars = [...svg.querySelectorAll("rect")];
    expect(bars.map((bar) => bar.getAttribute("fill"))).toEqual(["#009E73", "#8C8C8C", "#D55E00"]);
    const zero = Number(svg.querySelector('line[stroke="#334155"]')?.getAttribute("x1"));
    // A lower pain afterwards is a bar to the left of 0, a higher one to the right.
    expect(Number(bars[0]?.getAttribute("x")) + Number(bars[0]?.getAttribute("width"))).toBeCloseTo(zero, 0);
    expect(Number(bars[2]?.getAttribute("x"))).toBeCloseTo(zero, 0);
    expect(drawing.along).toBe("y");
    expect(drawing.hits.map((hit) => hit.items[0]?.value)).toEqual(["-2.5", "-1", "+2"]);
  });
});

describe("exercise names beside the bars", () => {
  it("wraps a long name onto two lines and cuts only what does not fit", () => {
    expect(nameLines("Glute bridge")).toEqual(["Glute bridge"]);
    const lines = nameLines("Supine piriformis stretch");
    expect(lines.join(" ")).toBe("Supine piriformis stretch");
    expect(lines).toHaveLength(2);
    const cut = nameLines("Standing hip flexor stretch with a chair for balance");
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith("…")).toBe(true);
  });
});
