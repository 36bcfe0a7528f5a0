// Bundles the service worker (lib/sw/sw.ts) with esbuild after `next build`, with the list of the
// build's static files to precache. `npm run build` and `npm start` run it; it takes well under a
// second. Usage: tsx scripts/build-service-worker.ts (the build folder is NEXT_DIST_DIR or .next).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { serviceWorkerFile } from "../lib/sw/build-output.ts";

type PrecacheEntry = { url: string; revision: string | null };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

function revision(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
}

/** The build's static files (hashed names: no revision needed) and the public drawings and icons. */
export function precacheEntries(distDir: string, publicDir = "public"): PrecacheEntry[] {
  const staticDir = path.join(distDir, "static");
  const built = filesUnder(staticDir)
    .filter((file) => /\.(js|css|woff2?)$/.test(file))
    .map((file) => ({
      url: `/_next/static/${path.relative(staticDir, file).split(path.sep).join("/")}`,
      revision: null,
    }));
  const publicFiles = ["exercises", "icons"].flatMap((folder) =>
    filesUnder(path.join(publicDir, folder))
      .filter((file) => /\.(svg|png)$/.test(file))
      .map((file) => ({
        url: `/${path.relative(publicDir, file).split(path.sep).join("/")}`,
        revision: revision(file),
      })),
  );
  return [...built, ...publicFiles];
}

export async function buildServiceWorker(distDir = process.env.NEXT_DIST_DIR ?? ".next"): Promise<string> {
  if (!existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new Error(`No build in ${distDir}: run next build first.`);
  }
  const outfile = serviceWorkerFile(distDir);
  await build({
    entryPoints: ["lib/sw/sw.ts"],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define: {
      "self.__SW_MANIFEST": JSON.stringify(precacheEntries(distDir)),
      "process.env.NODE_ENV": JSON.stringify("production"),
    },
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = await buildServiceWorker();
  console.log(`Service worker written to ${path.relative(process.cwd(), outfile)}`);
}
