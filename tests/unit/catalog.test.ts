import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type CatalogExercise,
  categoryLabels,
  exerciseCatalog,
  exerciseCategories,
  generalSafetyAdvice,
  startingPositionLabels,
  startingPositions,
} from "@/lib/catalog/exercises";
import committedFingerprint from "@/lib/catalog/source-fingerprint.json";
import {
  findCopiedWording,
  normalisationVersion,
  normalisedWords,
  normaliseWording,
  sha256,
  type WordingFingerprint,
} from "@/lib/catalog/wording-fingerprint";
import sourceSentences from "../fixtures/source-sentences.json";

const fingerprint: WordingFingerprint = committedFingerprint;

const bySlug = (slug: string): CatalogExercise => {
  const exercise = exerciseCatalog.find((entry) => entry.slug === slug);
  if (!exercise) throw new Error(`No exercise with slug ${slug} in the catalog`);
  return exercise;
};

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

      it("has a default dose of its kind, with the reason for it written down", () => {
        const dose = exercise.defaultDose;
        if (exercise.category === "STRETCH") {
          // The source page's 30 s hold, on each side.
          expect(dose).toMatchObject({ holdSeconds: 30, perSide: true });
        } else if (exercise.category === "STRENGTHEN") {
          // Repetitions with a short pause, not isometric holds: no strengthening entry is isometric.
          expect(dose.reps).toBeGreaterThanOrEqual(8);
          expect(dose.holdSeconds).toBeGreaterThan(0);
          expect(dose.holdSeconds).toBeLessThanOrEqual(5);
        }
        expect(dose.sets).toBeGreaterThanOrEqual(1);
        expect(dose.sets).toBeLessThanOrEqual(3);
        expect(exercise.doseReason.length).toBeGreaterThan(40);
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

  it("files 5 stretches, 9 strengthening exercises and the hook-lying rest as a rest position", () => {
    const count = (category: string) => exerciseCatalog.filter((e) => e.category === category).length;
    expect([count("STRETCH"), count("STRENGTHEN"), count("REST_POSITION")]).toEqual([5, 9, 1]);
    const rest = bySlug("supported-hook-lying-rest");
    expect(rest.category).toBe("REST_POSITION");
    expect(categoryLabels[rest.category]).toBe("Rest position");
    expect(rest.summary).toMatch(/not a stretch/i);
  });

  it("starts the straight-leg raise with short lifts, not a 30 s hold with a locked knee", () => {
    const raise = bySlug("straight-leg-raise");
    expect(raise.defaultDose.holdSeconds).toBeLessThanOrEqual(10);
    expect(raise.defaultDose.reps).toBeGreaterThanOrEqual(8);
    expect(raise.steps.join(" ")).not.toMatch(/\block/i);
    expect(raise.steps.join(" ")).not.toMatch(/30 seconds/);
  });

  it("makes the standing hip flexor stretch a supported stride, not a low lunge held above the floor", () => {
    const stretch = bySlug("low-lunge-hip-flexor-stretch");
    const text = exerciseText(stretch);
    expect(stretch.name).not.toMatch(/low lunge/i);
    expect(text).not.toMatch(/just above the floor|hovers|sink (?:straight )?down until/i);
    expect(text).toMatch(/no need to sink down/i);
    expect(stretch.steps[0]).toMatch(/chair|worktop/);
  });

  it("credits the pelvic tilt to the muscles that tilt the pelvis, not to transversus abdominis", () => {
    const muscles = bySlug("pelvic-tilt").targetMuscles.join(" ");
    expect(muscles).toMatch(/rectus abdominis/i);
    expect(muscles).toMatch(/obliques/i);
    expect(muscles).not.toMatch(/transversus abdominis/i);
  });

  it("tells the patient to stop the knee-to-chest stretch if pain spreads down the leg", () => {
    expect(bySlug("knee-to-chest-stretch").cautions.join(" ")).toMatch(
      /stop[^.]*pain spreads down your leg/i,
    );
  });

  it("tells every strengthening exercise's steps to pause briefly, never to hold for 30 seconds", () => {
    for (const exercise of exerciseCatalog.filter((e) => e.category === "STRENGTHEN")) {
      const text = exercise.steps.join(" ");
      expect(text, exercise.slug).not.toMatch(/30 seconds/);
      expect(text, exercise.slug).toMatch(new RegExp(`about ${exercise.defaultDose.holdSeconds} seconds`));
    }
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

/**
 * The page itself is not in the repository: the check runs against the committed fingerprint made
 * by scripts/catalog-fingerprint.ts, and proves it still bites with sentences the same script took
 * from the page.
 */
describe("the catalog is written in our own words", () => {
  const copiedFrom = (text: string) => findCopiedWording(text, fingerprint);
  const kindsCopied = (text: string) => [...new Set(copiedFrom(text).map((copy) => copy.kind))].sort();
  const fixtureSentences = sourceSentences.sentences;
  const longFixtureSentences = fixtureSentences.filter(
    (sentence) => normalisedWords(sentence).length >= fingerprint.runLength,
  );
  const shortFixtureSentences = fixtureSentences.filter(
    (sentence) => normalisedWords(sentence).length < fingerprint.runLength,
  );

  it("has a fingerprint made with today's normalisation that is big enough to mean something", () => {
    expect(fingerprint.normalisationVersion).toBe(normalisationVersion);
    expect(fingerprint.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Guards against an empty or truncated page making every check below pass by default.
    expect(fingerprint.counts.runs).toBeGreaterThan(500);
    expect(fingerprint.counts.sentences).toBeGreaterThan(40);
    for (const [hashes, count] of [
      [fingerprint.runs, fingerprint.counts.runs],
      [fingerprint.sentences, fingerprint.counts.sentences],
    ] as const) {
      expect(hashes).toHaveLength(count);
      expect(new Set(hashes).size).toBe(count);
      for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("keeps fixture sentences that are really in the fingerprint, so the fixture cannot drift", () => {
    expect(sourceSentences.sourceSha256).toBe(fingerprint.source.sha256);
    expect(fixtureSentences.length).toBeGreaterThanOrEqual(2);
    expect(fixtureSentences.length).toBeLessThanOrEqual(3);
    expect(longFixtureSentences.length).toBeGreaterThan(0);
    expect(shortFixtureSentences.length).toBeGreaterThan(0);
    const runs = new Set(fingerprint.runs);
    for (const sentence of fixtureSentences) {
      expect(fingerprint.sentences, sentence).toContain(sha256(normaliseWording(sentence)));
      const words = normalisedWords(sentence);
      for (let i = 0; i + fingerprint.runLength <= words.length; i++) {
        const run = words.slice(i, i + fingerprint.runLength).join(" ");
        expect(runs.has(sha256(run)), run).toBe(true);
      }
    }
  });

  it.each(fixtureSentences)("catches a sentence copied from the page: %s", (sentence) => {
    expect(kindsCopied(sentence)).toContain("sentence");
  });

  it.each(longFixtureSentences)(
    "catches a copied sentence inside a longer one of our own by its 8-word runs: %s",
    (sentence) => {
      const embedded = `After a short rest, ${sentence.replace(/[.!?]$/, "")} and breathe out slowly.`;
      expect(kindsCopied(embedded)).toContain("run");
    },
  );

  it.each(shortFixtureSentences)(
    "catches a short copied sentence inside a longer one of our own: %s",
    (sentence) => {
      const embedded = `After a short rest, ${sentence.replace(/[.!?]$/, "")} and breathe out slowly.`;
      expect(kindsCopied(embedded)).toEqual(["sentence"]);
    },
  );

  it.each(fixtureSentences)(
    "catches a copied sentence that was re-cased and re-punctuated: %s",
    (sentence) => {
      const disguised = `“${sentence
        .toUpperCase()
        .replace(/,/g, " —")
        .replace(/ /g, "  ")
        .replace(/[.!?]$/, "")}!”`;
      expect(disguised).not.toBe(sentence);
      expect(copiedFrom(disguised)).not.toEqual([]);
    },
  );

  it.each(fixtureSentences)(
    "lets through a copied sentence once its middle word is our own: %s",
    (sentence) => {
      const words = sentence.split(" ");
      words[Math.floor(words.length / 2)] = "xylophone";
      expect(copiedFrom(words.join(" "))).toEqual([]);
    },
  );

  it("does not catch sentences of our own catalog text", () => {
    const ownSentences = [bySlug("glute-bridge").steps[0], generalSafetyAdvice[0]];
    for (const sentence of ownSentences) {
      expect(sentence).toBeDefined();
      expect(copiedFrom(sentence ?? "")).toEqual([]);
    }
  });

  const fieldsOf = (exercise: CatalogExercise): [string, string][] => [
    // Names are the exercises' common names (a few words, common to the page by nature): checked
    // alone, where they are too short to match, and left out of the joined prose below.
    ["name", exercise.name],
    ["summary", exercise.summary],
    ...exercise.targetMuscles.map((text, i): [string, string] => [`target muscle ${i + 1}`, text]),
    ...exercise.steps.map((text, i): [string, string] => [`step ${i + 1}`, text]),
    ...exercise.cautions.map((text, i): [string, string] => [`caution ${i + 1}`, text]),
    // Joined, so wording copied across the end of one field and the start of the next is caught too.
    ["dose reason", exercise.doseReason],
    ["all its prose", [exercise.summary, ...exercise.steps, ...exercise.cautions].join(" ")],
  ];

  it.each(exerciseCatalog.map((exercise) => [exercise.slug, exercise] as const))(
    "copies no wording from the page in %s",
    (_, exercise) => {
      const copied = fieldsOf(exercise).flatMap(([field, text]) =>
        copiedFrom(text).map((copy) => `${field}: ${copy.kind} "${copy.words}"`),
      );
      expect(copied).toEqual([]);
    },
  );

  it("copies no wording from the page in the safety advice or the labels", () => {
    const texts = [
      ...generalSafetyAdvice,
      generalSafetyAdvice.join(" "),
      ...Object.values(categoryLabels),
      ...Object.values(startingPositionLabels),
    ];
    expect(texts.flatMap(copiedFrom)).toEqual([]);
  });
});
