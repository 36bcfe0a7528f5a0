import { readdirSync, readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

// Every package the code imports is declared in package.json, so a fresh `npm ci` brings it, rather
// than it arriving by chance as another package's dependency. And every direct dependency accepts
// the Node versions package.json promises.

const root = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);

/** The oldest Node 20 we accept, and the oldest 22 and 24 our tooling runs on (vite and jsdom need 22.12). */
const supportedNode = ["20.19.0", "22.12.0", "24.0.0"];

const scanned = ["app", "lib", "components", "scripts", "prisma", "tests"];
const sourceFile = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|css)$/;

function sourcesUnder(relative: string): string[] {
  return readdirSync(path.join(root, relative)).flatMap((name) => {
    if (name === "node_modules" || name.startsWith(".")) return [];
    const child = path.join(relative, name);
    if (child === path.join("lib", "generated")) return [];
    if (statSync(path.join(root, child)).isDirectory()) return sourcesUnder(child);
    return sourceFile.test(name) ? [child] : [];
  });
}

const rootFiles = readdirSync(root).filter(
  (name) => sourceFile.test(name) && statSync(path.join(root, name)).isFile(),
);

const specifierPatterns = [
  /\bfrom\s*["']([^"'\s]+)["']/g,
  /(?<!-)\bimport\s*["']([^"'\s]+)["']/g,
  /\bimport\s*\(\s*["']([^"'\s]+)["']\s*\)/g,
  /\brequire(?:\.resolve)?\s*\(\s*["']([^"'\s]+)["']\s*\)/g,
  /\bvi\.(?:mock|doMock|importActual|importMock)\s*\(\s*["']([^"'\s]+)["']/g,
  /@(?:import|plugin)\s+["']([^"'\s]+)["']/g,
];

function specifiers(text: string): string[] {
  const found = specifierPatterns.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => match[1] ?? ""),
  );
  return [...new Set(found)];
}

/** The package a bare specifier names (`next/server` is `next`), or null for files, aliases and builtins. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("@/")) return null;
  if (specifier.startsWith("node:") || isBuiltin(specifier)) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/** A type-only import needs no package of its own when a declared @types package provides it (fhir/r4, @types/fhir). */
const typeOnlyImport = /\bimport\s+type\s[^;]*?\bfrom\s*["']([^"'\s]+)["']/g;

function undeclaredImports(file: string, text: string, known: Set<string>): string[] {
  const typeOnly = [...text.matchAll(typeOnlyImport)].map((match) => packageOf(match[1] ?? ""));
  const runtime = specifiers(text.replace(typeOnlyImport, "")).map(packageOf);
  return [
    ...runtime.filter((name): name is string => name !== null && !known.has(name)),
    ...typeOnly.filter(
      (name): name is string => name !== null && !known.has(name) && !known.has(`@types/${name}`),
    ),
  ].map((name) => `${file} imports ${name}`);
}

type InstalledPackage = { name: string; version: string; engines?: { node?: string } };

/** Each supported Node version that package.json accepts but a dependency's `engines.node` refuses. */
function engineConflicts(ours: string, nodeVersions: string[], packages: InstalledPackage[]): string[] {
  return nodeVersions
    .filter((node) => semver.satisfies(node, ours))
    .flatMap((node) =>
      packages
        .filter((pkg) => pkg.engines?.node !== undefined && !semver.satisfies(node, pkg.engines.node))
        .map((pkg) => `${pkg.name}@${pkg.version} wants Node ${pkg.engines?.node}, not ${node}`),
    );
}

// Built so that this file's own examples are not read as its imports by the scan below.
const q = '"';

describe("imported packages", () => {
  it("are told apart from files, aliases and builtins, and undeclared ones are caught", () => {
    const known = new Set(["next", "@prisma/client", "vitest", "@types/typed-only"]);
    const text = [
      `import { NextResponse } from ${q}next/server${q};`,
      `import type { PrismaClient } from ${q}@prisma/client/runtime${q};`,
      `import { readFile } from ${q}node:fs/promises${q};`,
      `import path from ${q}path${q};`,
      `import { db } from ${q}@/lib/db${q};`,
      `import { x } from ${q}../x.ts${q};`,
      `export { y } from ${q}./y${q};`,
      `import ${q}left-pad${q};`,
      `const z = await import(${q}@scope/lazy/sub${q});`,
      `const w = require(${q}is-odd${q});`,
      `vi.mock(${q}mocked-only${q});`,
      `import type { Bundle } from ${q}typed-only/r4${q};`,
      `import type { Other } from ${q}untyped${q};`,
      `@import ${q}tailwindcss${q};`,
      `spawn(process.execPath, [${q}--import${q}, ${q}tsx${q}, ${q}server.ts${q}]);`,
    ].join("\n");
    expect(undeclaredImports("a.ts", text, known).sort()).toEqual([
      "a.ts imports @scope/lazy",
      "a.ts imports is-odd",
      "a.ts imports left-pad",
      "a.ts imports mocked-only",
      "a.ts imports tailwindcss",
      "a.ts imports untyped",
    ]);
  });

  it("are all declared in package.json", () => {
    const files = [...scanned.flatMap(sourcesUnder), ...rootFiles];
    expect(files).toEqual(expect.arrayContaining(["proxy.ts", "vitest.config.ts", "app/globals.css"]));
    expect(files.some((file) => file.startsWith(path.join("lib", "generated")))).toBe(false);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      undeclaredImports(file, readFileSync(path.join(root, file), "utf8"), declared),
    );
    expect(found).toEqual([]);
  });
});

describe("Node versions", () => {
  it("a dependency that refuses a supported Node version is caught", () => {
    const packages = [
      { name: "old-enough", version: "1.0.0", engines: { node: ">=18" } },
      { name: "no-engines", version: "1.0.0" },
      { name: "too-new", version: "4.14.0", engines: { node: ">=22.12.0" } },
      { name: "even-lines", version: "1.0.0", engines: { node: "^20.0.0 || ^22.0.0 || >=24.0.0" } },
    ];
    expect(engineConflicts(">=20.19", ["20.19.0", "22.12.0", "24.0.0"], packages)).toEqual([
      "too-new@4.14.0 wants Node >=22.12.0, not 20.19.0",
    ]);
    // Versions package.json does not accept are not held against a dependency.
    expect(engineConflicts(">=22.12", ["20.19.0", "22.12.0"], packages)).toEqual([]);
  });

  it("package.json accepts each supported version, starting from its oldest", () => {
    for (const node of supportedNode) expect(semver.satisfies(node, manifest.engines.node), node).toBe(true);
    expect(semver.minVersion(manifest.engines.node)?.version).toBe(supportedNode[0]);
  });

  it("every direct dependency accepts each supported version", () => {
    const installed = [...declared].map(
      (name) =>
        JSON.parse(
          readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"),
        ) as InstalledPackage,
    );
    expect(installed.filter((pkg) => pkg.engines?.node !== undefined).length).toBeGreaterThan(5);
    expect(engineConflicts(manifest.engines.node, supportedNode, installed)).toEqual([]);
  });
});
