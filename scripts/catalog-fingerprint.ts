// Makes the fingerprint of the source page that the catalog's "written in our own words" test
// checks against, so the test runs without the page:
//
//   npx tsx scripts/catalog-fingerprint.ts <path-to-page>
//
// Writes lib/catalog/source-fingerprint.json (hashes only) and tests/fixtures/source-sentences.json
// (three sentences of the page, kept so a test can prove copied text is caught). Commit both.
// Re-running on the same page rewrites identical files; it says when the page has changed.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  fingerprintOf,
  fixtureSentencesOf,
  type WordingFingerprint,
} from "../lib/catalog/wording-fingerprint.ts";

const root = path.join(import.meta.dirname, "..");
const fingerprintFile = path.join(root, "lib/catalog/source-fingerprint.json");
const fixtureFile = path.join(root, "tests/fixtures/source-sentences.json");

const pagePath = process.argv[2];
if (!pagePath) {
  console.error("Usage: npx tsx scripts/catalog-fingerprint.ts <path-to-page>");
  process.exit(2);
}
if (!existsSync(pagePath)) {
  console.error(`No file at ${pagePath}.`);
  process.exit(2);
}

const page = readFileSync(pagePath, "utf8");
const fingerprint = fingerprintOf(page);
const sentences = fixtureSentencesOf(page);
if (fingerprint.counts.sentences === 0 || sentences.length < 3) {
  console.error("The page has too few sentences to fingerprint; is it the right file?");
  process.exit(1);
}

const previous = existsSync(fingerprintFile)
  ? (JSON.parse(readFileSync(fingerprintFile, "utf8")) as WordingFingerprint)
  : undefined;

const writeJson = (file: string, value: unknown) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
};

writeJson(fingerprintFile, fingerprint);
writeJson(fixtureFile, {
  note: "Copied from the source page on purpose: tests feed these to the wording check to prove it catches copied text. Never use them in the product. Written by scripts/catalog-fingerprint.ts.",
  sourceSha256: fingerprint.source.sha256,
  sentences,
});

const change =
  previous === undefined
    ? "first fingerprint"
    : previous.source.sha256 === fingerprint.source.sha256 &&
        previous.normalisationVersion === fingerprint.normalisationVersion
      ? "page unchanged"
      : "PAGE OR NORMALISATION CHANGED since the committed fingerprint";
console.log(
  `${change}: page sha256 ${fingerprint.source.sha256}, ${fingerprint.source.words} words, ` +
    `${fingerprint.counts.runs} ${fingerprint.runLength}-word runs, ${fingerprint.counts.sentences} sentences; ` +
    `wrote ${path.relative(root, fingerprintFile)} and ${path.relative(root, fixtureFile)}`,
);
