// The concurrent run: autocannon keeps N connections busy, each a virtual user of the reference
// set with its own cookie, with no pause between requests. Four users in five are patients going
// through a day (Today, a check-in, the log page, logging a session, Progress and a range switch),
// one in five a physiotherapist (the caseload and one patient's record). Every write carries its own
// client request id, and afterwards the new rows are counted against the writes that succeeded.
import autocannon from "autocannon";
import type { BenchDatabase, Ids } from "./data.ts";
import {
  type ActionPost,
  actionId,
  checkInPost,
  logSessionPost,
  sessionCookie,
  withRequestId,
} from "./requests.ts";
import { loadAverage } from "./sequential.ts";
import type { BenchServer } from "./server.ts";

const seconds = Number(process.env.BENCH_CAPACITY_SECONDS ?? 10);
export const capacityUsers = (process.env.BENCH_CAPACITY_USERS ?? "1,10,50").split(",").map(Number);

type StepName =
  | "today"
  | "check in"
  | "log page"
  | "log session"
  | "progress page"
  | "progress range 1y"
  | "caseload page"
  | "patient record";
type StepFigures = { durations: number[]; non2xx: number; failed: number; succeeded: number; sent: number };
type Step = { name: StepName; request: autocannon.Request; write?: "session" | "check-in" };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export type CapacityResult = {
  users: number;
  requestsPerSecond: number;
  steps: Map<StepName, StepFigures>;
  errors: number;
  timeouts: number;
  busy: number;
  serverErrors: number;
  writeMismatch: boolean;
};

export async function runCapacity(
  server: BenchServer,
  db: BenchDatabase,
  ids: Ids,
  users: number,
): Promise<CapacityResult> {
  const base = server.base;
  const logAction = actionId("logSessionAction");
  const checkInActionId = actionId("checkInAction");
  if ("skipped" in logAction || "skipped" in checkInActionId) {
    throw new Error("The build exposes no id for the log actions: the capacity run cannot post them.");
  }
  const logPost = await logSessionPost(logAction.id, base, ids);
  const checkIn = await checkInPost(checkInActionId.id, base);
  const physios = Math.floor(users / 5);
  // Patients 1.. (patient 0 and the last one are the sequential bench's reader and writer).
  const patientUsers = await Promise.all(
    Array.from({ length: users - physios }, async (_, i) => {
      const id = ids.patientIds[1 + i] as string;
      return { id, cookie: await sessionCookie(db, id, "PATIENT") };
    }),
  );
  const physioUsers = await Promise.all(
    Array.from({ length: physios }, async (_, i) => {
      // The two reference physiotherapists, alternately; each virtual user opens another record.
      const id = i % 2 === 0 ? ids.physioId : ids.smallPhysioId;
      return { cookie: await sessionCookie(db, id, "PHYSIO"), recordOf: ids.patientIds[i % 20] as string };
    }),
  );

  const steps = new Map<StepName, StepFigures>();
  const figures = (name: StepName) => {
    let found = steps.get(name);
    if (!found) {
      found = { durations: [], non2xx: 0, failed: 0, succeeded: 0, sent: 0 };
      steps.set(name, found);
    }
    return found;
  };
  // autocannon reports a response's time on the instance's "response" event, right after the
  // request's onResponse; the client remembers which step that was.
  const lastStep = new WeakMap<object, { name: StepName; ok: boolean }>();

  const post = (
    name: StepName,
    path: string,
    action: ActionPost,
    cookie: string,
    write: Step["write"],
    saved: string,
  ) => {
    const step: Step = {
      name,
      write,
      request: {
        method: "POST",
        path,
        headers: { ...action.headers, cookie },
        // A fresh client request id for every request: a reused one would make the write a no-op.
        setupRequest: (request) => {
          figures(name).sent++;
          return { ...request, body: withRequestId(action) };
        },
      },
    };
    return { step, saved };
  };
  const get = (name: StepName, path: string, cookie: string): { step: Step; saved?: string } => ({
    step: { name, request: { method: "GET", path, headers: { cookie } } },
  });

  let clientIndex = 0;
  const setupClient = (client: autocannon.Client) => {
    const index = clientIndex++;
    const physio = index < physios ? physioUsers[index] : undefined;
    const patient = physio ? undefined : patientUsers[index - physios];
    const plan = physio
      ? [
          get("caseload page", "/caseload", physio.cookie),
          get("patient record", `/patients/${physio.recordOf}`, physio.cookie),
        ]
      : patient
        ? [
            get("today", "/today", patient.cookie),
            post("check in", "/today", checkIn, patient.cookie, "check-in", "Check-in saved."),
            get("log page", "/log", patient.cookie),
            post("log session", "/log", logPost, patient.cookie, "session", "Session saved."),
            get("progress page", "/progress", patient.cookie),
            get("progress range 1y", `/api/patients/${patient.id}/progress?range=1y`, patient.cookie),
          ]
        : [];
    client.setRequests(
      plan.map(({ step, saved }) => ({
        ...step.request,
        onResponse: (status: number, body: string) => {
          const ok = status >= 200 && status < 300 && (!saved || body.includes(saved));
          lastStep.set(client, { name: step.name, ok });
          if (ok && step.write) figures(step.name).succeeded++;
        },
      })),
    );
  };

  // Requests the previous step left in flight are still being served: wait for them to drain.
  await (await fetch(`${base}/api/health`)).arrayBuffer();
  const before = await db.countWrites();
  server.takeCounters();
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: base,
        connections: users,
        duration: seconds,
        timeout: 30,
        // Placeholder: every client gets its own list in setupClient.
        requests: [{ method: "GET", path: "/api/health" }],
        setupClient,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance?.on("response", (client, statusCode, _bytes, responseTime) => {
    const step = lastStep.get(client);
    if (!step) return;
    const figure = figures(step.name);
    figure.durations.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) figure.non2xx++;
    else if (!step.ok) figure.failed++;
  });
  const result = await finished;
  // Let writes still in flight when autocannon stopped land before counting.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const after = await db.countWrites();
  const counters = server.takeCounters();

  const sessions = steps.get("log session")?.succeeded ?? 0;
  const checkIns = steps.get("check in")?.succeeded ?? 0;
  const newSessions = after.sessions - before.sessions;
  const newPain = after.painEntries - before.painEntries;
  // A session logged with pain before and after writes two pain entries; a check-in rating one area, one.
  // Writes still in flight when autocannon stopped have no answer but may have landed.
  const unanswered = (name: StepName) => {
    const step = steps.get(name);
    return step ? step.sent - step.durations.length : 0;
  };
  const openSessions = unanswered("log session");
  const openCheckIns = unanswered("check in");
  const writeMismatch =
    newSessions < sessions ||
    newSessions > sessions + openSessions ||
    newPain < checkIns + 2 * sessions ||
    newPain > checkIns + openCheckIns + 2 * (sessions + openSessions);

  const total = [...steps.values()].reduce((sum, step) => sum + step.durations.length, 0);
  console.log(
    `\n${db.kind}, ${users} users (${users - physios} patients, ${physios} physiotherapists), ${seconds} s: ${(total / seconds).toFixed(1)} requests/s, ${result.errors} errors (${result.timeouts} timeouts), ${counters.busy} SQLITE_BUSY, ${counters.errors} server errors logged; load average ${loadAverage()}`,
  );
  for (const [name, step] of steps) {
    const sorted = [...step.durations].sort((a, b) => a - b);
    const extra = name === "log session" || name === "check in" ? `   saved ${step.succeeded}` : "";
    console.log(
      `  ${name.padEnd(20)} ${(step.durations.length / seconds).toFixed(1).padStart(6)}/s   p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms   p99 ${percentile(sorted, 99).toFixed(0).padStart(5)} ms   non-2xx ${step.non2xx}   failed ${step.failed}${extra}`,
    );
  }
  const rows = `new rows: ${newSessions} sessions for ${sessions} saved (+${openSessions} unanswered at the end), ${newPain} pain entries for ${checkIns} check-ins (+${openCheckIns}) + 2 x the sessions`;
  console.log(writeMismatch ? `  !!! MISMATCH: ${rows} !!!` : `  ${rows}: match`);
  return {
    users,
    requestsPerSecond: total / seconds,
    steps,
    errors: result.errors,
    timeouts: result.timeouts,
    busy: counters.busy,
    serverErrors: counters.errors,
    writeMismatch,
  };
}

