// `npm run lighthouse`: serves the production build (its own folder, .next-lighthouse, built when
// the sources changed, as `npm start` does) on a fresh copy of the demo data, signs in as the demo
// patient and the demo physiotherapist over HTTP (the sign-in form, as a browser without script
// posts it), and runs Lighthouse (mobile, the default config) on Debian's Chromium over every page
// kind. Prints the median of each figure against the budget of DESIGN section 9, and the audits
// that fail. A benchmark that prints figures: it never fails a test.
//
//   npm run lighthouse -- [--runs 3] [--pages /today,/progress,/patients/[id]] [--port 3950] [--save dir]
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { signInOverHttp } from "./sign-in.ts";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    pages: { type: "string" },
    port: { type: "string", default: "3950" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
    // Keeps every run's full report (JSON) in this folder, to see where the time went.
    save: { type: "string" },
  },
});
const runs = Number(options.runs);
const port = Number(options.port);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of at least 1");
if (!Number.isInteger(port) || port < 1) throw new Error("--port takes a port number");
const base = `http://127.0.0.1:${port}`;
const distDir = ".next-lighthouse";
const dataDir = path.resolve(".lighthouse-data");
const demoPassword = "lighthouse-demo-password";
// Fixed, throwaway values for a local run on a wiped data folder: the same at every run, so the
// build that is reused was made with the server-actions key the server runs with.
const secrets = {
  AUTH_SECRET: "lighthouse-secret-not-for-production-0123456789",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
};

type Who = "public" | "patient" | "physio";
type Page = { path: string; who: Who; chart?: boolean };

