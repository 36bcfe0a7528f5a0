import { createHash } from "node:crypto";

/**
 * The "written in our own words" check without the source page: the page is reduced to hashes of
 * its normalised 8-word runs and of its sentences of 6 or more words (made by
 * scripts/catalog-fingerprint.ts), and catalog text is hashed the same way and looked up.
 * No I/O here, so the script and the tests share exactly one normalisation.
 */

/** Bump when the normalisation changes: every committed hash depends on it. */
export const normalisationVersion = 1;
export const runLength = 8;
export const minSentenceWords = 6;

export type WordingFingerprint = {
  normalisationVersion: number;
  runLength: number;
  minSentenceWords: number;
  source: { sha256: string; characters: number; words: number };
  longestSentenceWords: number;
  counts: { runs: number; sentences: number };
  runs: string[];
  sentences: string[];
};

export type CopiedWording = { kind: "run" | "sentence"; words: string };

export const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Lower-case words with punctuation folded away, so re-casing, re-punctuating or curly quotes do
 * not hide a copy: "Don’t  lift—YET!" and "dont lift, yet" give the same words.
 */
export function normalisedWords(text: string): string[] {
  const folded = text
    .normalize("NFKC")
    .toLowerCase()
    // An apostrophe joins a word ("don't" is one word), any other mark separates words.
    .replace(/(?<=[\p{L}\p{N}])['’ʼ`](?=[\p{L}\p{N}])/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return folded === "" ? [] : folded.split(" ");
}

export const normaliseWording = (text: string): string => normalisedWords(text).join(" ");

/** Sentences end at . ! ? or a line break; a list number such as "2." becomes a fragment too short to count. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/[.!?]+(?=\s|$)|\r?\n/)
    .map(normaliseWording)
    .filter((sentence) => sentence.split(" ").length >= minSentenceWords);
}

function runsOf(words: string[], length: number): string[] {
  const runs: string[] = [];
  for (let i = 0; i + length <= words.length; i++) runs.push(words.slice(i, i + length).join(" "));
  return runs;
}

const sortedUniqueHashes = (texts: string[]): string[] => [...new Set(texts.map(sha256))].sort();

export function fingerprintOf(page: string): WordingFingerprint {
  const words = normalisedWords(page);
  const sentences = sentencesOf(page);
  // Runs cross sentence and line ends on purpose: copying the end of one sentence and the start of
  // the next is still copying.
  const runs = sortedUniqueHashes(runsOf(words, runLength));
  const sentenceHashes = sortedUniqueHashes(sentences);
  return {
    normalisationVersion,
    runLength,
    minSentenceWords,
    source: { sha256: sha256(page), characters: page.length, words: words.length },
    longestSentenceWords: Math.max(0, ...sentences.map((sentence) => sentence.split(" ").length)),
    counts: { runs: runs.length, sentences: sentenceHashes.length },
    runs,
    sentences: sentenceHashes,
  };
}

/**
 * Every 8-word run of `text` found on the page, and every stretch of 6 or more words that is a
 * whole sentence of the page (anywhere in `text`, not only as one of its own sentences).
 */
export function findCopiedWording(text: string, fingerprint: WordingFingerprint): CopiedWording[] {
  const runs = new Set(fingerprint.runs);
  const sentences = new Set(fingerprint.sentences);
  const words = normalisedWords(text);
  const copied: CopiedWording[] = [];
  for (const run of runsOf(words, fingerprint.runLength)) {
    if (runs.has(sha256(run))) copied.push({ kind: "run", words: run });
  }
  const longest = Math.min(words.length, fingerprint.longestSentenceWords);
  for (let length = fingerprint.minSentenceWords; length <= longest; length++) {
    for (const stretch of runsOf(words, length)) {
      if (sentences.has(sha256(stretch))) copied.push({ kind: "sentence", words: stretch });
    }
  }
  return copied;
}

/** Sentences from the page picked as test fixtures: one of 6-7 words, the first and last of 9-12. */
export function fixtureSentencesOf(page: string): string[] {
  const candidates = [
    ...new Set(
      page
        .split(/(?<=[.!?])\s+|\r?\n/)
        .map((line) =>
          line
            .replace(/^\s*\d+\.\s*/, "")
            .replace(/\s+/g, " ")
            .trim(),
        )
        .filter((line) => /[.!?]$/.test(line)),
    ),
  ];
  const withLength = (min: number, max: number) =>
    candidates.filter((sentence) => {
      const count = normalisedWords(sentence).length;
      return count >= min && count <= max && sentencesOf(sentence).length === 1;
    });
  const short = withLength(minSentenceWords, runLength - 1);
  const long = withLength(runLength + 1, 12);
  return [short[0], long[0], long.at(-1)].filter(
    (sentence, index, all): sentence is string => sentence !== undefined && all.indexOf(sentence) === index,
  );
}