/** One request to each page of the mix, so loading the server's route modules is not timed. */
export async function warmUp(server: BenchServer, db: BenchDatabase, ids: Ids): Promise<void> {
  const patientId = ids.patientIds[0] as string;
  const patient = await sessionCookie(db, patientId, "PATIENT");
  const physio = await sessionCookie(db, ids.smallPhysioId, "PHYSIO");
  for (const [path, cookie] of [
    ["/sign-in", ""],
    ["/today", patient],
    ["/log", patient],
    ["/progress", patient],
    [`/api/patients/${patientId}/progress?range=1y`, patient],
    ["/caseload", physio],
    [`/patients/${patientId}`, physio],
  ] as const) {
    await (await fetch(server.base + path, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
  }
}

/** The reference line: the trivial dynamic page (/sign-in) with as many connections, no cookie. */
export async function runTrivial(server: BenchServer, users: number): Promise<number> {
  await (await fetch(`${server.base}/api/health`)).arrayBuffer();
  const result = await autocannon({
    url: `${server.base}/sign-in`,
    connections: users,
    duration: seconds,
    timeout: 30,
  });
  console.log(
    `\ntrivial dynamic page (/sign-in), ${users} connections, ${seconds} s: ${result.requests.average.toFixed(1)} requests/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  return result.requests.average;
}

const pageSteps: StepName[] = ["today", "log page", "progress page", "caseload page", "patient record"];

/** One line against the goals; a step that got no answer in the run is named, not counted as 0 ms. */
export function summaryLine(kind: string, result: CapacityResult, trivial: number): string {
  const p95 = (name: StepName) => {
    const sorted = [...(result.steps.get(name)?.durations ?? [])].sort((a, b) => a - b);
    return sorted.length ? percentile(sorted, 95) : null;
  };
  const unanswered = [...pageSteps, "log session" as const].filter((name) => p95(name) === null);
  const pages = pageSteps.map(p95).filter((value): value is number => value !== null);
  const session = p95("log session");
  const sessions = (result.steps.get("log session")?.succeeded ?? 0) / seconds;
  return [
    `${kind.padEnd(8)} ${String(result.users).padStart(3)} users: ${result.requestsPerSecond.toFixed(1).padStart(6)} req/s (trivial page ${trivial.toFixed(0)})`,
    `worst page p95 ${pages.length ? `${Math.max(...pages).toFixed(0)} ms` : "-"}`,
    `session log p95 ${session === null ? "-" : `${session.toFixed(0)} ms`}`,
    `${sessions.toFixed(1)} sessions/s`,
    `${result.errors} errors, ${result.busy} SQLITE_BUSY, ${result.serverErrors} server errors`,
    ...(unanswered.length ? [`no answer in time: ${unanswered.join(", ")}`] : []),
    ...(result.writeMismatch ? ["ROW MISMATCH"] : []),
  ].join(", ");
}
