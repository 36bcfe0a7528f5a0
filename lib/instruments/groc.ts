// Global rating of change (GROC), 15-point scale.
//
// Scale and labels: Jaeschke R, Singer J, Guyatt GH. Measurement of health status: ascertaining
// the minimal clinically important difference. Control Clin Trials 1989;10(4):407-415: from -7
// ("a very great deal worse") through 0 ("no change") to +7 ("a very great deal better"). The
// labels below are the 1989 scale's as reproduced in the physiotherapy literature; they were not
// re-checked against the 1989 paper's own text with this project's search tools (see
// docs/decisions.md, "Outcome measures").
//
// It is itself a change score, so it is asked only at follow-ups, never as the first answer of a
// programme. The question is this app's own wording (GROC questions are tailored to the condition
// and the period; Kamper SJ, Maher CG, Mackay G. Global rating of change scales: a review of
// strengths and weaknesses and considerations for design. J Man Manip Ther 2009;17(3):163-170).
//
// Important change: +3 ("somewhat better") or more, or -3 or less, the threshold commonly used
// in physiotherapy research. Kamper et al. 2009 review how such cut-offs are used and warn that
// answers are coloured by how the patient feels today more than by how they were at the start
// (recall bias), so the app shows the rating beside the measured scores, never instead of them.
//
// Licence: the scale is a published research method with no owner's licence terms; free to use.
import { choiceValues, requireAll } from "./scoring";
import type { ChoiceItem, InstrumentDefinition, ScoreResult } from "./types";

const labels: [number, string][] = [
  [7, "A very great deal better"],
  [6, "A great deal better"],
  [5, "A good deal better"],
  [4, "Moderately better"],
  [3, "Somewhat better"],
  [2, "A little better"],
  [1, "Almost the same, hardly any better at all"],
  [0, "No change"],
  [-1, "Almost the same, hardly any worse at all"],
  [-2, "A little worse"],
  [-3, "Somewhat worse"],
  [-4, "Moderately worse"],
  [-5, "A good deal worse"],
  [-6, "A great deal worse"],
  [-7, "A very great deal worse"],
];

export const grocItem: ChoiceItem = {
  kind: "choice",
  id: "change",
  text: "Since you started this programme, how has your hip or back changed?",
  options: labels.map(([value, label]) => ({ value, label: `${value > 0 ? "+" : ""}${value}: ${label}` })),
};

export const grocImportantRating = 3;

function scoreGroc(answers: Parameters<InstrumentDefinition["score"]>[0]): ScoreResult {
  const { values, problems } = choiceValues([grocItem], answers);
  const missing = problems.length > 0 ? [] : requireAll([grocItem], values);
  if (problems.length > 0 || missing.length > 0) return { ok: false, problems: [...problems, ...missing] };
  return { ok: true, score: values[0] as number };
}

export const groc: InstrumentDefinition = {
  id: "GROC",
  version: 1,
  name: "Global rating of change",
  shortName: "Global change",
  description:
    "One question about how your hip or back has changed since you started. It is asked at follow-ups, not at the start.",
  instructions: "Choose the one answer that fits best.",
  regions: ["HIP", "BACK"],
  atBaseline: false,
  patientMayStart: false,
  sections: [{ id: "change", items: [grocItem] }],
  range: {
    min: -7,
    max: 7,
    higherIsBetter: true,
    decimals: 0,
    rounding: "none (whole numbers)",
    unit: "points",
  },
  missingAnswers: "The one question must be answered; otherwise nothing is saved.",
  scoringRule: "The chosen answer, from -7 (a very great deal worse) to +7 (a very great deal better).",
  importantChange: null,
  importantRating: {
    points: grocImportantRating,
    rule: "+3 (somewhat better) or more, or -3 (somewhat worse) or less, is an important change. Answers lean on how the patient feels today.",
    citation:
      "Jaeschke R et al. Control Clin Trials 1989;10(4):407-415 (scale); Kamper SJ et al. J Man Manip Ther 2009;17(3):163-170 (use and recall bias).",
  },
  licence: "A published research scale without licence terms; free to use.",
  sources: [
    "Jaeschke R, Singer J, Guyatt GH. Control Clin Trials 1989;10(4):407-415.",
    "Kamper SJ, Maher CG, Mackay G. J Man Manip Ther 2009;17(3):163-170.",
  ],
  score: scoreGroc,
};
