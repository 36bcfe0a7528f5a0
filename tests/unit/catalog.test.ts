import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type CatalogExercise,
  exerciseCatalog,
  exerciseCategories,
  generalSafetyAdvice,
  startingPositions,
} from "@/lib/catalog/exercises";

// In CI the shared folder sits beside the clone, so this resolves there as well as here.
const seedPath = path.join(process.cwd(), "../shared/seed/hip-pain-exercises.txt");

function readSeedPage(): string {
  if (!existsSync(seedPath)) {
    throw new Error(
      `The source page ${seedPath} is missing, so the "written in our own words" check cannot run. ` +
        "Put the shared folder (with seed/hip-pain-exercises.txt) beside the repository as ../shared.",
    );
  }
  return readFileSync(seedPath, "utf8");
}

const bySlug = (slug: string): CatalogExercise => {
  const exercise = exerciseCatalog.find((entry) => entry.slug === slug);
  if (!exercise) throw new Error(`No exercise with slug ${slug} in the catalog`);
  return exercise;
};

/** Every piece of prose a visitor reads in the catalog. */
const catalogTexts: string[] = [
  ...exerciseCatalog.flatMap((exercise) => [
    exercise.name,
    exercise.summary,
    ...exercise.targetMuscles,
    ...exercise.steps,
    ...exercise.cautions,
  ]),
  ...generalSafetyAdvice,
];

const normaliseSpaces = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const exerciseText = (exercise: CatalogExercise) => [exercise.summary, ...exercise.steps].join(" ");

describe("the exercise catalog", () => {
  it("has exactly 15 exercises", () => {
    expect(exerciseCatalog).toHaveLength(15);
  });

  it("gives every exercise a unique kebab-case slug", () => {
    const slugs = exerciseCatalog.map((exercise) => exercise.slug);
    expect(new Set(slugs).size).toBe(15);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("covers every exercise named on the source page", () => {
    const names = exerciseCatalog.map((exercise) => exercise.name.toLowerCase());
    for (const expected of [
      "knee-to-chest",
      "figure-four",
      "hip flexor stretch",
      "hip extension",
      "hip abduction",
      "glute bridge",
      "prone leg abduction",
      "side-lying leg raise",
      "quadruped hip extension",
      "clamshell",
      "pelvic tilt",
    ]) {
      expect(
        names.some((name) => name.includes(expected)),
        `missing "${expected}"`,
      ).toBe(true);
    }
  });

  describe.each(exerciseCatalog.map((exercise) => [exercise.slug, exercise] as const))(
    "%s",
    (_, exercise) => {
      it("has 3 to 6 steps and 1 to 3 cautions", () => {
        expect(exercise.steps.length).toBeGreaterThanOrEqual(3);
        expect(exercise.steps.length).toBeLessThanOrEqual(6);
        expect(exercise.cautions.length).toBeGreaterThanOrEqual(1);
        expect(exercise.cautions.length).toBeLessThanOrEqual(3);
        for (const text of [exercise.summary, ...exercise.steps, ...exercise.cautions]) {
          expect(text.trim()).not.toBe("");
        }
      });

      it("holds for 30 seconds by default", () => {
        expect(exercise.defaultDose.holdSeconds).toBe(30);
      });

      it("has a category and starting position from the allowed lists", () => {
        expect(exerciseCategories).toContain(exercise.category);
        expect(startingPositions).toContain(exercise.startingPosition);
      });

      it("has an illustration named after its slug that exists under public/", () => {
        expect(exercise.illustration).toBe(`/exercises/${exercise.slug}.svg`);
        expect(existsSync(path.join(process.cwd(), "public", exercise.illustration))).toBe(true);
      });

      it("has a self-contained, accessible SVG illustration", () => {
        const file = path.join(process.cwd(), "public", exercise.illustration);
        const svg = readFileSync(file, "utf8");
        // Namespace declarations are identifiers, never fetched; anything else pointing off-site would be.
        const withoutNamespaces = svg.replace(/\sxmlns(?::\w+)?="[^"]*"/g, "");
        expect(withoutNamespaces).not.toMatch(/https?:/i);
        expect(withoutNamespaces).not.toMatch(/<script|<image|<foreignObject|@import/i);
        expect(withoutNamespaces).not.toMatch(/href\s*=\s*"(?!#)/i);
        expect(svg).toMatch(/^\s*(?:<\?xml[^>]*>\s*)?<svg\b[^>]*\brole="img"/);
        expect(svg).toMatch(/<title>[^<]*\S[^<]*<\/title>/);
      });
    },
  );

  it.each([
    ["glute-bridge", false],
    ["pelvic-tilt", false],
    ["clamshell", true],
  ])("marks %s as per side: %s", (slug, perSide) => {
    expect(bySlug(slug).defaultDose.perSide).toBe(perSide);
  });

  it("says the knee-to-chest stretch is felt in the buttock or the back of the hip", () => {
    expect(exerciseText(bySlug("knee-to-chest-stretch"))).toMatch(/buttock|glute|back of (?:the|your) hip/i);
  });

  it("never says the knee-to-chest stretch is felt at the front of the hip, as the source page wrongly does", () => {
    const exercise = bySlug("knee-to-chest-stretch");
    const text = [exercise.summary, ...exercise.steps, ...exercise.targetMuscles].join(" ");
    const withoutDenials = text.replace(/\bnot (?:at |in )?(?:the )?front of (?:the|your) hip\b/gi, "");
    expect(withoutDenials).not.toMatch(/front of (?:the |your )?(?:right |left )?hip/i);
  });

  it.each(["low-lunge-hip-flexor-stretch", "hip-flexor-stretch"])(
    "says the %s is felt at the front of the hip",
    (slug) => {
      expect(bySlug(slug).summary).toMatch(/front of (?:the|your) (?:right |left )?hip/i);
      expect(exerciseText(bySlug(slug))).not.toMatch(/stretch in the back of your (?:left |right )?thigh/i);
    },
  );
});

describe("the catalog is written in our own words", () => {
  it("copies no sentence of six or more words from the source page", () => {
    const sentences = readSeedPage()
      .split(/[.!?]/)
      .map(normaliseSpaces)
      .filter((sentence) => sentence.split(" ").length >= 6);
    // Guards against a truncated or empty seed making this test pass by default.
    expect(sentences.length).toBeGreaterThan(40);

    const texts = catalogTexts.map(normaliseSpaces);
    const copied = sentences.filter((sentence) => texts.some((text) => text.includes(sentence)));
    expect(copied).toEqual([]);
  });

  it("copies no run of eight consecutive words from the source page", () => {
    const seedWords = words(readSeedPage());
    expect(seedWords.length).toBeGreaterThan(500);

    const runs = new Set<string>();
    for (let i = 0; i + 8 <= seedWords.length; i++) runs.add(seedWords.slice(i, i + 8).join(" "));

    const copied: string[] = [];
    for (const text of catalogTexts) {
      const textWords = words(text);
      for (let i = 0; i + 8 <= textWords.length; i++) {
        const run = textWords.slice(i, i + 8).join(" ");
        if (runs.has(run)) copied.push(`"${run}" in: ${text}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
