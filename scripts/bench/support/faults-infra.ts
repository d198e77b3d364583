// The faults benchmark's infrastructure faults: PostgreSQL restarted while 申請する transactions
// are open, and the SMTP relay down for minutes.
import { setTimeout as sleep } from "node:timers/promises";
import { readHiddenFields, type BrowserStandIn } from "./faults-http";
import {
  elapsedSince,
  isReady,
  queryCount,
  settleEmails,
  SUBJECTS,
  waitFor,
  type FaultContext,
  type RunOutcome,
} from "./faults-common";
import { countedProblems, pressUntilDone } from "./faults-kill";

interface Prepared {
  browser: BrowserStandIn;
  loginId: string;
  email: string;
  fields: Record<string, string>;
}

async function prepareSubmitters(context: FaultContext, ns: string, count: number): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (let i = 0; i < count; i += 1) {
    const scenario = await context.kit.scenario({ persona: "simple-filled", ns });
    if (!scenario.signInUrl || !scenario.loginId) throw new Error("simple-filled scenario without sign-in");
    const browser = await context.kit.signIn(scenario.signInUrl, `${ns}-${i}`);
    const confirm = await browser.open(context.cluster.url, "/registration/confirm");
    const fields = readHiddenFields(confirm.html, "申請する");
    if (!fields) throw new Error(`no 申請する form (${confirm.status})`);
    prepared.push({ browser, loginId: scenario.loginId, email: scenario.email, fields });
  }
  return prepared;
}

/** Each applicant has one submitted application, one 申請番号, one receipt email. */
async function countSubmissions(context: FaultContext, prepared: Prepared[]) {
  const lost = { applications: 0, ids: 0 };
  let duplicated = 0;
  for (const one of prepared) {
    const result = await context.db.query<{ id: string; status: string; application_number: string | null }>(
      `SELECT a.id, a.status, a.application_number FROM application a JOIN applicant p ON p.id = a.applicant_id
       WHERE p.login_id = $1`,
      [one.loginId],
    );
    const row = result.rows[0];
    const versions = row
      ? await queryCount(
          context.db,
          `SELECT count(*) AS n FROM application_submission WHERE application_id = $1`,
          [row.id],
        )
      : 0;
    if (row?.status !== "SUBMITTED" || versions === 0) lost.applications += 1;
    if (!row?.application_number) lost.ids += 1;
    duplicated += Math.max(0, versions - 1);
  }
  const email = await settleEmails(
    context,
    "application-received",
    SUBJECTS.received,
    prepared.map((one) => one.email),
  );
  return { lost, duplicated, email };
}

/**
 * `applicants` press 申請する at once while the benchmark holds a lock their transactions wait on;
 * PostgreSQL is then stopped (fast shutdown: open transactions are rolled back), kept down for
 * `downMs` and started again. Recovery: from PostgreSQL accepting connections again until every
 * instance's /api/ready answers 200; the users then press again until sent.
 */
