import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Next's internals stay behind lib/next-errors.ts: nothing imports next/dist, nothing else reads
// its digests, and the data layer says "not found" one way (NotFoundError), never notFound().

const root = path.resolve(import.meta.dirname, "../..");
const helper = "lib/next-errors.ts";

function sourcesUnder(relative: string): string[] {
  const absolute = path.join(root, relative);
  if (statSync(absolute).isFile()) return [relative];
  return readdirSync(absolute).flatMap((name) => {
    if (name === "generated" || name === "node_modules" || name.startsWith(".")) return [];
    const child = path.join(relative, name);
    if (statSync(path.join(root, child)).isDirectory()) return sourcesUnder(child);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [child] : [];
  });
}

const rules: { name: string; pattern: RegExp; appliesTo: (file: string) => boolean }[] = [
  { name: "imports next/dist", pattern: /["']next\/dist\//, appliesTo: () => true },
  {
    name: "names a Next digest",
    pattern: /NEXT_(HTTP_ERROR_FALLBACK|REDIRECT|NOT_FOUND)\b/,
    appliesTo: (file) => file !== helper,
  },
  {
    name: "reads an error's digest",
    pattern: /["']digest["']\s+in\b|\.digest\s*(===|!==|\.|\?\.)/,
    appliesTo: (file) => file !== helper,
  },
  {
    name: "calls Next's notFound() in the data layer",
    pattern: /import\s*{[^}]*\bnotFound\b[^}]*}\s*from\s*["']next\/navigation["']/,
    appliesTo: (file) => file.startsWith("lib/") && file !== helper,
  },
];

function offences(file: string, text: string): string[] {
  return rules.filter((rule) => rule.appliesTo(file) && rule.pattern.test(text)).map((rule) => rule.name);
}

describe("Next's internals", () => {
  it("each rule catches the code it is meant to catch", () => {
    expect(offences("lib/a.ts", 'import { isRedirectError } from "next/dist/client/components/x";')).toEqual([
      "imports next/dist",
    ]);
    expect(offences("lib/a.ts", 'if (digest.startsWith("NEXT_REDIRECT")) return;')).toContain(
      "names a Next digest",
    );
    expect(offences("lib/a.ts", 'return "digest" in error && error.digest === "x";')).toEqual([
      "reads an error's digest",
    ]);
    expect(offences("lib/data/a.ts", 'import { notFound, redirect } from "next/navigation";')).toEqual([
      "calls Next's notFound() in the data layer",
    ]);
    expect(offences(helper, 'return "digest" in error && error.digest === "x";')).toEqual([]);
    expect(offences("app/page.tsx", 'import { notFound } from "next/navigation";')).toEqual([]);
    expect(offences("lib/a.ts", 'createHash("sha256").update(text).digest("hex");')).toEqual([]);
  });

  it("are known only to lib/next-errors.ts", () => {
    const files = ["app", "lib", "components", "proxy.ts"].flatMap(sourcesUnder);
    expect(files).toContain(helper);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      offences(file, readFileSync(path.join(root, file), "utf8")).map((offence) => `${file}: ${offence}`),
    );
    expect(found).toEqual([]);
  });
});
