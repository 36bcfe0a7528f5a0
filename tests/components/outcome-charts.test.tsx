import { render, screen } from "@testing-library/react";
import { expect, it } from "vitest";
import { OutcomeCharts } from "@/components/outcomes/outcome-charts";
import type { OutcomeSeries } from "@/lib/data/outcomes";

// The questionnaire pages belong to the patient: a physiotherapist reading the same charts on the
// patient's record gets no "Answer again" link (it would lead them to a page they cannot open).

const psfs: OutcomeSeries = {
  instrument: "PSFS",
  points: [
    {
      id: "answer-1",
      date: "2026-08-12",
      at: "2026-08-12T09:00:00.000Z",
      score: 3,
      activities: [{ name: "Climbing stairs", rating: 3 }],
    },
    {
      id: "answer-2",
      date: "2026-11-04",
      at: "2026-11-04T09:00:00.000Z",
      score: 6,
      activities: [{ name: "Climbing stairs", rating: 6 }],
    },
  ],
  trend: {
    instrument: "PSFS",
    first: { score: 3, at: "2026-08-12T09:00:00.000Z" },
    latest: { score: 6, at: "2026-11-04T09:00:00.000Z" },
    change: 3,
    important: true,
    direction: "IMPROVED",
    rule: null,
    count: 2,
  },
};

it("offers the patient a link to answer the questionnaire again", () => {
  render(<OutcomeCharts series={[psfs]} audience="patient" />);
  expect(screen.getByRole("link", { name: "Answer again" }).getAttribute("href")).toBe("/outcomes/psfs");
});

it("shows the physiotherapist the same chart without the patient's 'Answer again' link", () => {
  render(<OutcomeCharts series={[psfs]} audience="physio" />);
  expect(screen.getAllByRole("heading", { name: /Patient-Specific Functional Scale/ })).toHaveLength(1);
  expect(screen.queryByRole("link", { name: "Answer again" })).toBeNull();
  expect(screen.queryByRole("link", { name: "Patient-Specific Functional Scale" })).toBeNull();
});