export async function restartDatabase(
  context: FaultContext,
  run: number,
  options: { applicants: number; downMs: number },
): Promise<RunOutcome> {
  const { cluster, db } = context;
  const ns = `ft-pg-${context.runId}-${run}`;
  const prepared = await prepareSubmitters(context, ns, options.applicants);

  const lockClient = await db.connect();
  lockClient.on("error", () => undefined);
  await lockClient.query("BEGIN");
  await lockClient.query("LOCK TABLE application_submission IN SHARE MODE");
  const presses = prepared.map((one) =>
    one.browser.post(cluster.url, "/registration/confirm", one.fields).then(
      (answer) => answer.status,
      () => 0,
    ),
  );
  const waiting = await waitFor(
    "every 申請する waiting inside its transaction",
    async () => {
      const n = await queryCount(
        db,
        `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        [],
      );
      return n >= prepared.length ? n : null;
    },
    15_000,
    50,
  ).catch(() => 0);

  const stoppedAt = performance.now();
  await cluster.database.stop();
  lockClient.release(true);
  // What a user sees meanwhile (a page that needs the database).
  const duringOutage = await prepared[0]!.browser.open(cluster.url, "/menu").then(
    (page) =>
      `${page.status} 「${
        /<h1\b[^>]*>([\s\S]*?)<\/h1>/
          .exec(page.html)?.[1]
          ?.replace(/<[^>]*>/g, "")
          .trim() ?? ""
      }」`,
    () => "reset",
  );
  await sleep(Math.max(0, options.downMs - elapsedSince(stoppedAt)));
  await cluster.database.start();
  const upAt = performance.now();
  await waitFor(
    "every instance ready again",
    async () =>
      (await Promise.all(cluster.instances.map((instance) => isReady(instance.url)))).every(Boolean),
    120_000,
    100,
  );
  const recoverMs = elapsedSince(upAt);
  const firstAnswers = await Promise.all(presses);
  const problems: string[] = [];
  for (const one of prepared) {
    const retry = await pressUntilDone(one.browser, cluster.url, "/registration/confirm", "申請する", 60_000);
    problems.push(...retry.problems);
  }
  const allSentMs = elapsedSince(upAt);
  const counted = await countSubmissions(context, prepared);
  const statusList = (statuses: number[]) =>
    Object.entries(
      statuses.reduce<Record<string, number>>((counts, status) => {
        counts[status || "reset"] = (counts[status || "reset"] ?? 0) + 1;
        return counts;
      }, {}),
    )
      .map(([status, n]) => `${status}×${n}`)
      .join(",");
  return {
    lost: { ...counted.lost, emails: counted.email.lost },
    duplicated: { applications: counted.duplicated, emails: counted.email.duplicated },
    recoverMs,
    stuckEmails: counted.email.stuck,
    resentEmails: counted.email.resent,
    notes: [
      `in-tx ${waiting}/${prepared.length}`,
      `presses ${statusList(firstAnswers)}`,
      `outage page ${duringOutage}`,
      ...(problems.length ? [`retry: ${countedProblems(problems)}`] : []),
      `all sent +${(allSentMs / 1000).toFixed(1)}s`,
    ],
  };
}

/**
 * The SMTP relay stops; `emails` ID emails are queued meanwhile (applicants issued through the
 * kit), and it comes back after `downMs`. Recovery: from the relay's return until the last of
 * them is sent (the outbox's retry schedule: 30 s, 60 s, 120 s … after each failure).
 */
export async function smtpDown(
  context: FaultContext,
  run: number,
  options: { emails: number; downMs: number },
): Promise<RunOutcome> {
  const { cluster, db } = context;
  const smtp = cluster.smtp;
  if (!smtp) throw new Error("the SMTP fault needs the cluster's SMTP sink");
  const ns = `ft-smtp-${context.runId}-${run}`;
  await smtp.stop();
  const downAt = performance.now();
  const addresses: string[] = [];
  for (let i = 0; i < options.emails; i += 1) {
    addresses.push((await context.kit.scenario({ persona: "issued", ns })).email);
  }
  await sleep(Math.max(0, options.downMs - elapsedSince(downAt)));
  const retrying = await queryCount(
    db,
    `SELECT count(*) AS n FROM email_outbox WHERE template = 'applicant-id-issued' AND to_address = ANY($1)
     AND status = 'RETRYING'`,
    [addresses],
  );
  await smtp.start();
  const backAt = performance.now();
  await waitFor(
    "every queued email sent",
    async () =>
      (await queryCount(
        db,
        `SELECT count(*) AS n FROM email_outbox WHERE template = 'applicant-id-issued' AND to_address = ANY($1)
         AND status <> 'SENT'`,
        [addresses],
      )) === 0,
    options.downMs + 30 * 60_000,
    500,
  ).catch(() => undefined);
  const recoverMs = elapsedSince(backAt);
  const email = await settleEmails(context, "applicant-id-issued", SUBJECTS.idIssued, addresses, 5_000);
  return {
    lost: { emails: email.lost },
    duplicated: { emails: email.duplicated },
    recoverMs: email.lost === 0 ? recoverMs : null,
    stuckEmails: email.stuck,
    resentEmails: email.resent,
    notes: [
      `down ${(options.downMs / 1000).toFixed(0)}s`,
      `retrying ${retrying}/${addresses.length} at return`,
      ...(email.failed ? [`FAILED×${email.failed}`] : []),
    ],
  };
}
