// Faults benchmark (issue 13): two instances of the production build behind nginx on one
// PostgreSQL (scripts/cluster/cluster.ts), in test mode for the kit's scenarios; each fault is run
// --repeat times and what it did to the data is counted from the database and the SMTP sink:
// applications, emails, IDs (申請番号, 技能者ID, 申請用ログインID) and decisions lost or duplicated,
// and the time to recover. Numbers, not a pass/fail test; the exit code is 1 when anything was
// lost or duplicated (or a run failed), so CI could keep it honest.
//   npm run bench:faults -- [--repeat 5] [--bulk-repeat N] [--smtp-repeat N]
//     [--only submit,decision,bulk,postgres,smtp,disk]
//     [--smtp-down 120] [--db-down 5] [--bulk-rows 120] [--applicants 4] [--emails 5] [--verbose]
// Needs a production build (`npm run bench:faults` builds first), nginx (/usr/sbin/nginx), and
// a tmpfs for the disk fault (support/full-disk-store.ts; when it cannot mount one, that fault is reported as skipped).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { startCluster, type Cluster } from "../cluster/cluster";
import { KitClient } from "./support/faults-http";
import { KINDS, type FaultContext, type Kind, type RunOutcome } from "./support/faults-common";
import { killDuringBulkIssue, killDuringDecision, killDuringSubmit } from "./support/faults-kill";
import { restartDatabase, smtpDown } from "./support/faults-infra";
import { diskFull } from "./support/faults-disk";
import { startFullDiskStore, type FullDiskStore } from "./support/full-disk-store";
import { displayWidth } from "./support/display-width";

const FAULTS = {
  submit: "SIGKILL during 申請する",
  decision: "SIGKILL during 承認 (staff)",
  bulk: "SIGKILL during bulk issuance",
  postgres: "PostgreSQL restart mid-transaction",
  smtp: "SMTP down, then back",
  disk: "upload store disk full",
} as const;
type FaultName = keyof typeof FAULTS;

const { values } = parseArgs({
  options: {
    repeat: { type: "string", default: "5" },
    // The two slow faults (a 2-minute lease; minutes of SMTP outage) can be repeated less.
    "bulk-repeat": { type: "string" },
    "smtp-repeat": { type: "string" },
    only: { type: "string" },
    "smtp-down": { type: "string", default: "120" },
    "db-down": { type: "string", default: "5" },
    "bulk-rows": { type: "string", default: "120" },
    applicants: { type: "string", default: "4" },
    emails: { type: "string", default: "5" },
    verbose: { type: "boolean", default: false },
  },
});

function positiveNumber(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} ${raw}: 正の数を指定してください。`);
    process.exit(2);
  }
  return value;
}

const repeat = Math.round(positiveNumber("repeat", values.repeat));
const repeats: Partial<Record<FaultName, number>> = {
  bulk: Math.round(positiveNumber("bulk-repeat", values["bulk-repeat"] ?? values.repeat)),
  smtp: Math.round(positiveNumber("smtp-repeat", values["smtp-repeat"] ?? values.repeat)),
};
const smtpDownMs = positiveNumber("smtp-down", values["smtp-down"]) * 1000;
const dbDownMs = positiveNumber("db-down", values["db-down"]) * 1000;
const bulkRows = Math.round(positiveNumber("bulk-rows", values["bulk-rows"]));
const applicants = Math.round(positiveNumber("applicants", values.applicants));
const emails = Math.round(positiveNumber("emails", values.emails));
const selected = (values.only?.split(",").map((name) => name.trim()) ?? Object.keys(FAULTS)) as FaultName[];
for (const name of selected) {
  if (!(name in FAULTS)) {
    console.error(`--only ${name}: ${Object.keys(FAULTS).join(", ")} のいずれかを指定してください。`);
    process.exit(2);
  }
}

interface FaultSummary {
  name: FaultName;
  runs: RunOutcome[];
  errors: string[];
  skipped?: string;
}

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

async function withCluster<T>(
  env: Record<string, string>,
  body: (context: FaultContext) => Promise<T>,
): Promise<T> {
  const token = randomBytes(32).toString("base64url");
  const cluster: Cluster = await startCluster({
    instances: 2,
    env: { TEST_MODE: "on", TEST_API_TOKEN: token, ...env },
    log: values.verbose ? (line) => console.log(line) : undefined,
  });
  const stopOnSignal = () => void cluster.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  const db = new pg.Pool({ connectionString: cluster.databaseUrl, max: 4 });
  // The database restart fault ends every connection: an idle client's error is expected then.
  db.on("error", () => undefined);
  try {
    return await body({
      cluster,
      kit: new KitClient(cluster.url, token),
      db,
      runId: randomBytes(3).toString("hex"),
      log,
    });
  } finally {
    process.off("SIGINT", stopOnSignal);
    await db.end().catch(() => undefined);
    await cluster.stop();
  }
}

async function runFault(
  name: FaultName,
  context: FaultContext,
  once: (run: number) => Promise<RunOutcome>,
): Promise<FaultSummary> {
  const summary: FaultSummary = { name, runs: [], errors: [] };
  for (let run = 0; run < (repeats[name] ?? repeat); run += 1) {
    const started = performance.now();
    try {
      const outcome = await once(run);
      summary.runs.push(outcome);
      log(
        `${name} #${run + 1}: lost ${JSON.stringify(outcome.lost)} duplicated ${JSON.stringify(outcome.duplicated)} ` +
          `recover ${outcome.recoverMs ?? "never"} ms ${outcome.notes?.join(" ") ?? ""} ` +
          `(${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      summary.errors.push(message);
      log(`${name} #${run + 1}: run failed: ${message}`);
      // A failed run may leave an instance down: bring every one back for the next run.
      await Promise.all(context.cluster.instances.map((instance) => instance.start().catch(() => undefined)));
    }
  }
  return summary;
}