const budget = {
  chart: { performance: 90, tbtMs: 200, jsKb: 260 },
  other: { performance: 98 },
  accessibility: 100,
  bestPractices: 100,
};

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
async function stopAll(): Promise<void> {
  if (chrome) await Promise.resolve(chrome.kill()).catch(() => undefined);
  chrome = undefined;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
}
// Lighthouse can reject a protocol timeout's promise after the run it belonged to has moved on
// (seen on a machine with a load average of 30): say so, and let the page's own error, if any, show.
process.on("unhandledRejection", (reason) => {
  console.log(`  (Lighthouse: ${reason instanceof Error ? reason.message : String(reason)})`);
});
process.on("uncaughtException", (error) => {
  console.error(`lighthouse: ${error.message}`);
  void stopAll().then(() => process.exit(1));
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the server and Chromium…`);
    void stopAll().then(() => process.exit(130));
  });
}

async function startServer(): Promise<void> {
  if (await fetch(`${base}/api/health`).catch(() => null)) {
    throw new Error(`Something already answers on port ${port}: stop it first, or pass --port.`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `Starting the production server on ${base} (${distDir}; builds first when the sources changed)…`,
  );
  // scripts/start.ts as `npm start` runs it: migrates, seeds the demo accounts, builds if needed, serves.
  server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "start.ts")], {
    env: {
      ...process.env,
      ...secrets,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "app.db")}`,
      DEMO_DATA: "1",
      DEMO_PASSWORD: demoPassword,
      NEXT_DIST_DIR: distDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // The build's progress is shown; the server's request log is not.
  let serving = false;
  server.stdout?.on("data", (chunk: Buffer) => {
    if (serving) return;
    process.stdout.write(chunk);
    if (chunk.toString().includes("Serving on")) serving = true;
  });
  for (let i = 0; i < 1800; i++) {
    if (server.exitCode !== null) throw new Error("The server exited before answering (see above).");
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start.");
}

/** The first match of `pattern` in the page's HTML (a link to follow), or undefined. */
async function firstLink(
  url: string,
  cookie: string | undefined,
  pattern: RegExp,
): Promise<string | undefined> {
  const response = await fetch(base + url, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  return html.match(pattern)?.[0];
}

/** Every page kind in app/, with real ids found by following the links the app itself renders. */
async function discoverPages(cookies: Record<Exclude<Who, "public">, string>): Promise<Page[]> {
  const { patient, physio } = cookies;
  const exercise = await firstLink("/exercises", undefined, /\/exercises\/[a-z0-9-]+(?=")/);
  const session = await firstLink("/history", patient, /\/history\/sessions\/[^/"]+(?=\/edit")/);
  const pain = await firstLink("/history?tab=pain", patient, /\/history\/pain\/[^/"]+(?=\/edit")/);
  const outcome = await firstLink("/progress", patient, /\/outcomes\/[a-z0-9-]+(?=")/);
  const endLink = await firstLink("/account", patient, /\/account\/end-link\/[^/"]+(?=")/);
  const caseload = (await (
    await fetch(`${base}/api/caseload`, { headers: { cookie: physio } })
  ).json()) as unknown;
  // The demo's Alex (patient@demo.test), whose record has the most to show; any linked patient otherwise.
  const rows = Array.isArray(caseload) ? (caseload as { patientId: string; name: string }[]) : [];
  const patientId = (rows.find((row) => row.name.startsWith("Alex")) ?? rows[0])?.patientId;
  const record = patientId ? `/patients/${patientId}` : undefined;
  const found = (value: string | undefined, pages: (value: string) => Page[], what: string): Page[] => {
    if (value) return pages(value);
    console.log(`No ${what} found: its pages are left out.`);
    return [];
  };
  return [
    ...["/", "/exercises", "/help", "/sign-in", "/sign-up", "/forgot-password", "/offline"].map(
      (page): Page => ({ path: page, who: "public" }),
    ),
    ...found(exercise, (slug) => [{ path: slug, who: "public" }], "exercise link on /exercises"),
    ...[
      "/today",
      "/routine",
      "/routine/print",
      "/session",
      "/log",
      "/history",
      "/progress",
      "/progress/report",
      "/reminders",
      "/account",
      "/account/access",
      "/account/data",
      "/settings",
    ].map((page): Page => ({ path: page, who: "patient", chart: page === "/progress" })),
    ...found(
      session,
      (link) => [
        { path: `${link}/edit`, who: "patient" },
        { path: `${link}/versions`, who: "patient" },
      ],
      "session link on /history",
    ),
    ...found(pain, (link) => [{ path: `${link}/edit`, who: "patient" }], "pain entry link on /history"),
    ...found(outcome, (link) => [{ path: link, who: "patient" }], "questionnaire link on /progress"),
    ...found(endLink, (link) => [{ path: link, who: "patient" }], "care link on /account"),
    ...["/caseload", "/caseload/invite"].map((page): Page => ({ path: page, who: "physio" })),
    ...found(
      record,
      (link) =>
        ["", "/history", "/notes", "/routine", "/routine/print", "/report", "/end-link"].map(
          (suffix): Page => ({ path: `${link}${suffix}`, who: "physio", chart: suffix === "" }),
        ),
      "patient in /api/caseload",
    ),
  ];
}

type Figures = {
  performance: number;
  tbtMs: number;
  lcpS: number;
  jsKb: number;
  accessibility: number;
  bestPractices: number;
};
type Failing = Map<string, { title: string; category: string; runs: number }>;

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

function figuresOf(lhr: Result): Figures {
  const resources = (
    lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] }
  )?.items;
  const script = resources?.find((item) => item.resourceType === "script")?.transferSize ?? 0;
  return {
    performance: score(lhr, "performance"),
    tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    lcpS: (lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN) / 1000,
    jsKb: script / 1024,
    accessibility: score(lhr, "accessibility"),
    bestPractices: score(lhr, "best-practices"),
  };
}

/** Audits of accessibility and best practices that did not pass, with how many runs they failed in. */
function collectFailing(lhr: Result, failing: Failing): void {
  for (const category of ["accessibility", "best-practices"]) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const entry = failing.get(ref.id) ?? { title: audit.title, category, runs: 0 };
      entry.runs++;
      failing.set(ref.id, entry);
    }
  }
}

/** What a failing console or request audit names, so the cause can be found without the report. */
function detailsOf(lhr: Result, id: string): string[] {
  const items = (lhr.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  return items
    .map((item) => [item.url, item.description ?? item.source].filter(Boolean).join(" "))
    .filter(Boolean)
    .slice(0, 5);
}

const mark = (ok: boolean) => (ok ? " " : "✗");

async function main(): Promise<void> {
  const before = load();
  await startServer();
  const cookies = {
    patient: await signInOverHttp(base, "patient@demo.test", demoPassword),
    physio: await signInOverHttp(base, "physio@demo.test", demoPassword),
  };
  let pages = await discoverPages(cookies);
  if (options.pages) {
    const wanted = options.pages.split(",").map((page) => page.trim());
    // `/patients/*` picks every discovered page under /patients/ (their ids differ at each run).
    pages = wanted.flatMap((wantedPath): Page[] => {
      // `/patients/[id]` is the demo patient's record, whatever its id.
      if (wantedPath === "/patients/[id]")
        return pages.filter((page) => page.who === "physio" && page.chart === true);
      if (wantedPath.endsWith("*"))
        return pages.filter((page) => page.path.startsWith(wantedPath.slice(0, -1)));
      const known = pages.find((page) => page.path === wantedPath);
      if (known) return [known];
      const physio = wantedPath.startsWith("/patients/") || wantedPath.startsWith("/caseload");
      return [{ path: wantedPath, who: physio ? "physio" : "patient" }];
    });
  }
  chrome = await chromeLauncher.launch({
    chromePath: options.chromium,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const chromiumVersion = (
    (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as {
      Browser: string;
    }
  ).Browser;
  const lighthouseVersion = (
    JSON.parse(readFileSync(path.join("node_modules", "lighthouse", "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  console.log(
    `\nLighthouse ${lighthouseVersion} (mobile, default config), ${chromiumVersion}; ${runs} run(s) per page, medians.`,
  );

  const rows: {
    page: Page;
    figures: Figures | undefined;
    failing: Failing;
    details: Map<string, string[]>;
  }[] = [];
  let signedInAt = Date.now();
  for (const page of pages) {
    // Sessions end after 30 idle minutes and the cookie sent is fixed: sign in again every 10 minutes.
    if (Date.now() - signedInAt > 10 * 60_000) {
      cookies.patient = await signInOverHttp(base, "patient@demo.test", demoPassword);
      cookies.physio = await signInOverHttp(base, "physio@demo.test", demoPassword);
      signedInAt = Date.now();
    }
    const all: Figures[] = [];
    const failing: Failing = new Map();
    const details = new Map<string, string[]>();
    const errors: string[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(base + page.path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        extraHeaders: page.who === "public" ? undefined : { Cookie: cookies[page.who] },
        // Cookies too: the cookie a run's answers set (the session slides on every request) would
        // otherwise be sent with the next page's, whoever it is measured as.
        clearStorageTypes: ["file_systems", "shader_cache", "service_workers", "cache_storage", "cookies"],
      }).catch((error: unknown) => {
        errors.push(error instanceof Error ? error.message : String(error));
        return undefined;
      });
      const lhr = result?.lhr;
      if (!lhr) continue;
      if (lhr.runtimeError) {
        errors.push(`${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        continue;
      }
      if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(base + page.path).pathname) {
        console.log(`  ${page.path} ended on ${lhr.finalDisplayedUrl}`);
      }
      if (options.save) {
        mkdirSync(options.save, { recursive: true });
        const name = `${page.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${run + 1}.json`;
        writeFileSync(path.join(options.save, name), JSON.stringify(lhr));
      }
      all.push(figuresOf(lhr));
      collectFailing(lhr, failing);
      for (const id of failing.keys()) if (!details.has(id)) details.set(id, detailsOf(lhr, id));
    }
    if (errors.length)
      console.log(`  ${page.path}: ${errors.length} of ${runs} run(s) failed: ${errors.join("; ")}`);
    if (!all.length) {
      rows.push({ page, figures: undefined, failing, details });
      continue;
    }
    const figures: Figures = {
      performance: median(all.map((f) => f.performance)),
      tbtMs: median(all.map((f) => f.tbtMs)),
      lcpS: median(all.map((f) => f.lcpS)),
      jsKb: median(all.map((f) => f.jsKb)),
      accessibility: median(all.map((f) => f.accessibility)),
      bestPractices: median(all.map((f) => f.bestPractices)),
    };
    rows.push({ page, figures, failing, details });
    console.log(
      `  ${page.path}: performance ${figures.performance}, accessibility ${figures.accessibility}, best practices ${figures.bestPractices}`,
    );
  }

  const widest = Math.max(4, ...rows.map((row) => row.page.path.length));
  console.log(
    `\n${"Page".padEnd(widest)}  ${"Perf".padStart(5)}  ${"TBT ms".padStart(7)}  ${"LCP s".padStart(6)}  ${"JS kB".padStart(7)}  ${"A11y".padStart(5)}  ${"BP".padStart(5)}  Budget`,
  );
  let failures = 0;
  for (const { page, figures } of rows) {
    if (!figures) {
      failures++;
      console.log(`${page.path.padEnd(widest)}  no figures: every run failed (see above)`);
      continue;
    }
    const perfOk = figures.performance >= (page.chart ? budget.chart.performance : budget.other.performance);
    const tbtOk = !page.chart || figures.tbtMs <= budget.chart.tbtMs;
    const jsOk = !page.chart || figures.jsKb <= budget.chart.jsKb;
    const a11yOk = figures.accessibility >= budget.accessibility;
    const bpOk = figures.bestPractices >= budget.bestPractices;
    const ok = perfOk && tbtOk && jsOk && a11yOk && bpOk;
    if (!ok) failures++;
    console.log(
      `${page.path.padEnd(widest)}  ${String(figures.performance).padStart(4)}${mark(perfOk)}  ${figures.tbtMs.toFixed(0).padStart(6)}${mark(tbtOk)}  ${figures.lcpS.toFixed(2).padStart(6)}  ${figures.jsKb.toFixed(0).padStart(6)}${mark(jsOk)}  ${String(figures.accessibility).padStart(4)}${mark(a11yOk)}  ${String(figures.bestPractices).padStart(4)}${mark(bpOk)}  ${page.chart ? "chart" : "page"}${ok ? "" : "  OVER BUDGET"}`,
    );
  }
  console.log(
    `\nBudget: chart pages (/progress, /patients/[id]) performance >= ${budget.chart.performance}, TBT <= ${budget.chart.tbtMs} ms, JS <= ${budget.chart.jsKb} kB; every other page performance >= ${budget.other.performance}; accessibility and best practices ${budget.accessibility} everywhere. ✗ marks a figure over budget.`,
  );
  console.log(`${failures} of ${rows.length} pages over budget.`);
  const withAudits = rows.filter((row) => row.failing.size > 0);
  if (withAudits.length) {
    console.log("\nFailing accessibility and best-practices audits (runs failed / runs):");
    for (const { page, failing, details } of withAudits) {
      console.log(`  ${page.path}`);
      for (const [id, { title, category, runs: failed }] of failing) {
        console.log(`    ${category} ${id} (${failed}/${runs}): ${title}`);
        for (const line of details.get(id) ?? []) console.log(`      ${line}`);
      }
    }
  }
  console.log(
    `\nMachine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "unknown"}), load average before ${before}, after ${load()}.`,
  );
}

try {
  if (!existsSync(options.chromium))
    throw new Error(`No Chromium at ${options.chromium}: pass --chromium <path>.`);
  await main();
} catch (error) {
  console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
