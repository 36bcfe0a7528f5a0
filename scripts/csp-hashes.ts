// After `next build`: hashes every inline <script> of each page rendered at build time under
// app/(public)/prerendered into `<build folder>/csp-hashes.json`, which proxy.ts reads to allow
// exactly those scripts on exactly that page (lib/static-pages.ts says why). `npm run build` and
// `npm start` run it; it takes well under a second.
// Usage: tsx scripts/csp-hashes.ts (the build folder is NEXT_DIST_DIR or .next).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CspHashesManifest,
  cspHashesFileName,
  inlineScriptHashes,
  publicPathOf,
  unhashableScript,
} from "../lib/static-pages.ts";

type PrerenderManifest = { routes: Record<string, unknown> };

export function cspHashesManifest(distDir: string): CspHashesManifest {
  const buildIdFile = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildIdFile)) throw new Error(`No build in ${distDir}: run next build first.`);
  const prerendered = JSON.parse(
    readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8"),
  ) as PrerenderManifest;
  const pages: Record<string, string[]> = {};
  for (const route of Object.keys(prerendered.routes).sort()) {
    const publicPath = publicPathOf(route);
    if (!publicPath) continue;
    const htmlFile = path.join(distDir, "server", "app", `${route}.html`);
    const html = readFileSync(htmlFile, "utf8");
    const problem = unhashableScript(html);
    if (problem) throw new Error(`${htmlFile} has a script no hash can allow: ${problem}`);
    // A nonce in a page rendered once would be the same for every visitor: worthless, so refused.
    if (/\snonce\s*=/i.test(html))
      throw new Error(`${htmlFile} carries a nonce: it was not built statically.`);
    pages[publicPath] = inlineScriptHashes(html);
  }
  if (Object.keys(pages).length === 0) {
    throw new Error(`No page under app/(public)/prerendered was rendered at build time in ${distDir}.`);
  }
  return { buildId: readFileSync(buildIdFile, "utf8").trim(), pages };
}

export function writeCspHashes(distDir = process.env.NEXT_DIST_DIR ?? ".next"): string {
  const file = path.join(distDir, cspHashesFileName);
  writeFileSync(file, `${JSON.stringify(cspHashesManifest(distDir), null, 2)}\n`);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = writeCspHashes();
  const { pages } = JSON.parse(readFileSync(file, "utf8")) as CspHashesManifest;
  console.log(
    `Script hashes of ${Object.keys(pages).length} pages rendered at build time written to ${path.relative(process.cwd(), file)}`,
  );
}
