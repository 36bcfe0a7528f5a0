// The sequential figures: p50/p95 latency and statements per request of the pages and handlers
// DESIGN.md section 9 sets bars for, next to a trivial dynamic page on the same server so the
// figures read as ratios.
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import type { BenchDatabase, Ids } from "./data.ts";
import { actionId, logSessionPost, sessionCookie, withRequestId } from "./requests.ts";

const samples = Number(process.env.BENCH_SAMPLES ?? 60);
const warmUp = 5;

export const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

type Result = { p50: number; p95: number; queries: { min: number; max: number } };

export async function runSequential(base: string, queryLog: string, db: BenchDatabase, ids: Ids) {
  // Statements logged so far; requests are sequential, so the difference around one is its count.
  let logBytes = existsSync(queryLog) ? statSync(queryLog).size : 0;
  let logLines = 0;
  const queriesSoFar = (): number => {
    const size = existsSync(queryLog) ? statSync(queryLog).size : 0;
    if (size <= logBytes) return logLines;
    const chunk = Buffer.alloc(size - logBytes);
    const fd = openSync(queryLog, "r");
    try {
      readSync(fd, chunk, 0, chunk.length, logBytes);
    } finally {
      closeSync(fd);
    }
    for (const byte of chunk) if (byte === 10) logLines++;
    logBytes = size;
    return logLines;
  };

  /** Times `send` (response body included) and counts the statements each request ran. */
  const measure = async (
    label: string,
    send: () => Promise<Response>,
    check: (status: number, body: string) => boolean = (status) => status < 400,
  ): Promise<Result> => {
    for (let i = 0; i < warmUp; i++) await (await send()).arrayBuffer();
    const times: number[] = [];
    const counts: number[] = [];
    const statuses = new Set<number>();
    let failures = 0;
    for (let i = 0; i < samples; i++) {
      const before = queriesSoFar();
      const started = performance.now();
      const response = await send();
      const body = await response.text();
      times.push(performance.now() - started);
      counts.push(queriesSoFar() - before);
      statuses.add(response.status);
      if (!check(response.status, body)) failures++;
    }
    times.sort((a, b) => a - b);
    const result = {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      queries: { min: Math.min(...counts), max: Math.max(...counts) },
    };
    const status = [...statuses].join("/") + (failures ? ` (${failures} failed)` : "");
    const queries =
      result.queries.min === result.queries.max
        ? `${result.queries.min}`
        : `${result.queries.min}-${result.queries.max}`;
    console.log(
      `${label.padEnd(46)} ${status.padEnd(4)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95.toFixed(1).padStart(7)} ms   queries ${queries}`,
    );
    return result;
  };

  const get = (url: string, cookie?: string) => () =>
    fetch(base + url, { headers: cookie ? { cookie } : undefined, redirect: "manual" });
  const rowCount = async (url: string, cookie: string): Promise<number | string> => {
    const response = await fetch(base + url, { headers: { cookie } });
    const body = (await response.json()) as unknown;
    return Array.isArray(body) ? body.length : `status ${response.status}`;
  };

  const patientId = ids.patientIds[0] as string;
  const writerId = ids.patientIds.at(-1) as string;
  const patient = await sessionCookie(db, patientId, "PATIENT");
  const writer = await sessionCookie(db, writerId, "PATIENT");
  const physio = await sessionCookie(db, ids.physioId, "PHYSIO");
  const smallPhysio = await sessionCookie(db, ids.smallPhysioId, "PHYSIO");
  console.log(
    `\n${db.kind}: ${samples} sequential requests each, after ${warmUp} warm-up requests, on ${base}; ${availableParallelism()} cores, load average ${loadAverage()}`,
  );
  console.log(
    `Caseload rows served: ${await rowCount("/api/caseload", physio)} and ${await rowCount("/api/caseload", smallPhysio)}\n`,
  );
  await measure("trivial dynamic page (/sign-in)", get("/sign-in"));
  await measure("patient home (/today)", get("/today", patient));
  await measure("progress page (/progress, 3 months)", get("/progress", patient));
  for (const range of ["2w", "3m", "1y", "all"]) {
    await measure(
      `progress data, range ${range}`,
      get(`/api/patients/${patientId}/progress?range=${range}`, patient),
    );
  }
  await measure("physio: one patient (/patients/{id})", get(`/patients/${patientId}`, physio));
  const caseload = {
    page200: await measure("caseload page (/caseload, 200 patients)", get("/caseload", physio)),
    api200: await measure("caseload data (/api/caseload, 200 patients)", get("/api/caseload", physio)),
    page20: await measure("caseload page (/caseload, 20 patients)", get("/caseload", smallPhysio)),
    api20: await measure("caseload data (/api/caseload, 20 patients)", get("/api/caseload", smallPhysio)),
  };

  const action = actionId("logSessionAction");
  if ("skipped" in action) {
    console.log(`${"log a session (server action)".padEnd(46)} skipped: ${action.skipped}`);
  } else {
    const post = await logSessionPost(action.id, base, ids);
    const before = await db.sessionCount(writerId);
    await measure(
      "log a session (server action on /log)",
      () =>
        fetch(`${base}/log`, {
          method: "POST",
          redirect: "manual",
          headers: { ...post.headers, cookie: writer },
          body: withRequestId(post),
        }),
      (status, body) => status === 200 && body.includes("Session saved."),
    );
    const written = (await db.sessionCount(writerId)) - before;
    if (written !== samples + warmUp) {
      console.log(
        `  but ${written} sessions were written for ${samples + warmUp} requests: the figure is not valid`,
      );
    }
  }

  console.log(`\nLoad average after: ${loadAverage()}`);
  console.log("\nQueries per caseload request (min-max over the samples), 200 vs 20 patients:");
  for (const [label, large, small] of [
    ["/caseload", caseload.page200, caseload.page20],
    ["/api/caseload", caseload.api200, caseload.api20],
  ] as const) {
    const range = (r: Result) =>
      r.queries.min === r.queries.max ? `${r.queries.min}` : `${r.queries.min}-${r.queries.max}`;
    // The minimum is the request's own statements; a maximum above it includes statements a timer in
    // the same server ran meanwhile (the trivial page shows them too), so the minimums decide.
    const verdict =
      large.queries.min > small.queries.min
        ? "GROWS"
        : large.queries.min === small.queries.min
          ? large.queries.max === small.queries.max
            ? "constant"
            : "constant (the maximum includes background statements)"
          : "differs";
    console.log(
      `  ${label.padEnd(14)} 200 patients: ${range(large).padStart(3)}   20 patients: ${range(small).padStart(3)}   ${verdict}`,
    );
  }
}