const sum = (runs: RunOutcome[], pick: (run: RunOutcome) => number | undefined) =>
  runs.reduce((total, run) => total + (pick(run) ?? 0), 0);

function touches(runs: RunOutcome[], kind: Kind): boolean {
  return runs.some((run) => kind in run.lost || kind in run.duplicated);
}

function seconds(values: number[]): string {
  if (values.length === 0) return "–";
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  return `${(median / 1000).toFixed(1)} / ${((sorted.at(-1) ?? 0) / 1000).toFixed(1)}`;
}

function printTable(summaries: FaultSummary[]) {
  const header = [
    "fault",
    "runs",
    ...KINDS.map((kind) => `${kind} lost/dup`),
    "stuck emails",
    "emails re-sent (same Message-ID)",
    "recover s (median / max)",
    "notes",
  ];
  const rows = summaries.map((summary) => {
    if (summary.skipped)
      return [FAULTS[summary.name], "skipped", ...KINDS.map(() => ""), "", "", "", summary.skipped];
    const runs = summary.runs;
    const notes = new Map<string, number>();
    for (const run of runs) for (const note of run.notes ?? []) notes.set(note, (notes.get(note) ?? 0) + 1);
    const recovered = runs.map((run) => run.recoverMs).filter((ms): ms is number => ms !== null);
    const never = runs.length - recovered.length;
    return [
      FAULTS[summary.name],
      `${runs.length}${summary.errors.length ? ` (+${summary.errors.length} failed)` : ""}`,
      ...KINDS.map((kind) =>
        touches(runs, kind)
          ? `${sum(runs, (run) => run.lost[kind])} / ${sum(runs, (run) => run.duplicated[kind])}`
          : "–",
      ),
      String(sum(runs, (run) => run.stuckEmails)),
      String(sum(runs, (run) => run.resentEmails)),
      `${seconds(recovered)}${never ? ` (never ×${never})` : ""}`,
      [...notes].map(([note, n]) => (n > 1 ? `${note} ×${n}` : note)).join("; "),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ""))),
  );
  const pad = (cell: string, width: number) => cell + " ".repeat(Math.max(0, width - displayWidth(cell)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => pad(cell, widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

async function main() {
  const started = new Date();
  log(`faults benchmark: ${selected.join(", ")}, ${repeat} runs each`);
  const summaries: FaultSummary[] = [];
  const clusterFaults = selected.filter((name) => name !== "disk");
  if (clusterFaults.length > 0) {
    await withCluster({}, async (context) => {
      for (const name of clusterFaults) {
        log(`— ${FAULTS[name]}`);
        const once = {
          submit: (run: number) => killDuringSubmit(context, run),
          decision: (run: number) => killDuringDecision(context, run),
          bulk: (run: number) => killDuringBulkIssue(context, run, bulkRows),
          postgres: (run: number) => restartDatabase(context, run, { applicants, downMs: dbDownMs }),
          smtp: (run: number) => smtpDown(context, run, { emails, downMs: smtpDownMs }),
        }[name as Exclude<FaultName, "disk">];
        summaries.push(await runFault(name, context, once));
      }
    });
  }
  if (selected.includes("disk")) {
    let store: FullDiskStore | null = null;
    try {
      store = await startFullDiskStore();
    } catch (error) {
      summaries.push({ name: "disk", runs: [], errors: [], skipped: (error as Error).message.slice(0, 120) });
    }
    if (store) {
      const opened = store;
      try {
        log(`— ${FAULTS.disk}`);
        await withCluster(opened.env, async (context) => {
          summaries.push(await runFault("disk", context, (run) => diskFull(context, run, opened)));
        });
      } finally {
        await opened.close();
      }
    }
  }

  console.log(
    `\nFaults benchmark, ${started.toISOString()} (${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min), ` +
      `2 instances behind nginx, load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" ")}`,
  );
  printTable(summaries);
  const bad = summaries.some(
    (summary) =>
      summary.errors.length > 0 ||
      summary.runs.some(
        (run) =>
          Object.values(run.lost).some((n) => (n ?? 0) > 0) ||
          Object.values(run.duplicated).some((n) => (n ?? 0) > 0),
      ),
  );
  for (const summary of summaries)
    for (const error of summary.errors) console.log(`  ${summary.name}: run failed: ${error}`);
  process.exitCode = bad ? 1 : 0;
}

await main();
