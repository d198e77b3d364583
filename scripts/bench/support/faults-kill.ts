// The faults benchmark's SIGKILLs: an instance killed while it runs 申請する, a staff decision
// (承認) or a bulk issuance job. The request goes straight to the instance that is killed (as
// the balancer would have sent it there); the user then does what a browser user does — opens
// the page again through the balancer and presses again while the button is still there.
// Every other run holds a table lock that the action's transaction waits on, so the kill lands
// inside the transaction for certain; the others kill at a random moment of the request.
import { setTimeout as sleep } from "node:timers/promises";
import type { ClusterInstance } from "../../cluster/cluster";
import { type BrowserStandIn, readHiddenFields, type PageAnswer } from "./faults-http";
import {
  elapsedSince,
  queryCount,
  settleEmails,
  SUBJECTS,
  waitFor,
  type FaultContext,
  type RunOutcome,
} from "./faults-common";

/** A transaction of the benchmark's own holding `lockSql` until released. */
async function holdLock(context: FaultContext, lockSql: string) {
  const client = await context.db.connect();
  await client.query("BEGIN");
  await client.query(lockSql);
  return {
    release: async () => {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release();
    },
  };
}

/** Waits until some backend waits on a lock (the action's transaction reached the held lock). */
async function waitForLockWaiter(context: FaultContext, timeoutMs: number): Promise<boolean> {
  try {
    await waitFor(
      "a transaction waiting on the held lock",
      async () =>
        (await queryCount(
          context.db,
          `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          [],
        )) > 0,
      timeoutMs,
      20,
    );
    return true;
  } catch {
    return false;
  }
}

type Settled = { answer: PageAnswer } | { error: unknown };
const settle = (promise: Promise<PageAnswer>): Promise<Settled> =>
  promise.then(
    (answer) => ({ answer }),
    (error: unknown) => ({ error }),
  );

/**
 * The user after a failed press: opens `path` through the balancer and presses `button` again
 * while the page still offers it; done when the page no longer does. What went wrong on the way
 * is listed ("GET 502", "POST 500", "error fetch failed"), for the table's notes.
 */
export async function pressUntilDone(
  browser: BrowserStandIn,
  baseUrl: string,
  path: string,
  button: string,
  timeoutMs: number,
): Promise<{ presses: number; problems: string[] }> {
  const deadline = Date.now() + timeoutMs;
  let presses = 0;
  const problems: string[] = [];
  while (Date.now() < deadline) {
    try {
      const page = await browser.open(baseUrl, path);
      if (page.status >= 400) {
        problems.push(`GET ${page.status}`);
      } else {
        const fields = readHiddenFields(page.html, button);
        if (!fields) return { presses, problems };
        presses += 1;
        const answer = await browser.post(baseUrl, page.path, fields);
        if (answer.status >= 400) problems.push(`POST ${answer.status}`);
        continue;
      }
    } catch (error) {
      problems.push(`error ${error instanceof Error ? error.message : String(error)}`.slice(0, 60));
    }
    await sleep(300);
  }
  throw new Error(`${browser.label}: ${button} still offered after ${timeoutMs} ms`);
}

/** "GET 502×2, POST 500" */
export function countedProblems(problems: string[]): string {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  return [...counts].map(([problem, n]) => (n > 1 ? `${problem}×${n}` : problem)).join(", ");
}

interface KillPlan {
  victim: ClusterInstance;
  midTransaction: boolean;
}

function planKill(context: FaultContext, run: number): KillPlan {
  const instances = context.cluster.instances;
  const victim = instances[run % instances.length];
  if (!victim) throw new Error("the cluster has no instances");
  return { victim, midTransaction: run % 2 === 0 };
}

/** Sends the press to the victim, kills it (inside the transaction or at a random moment). */
async function pressAndKill(
  context: FaultContext,
  plan: KillPlan,
  browser: BrowserStandIn,
  path: string,
  fields: Record<string, string>,
  lockSql: string,
) {
  const lock = plan.midTransaction ? await holdLock(context, lockSql) : null;
  const press = settle(browser.post(plan.victim.url, path, fields));
  let inTransaction = false;
  if (lock) inTransaction = await waitForLockWaiter(context, 10_000);
  else await sleep(Math.random() * 60);
  await plan.victim.kill("SIGKILL");
  const killedAt = performance.now();
  await lock?.release();
  const first = await press;
  const answeredBeforeKill = "answer" in first && first.answer.status < 500;
  const notes = [plan.midTransaction ? (inTransaction ? "mid-tx" : "lock-not-reached") : "random"];
  if (answeredBeforeKill) notes.push("answered-before-kill");
  return { killedAt, notes };
}

export async function killDuringSubmit(context: FaultContext, run: number): Promise<RunOutcome> {
  const { cluster, kit, db } = context;
  const ns = `ft-sub-${context.runId}-${run}`;
  const scenario = await kit.scenario({ persona: "simple-filled", ns });
  if (!scenario.signInUrl || !scenario.loginId) throw new Error("simple-filled scenario without sign-in");
  const browser = await kit.signIn(scenario.signInUrl, ns);
  const confirm = await browser.open(cluster.url, "/registration/confirm");
  const fields = readHiddenFields(confirm.html, "申請する");
  if (!fields) throw new Error(`no 申請する form on ${confirm.path} (${confirm.status})`);

  const plan = planKill(context, run);
  // 申請する's transaction inserts the submitted version after claiming the application.
  const { killedAt, notes } = await pressAndKill(
    context,
    plan,
    browser,
    "/registration/confirm",
    fields,
    "LOCK TABLE application_submission IN SHARE MODE",
  );
  const retry = await pressUntilDone(browser, cluster.url, "/registration/confirm", "申請する", 60_000);
  const recoverMs = elapsedSince(killedAt);
  if (retry.problems.length) notes.push(`retry: ${countedProblems(retry.problems)}`);
  await plan.victim.start();

  const application = await db.query<{ id: string; status: string; application_number: string | null }>(
    `SELECT a.id, a.status, a.application_number FROM application a JOIN applicant p ON p.id = a.applicant_id
     WHERE p.login_id = $1`,
    [scenario.loginId],
  );
  const row = application.rows[0];
  if (!row) throw new Error(`no application for ${scenario.loginId}`);
  const versions = await queryCount(
    db,
    `SELECT count(*) AS n FROM application_submission WHERE application_id = $1`,
    [row.id],
  );
  const audits = await queryCount(
    db,
    `SELECT count(*) AS n FROM audit_log WHERE action = 'application.submitted' AND target_id = $1`,
    [row.id],
  );
  const fees = await queryCount(
    db,
    `SELECT count(*) AS n FROM application_fee WHERE application_id = $1 AND purpose = 'REGISTRATION'`,
    [row.id],
  );
  const email = await settleEmails(context, "application-received", SUBJECTS.received, [scenario.email]);
  return {
    lost: {
      applications: row.status === "SUBMITTED" && versions > 0 ? 0 : 1,
      ids: row.application_number ? 0 : 1,
      emails: email.lost,
    },
    duplicated: {
      applications: Math.max(0, versions - 1, audits - 1, fees - 1),
      emails: email.duplicated,
    },
    recoverMs,
    stuckEmails: email.stuck,
    resentEmails: email.resent,
    notes,
  };
}

export async function killDuringDecision(context: FaultContext, run: number): Promise<RunOutcome> {
  const { cluster, kit, db } = context;
  const ns = `ft-dec-${context.runId}-${run}`;
  const applicant = await kit.scenario({ persona: "submitted", ns });
  const staff = await kit.scenario({ persona: "staff", ns });
  if (!staff.signInUrl || !applicant.loginId) throw new Error("scenario without sign-in");
  const browser = await kit.signIn(staff.signInUrl, `${ns}-staff`);
  const found = await db.query<{ id: string }>(
    `SELECT a.id FROM application a JOIN applicant p ON p.id = a.applicant_id WHERE p.login_id = $1`,
    [applicant.loginId],
  );
  const applicationId = found.rows[0]?.id;
  if (!applicationId) throw new Error(`no application for ${applicant.loginId}`);
  const path = `/staff/applications/${applicationId}`;
  const review = await browser.open(cluster.url, path);
  const fields = readHiddenFields(review.html, "承認");
  if (!fields) throw new Error(`no 承認 form on ${review.path} (${review.status})`);

  const plan = planKill(context, run);
  // 承認's transaction writes the review row after the status and the 技能者ID.
  const { killedAt, notes } = await pressAndKill(
    context,
    plan,
    browser,
    path,
    fields,
    "LOCK TABLE application_review IN SHARE MODE",
  );
  const retry = await pressUntilDone(browser, cluster.url, path, "承認", 60_000);
  const recoverMs = elapsedSince(killedAt);
  if (retry.problems.length) notes.push(`retry: ${countedProblems(retry.problems)}`);
  await plan.victim.start();

  const application = await db.query<{ status: string; technician_id: string | null }>(
    `SELECT status, technician_id FROM application WHERE id = $1`,
    [applicationId],
  );
  const row = application.rows[0];
  const reviews = await queryCount(
    db,
    `SELECT count(*) AS n FROM application_review WHERE application_id = $1`,
    [applicationId],
  );
  const audits = await queryCount(
    db,
    `SELECT count(*) AS n FROM audit_log WHERE action = 'application.approved' AND target_id = $1`,
    [applicationId],
  );
  const email = await settleEmails(context, "registration-completed", SUBJECTS.completed, [applicant.email]);
  return {
    lost: {
      decisions: row?.status === "COMPLETED" && reviews > 0 ? 0 : 1,
      ids: row?.technician_id ? 0 : 1,
      emails: email.lost,
    },
    duplicated: { decisions: Math.max(0, reviews - 1, audits - 1), emails: email.duplicated },
    recoverMs,
    stuckEmails: email.stuck,
    resentEmails: email.resent,
    notes,
  };
}

interface JobProgress {
  status: string;
  processed_rows: number;
}

async function jobProgress(context: FaultContext, jobId: string): Promise<JobProgress> {
  const result = await context.db.query<JobProgress>(
    `SELECT status, processed_rows FROM bulk_issue_job WHERE id = $1`,
    [jobId],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no bulk issuance job ${jobId}`);
  return row;
}

/**
 * The job is uploaded to instance A while B is down (so A's worker takes it), B comes back, and A
 * is killed midway: B's worker must take the job over once A's lease is stale and finish it.
 */
export async function killDuringBulkIssue(
  context: FaultContext,
  run: number,
  rows: number,
): Promise<RunOutcome> {
  const { cluster, kit, db } = context;
  const ns = `ft-bulk-${context.runId}-${run}`;
  const [first, second] = cluster.instances;
  if (!first || !second) throw new Error("the bulk issuance fault needs two instances");
  const [holder, taker] = run % 2 === 0 ? [first, second] : [second, first];
  const staff = await kit.scenario({ persona: "staff", ns });
  if (!staff.signInUrl) throw new Error("staff scenario without sign-in");
  const browser = await kit.signIn(staff.signInUrl, `${ns}-staff`);

  await taker.kill("SIGKILL");
  const addresses = Array.from({ length: rows }, (_, i) => `${ns}.bulk.${i + 1}@example.jp`);
  const csv = ["氏名,メールアドレス", ...addresses.map((address) => `技能 太郎,${address}`)].join("\r\n");
  const form = await browser.open(holder.url, "/staff/applicants/bulk");
  const fields = readHiddenFields(form.html, "読み込んで発行する");
  if (!fields) throw new Error(`no 読み込んで発行する form (${form.status})`);
  const upload = await browser.post(holder.url, "/staff/applicants/bulk", fields, {
    csvFile: { name: `${ns}.csv`, type: "text/csv", bytes: new TextEncoder().encode(`${csv}\r\n`) },
  });
  const jobId = /\/staff\/applicants\/bulk\/([0-9a-f-]{36})/.exec(upload.location ?? "")?.[1];
  if (upload.status !== 303 || !jobId) throw new Error(`upload answered ${upload.status} ${upload.location}`);

  await taker.start();
  const target = Math.ceil(rows / 3);
  await waitFor(
    `job ${jobId} a third done`,
    async () => {
      const progress = await jobProgress(context, jobId);
      return progress.processed_rows >= target || progress.status === "DONE" ? progress : null;
    },
    10 * 60_000,
    50,
  );
  const notes: string[] = [];
  await holder.kill("SIGKILL");
  const killedAt = performance.now();
  let recoverMs: number | null = 0;
  // Read again: the holder may have written one more batch between the look above and the kill.
  const afterKill = await jobProgress(context, jobId);
  if (afterKill.status === "DONE") notes.push("done-before-kill");
  else {
    // Taken over: the other worker wrote a batch (its lease renewals count the rows again).
    await waitFor(
      "the other worker's first batch",
      async () => (await jobProgress(context, jobId)).processed_rows > afterKill.processed_rows,
      10 * 60_000,
      250,
    );
    recoverMs = elapsedSince(killedAt);
    await waitFor(
      "the job done",
      async () => (await jobProgress(context, jobId)).status === "DONE",
      10 * 60_000,
      250,
    );
    notes.push(
      `killed at ${afterKill.processed_rows}/${rows}`,
      `done +${(elapsedSince(killedAt) / 1000).toFixed(0)}s`,
    );
  }
  await holder.start();

  const outcomes = await db.query<{ outcome: string | null; n: string }>(
    `SELECT outcome, count(*) AS n FROM bulk_issue_row WHERE job_id = $1 GROUP BY outcome`,
    [jobId],
  );
  const issuedRows = Number(outcomes.rows.find((row) => row.outcome === "ISSUED")?.n ?? 0);
  const perAddress = await db.query<{ email: string; n: string }>(
    `SELECT email, count(*) AS n FROM applicant WHERE email = ANY($1) GROUP BY email`,
    [addresses],
  );
  const applicantsOf = new Map(perAddress.rows.map((row) => [row.email, Number(row.n)]));
  let lostIds = 0;
  let duplicatedIds = 0;
  for (const address of addresses) {
    const count = applicantsOf.get(address) ?? 0;
    if (count === 0) lostIds += 1;
    duplicatedIds += Math.max(0, count - 1);
  }
  if (issuedRows !== rows) {
    const reasons = await db.query<{ outcome: string | null; reason: string | null }>(
      `SELECT DISTINCT outcome, reason FROM bulk_issue_row WHERE job_id = $1 AND outcome IS DISTINCT FROM 'ISSUED' LIMIT 3`,
      [jobId],
    );
    notes.push(
      `issued rows ${issuedRows}/${rows}: ${reasons.rows.map((row) => `${row.outcome} ${row.reason ?? ""}`).join(" | ")}`,
    );
  }

  const email = await settleEmails(context, "applicant-id-issued", SUBJECTS.idIssued, addresses, 120_000);
  return {
    lost: { ids: lostIds, emails: email.lost },
    duplicated: { ids: duplicatedIds, emails: email.duplicated },
    recoverMs,
    stuckEmails: email.stuck,
    resentEmails: email.resent,
    notes,
  };
}
