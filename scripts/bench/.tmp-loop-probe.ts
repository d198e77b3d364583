import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { startBenchDatabase } from "./staff-list-rows";
const database = await startBenchDatabase();
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= "benchmark-only-secret-benchmark-only-secret";
const { db } = await import("../../lib/db");
const { readBulkIssueCsv } = await import("../../lib/bulk-issue/read-csv");
const { createBulkIssueJob } = await import("../../lib/bulk-issue/create-job");
const { claimBulkIssueJob } = await import("../../lib/bulk-issue/job-lease");
const { defaultProcessOptions, processBulkIssueJob } = await import("../../lib/bulk-issue/process-job");
const staff = await db.staffUser.create({ data: { email: "p@example.test", name: "p", passwordHash: "x" } });
for (let round = 0; round < 3; round += 1) {
  const lines = ["氏名,メールアドレス"];
  for (let i = 0; i < 150; i += 1) lines.push(`技能者 ${i}号,r${round}-${i}@example.jp`);
  const bytes = new TextEncoder().encode(lines.join("\r\n"));
  const read = readBulkIssueCsv(bytes);
  if (!read.ok) throw new Error();
  const job = await createBulkIssueJob({ staffId: staff.id, fileName: "x.csv", bytes, encoding: read.encoding, rows: read.rows, ip: null });
  const gaps: { at: number; gap: number }[] = [];
  let last = performance.now();
  const t0 = last;
  const timer = setInterval(() => { const n = performance.now(); if (n - last > 40) gaps.push({ at: Math.round(n - t0), gap: Math.round(n - last - 5) }); last = n; }, 5);
  const h = monitorEventLoopDelay({ resolution: 10 }); h.enable();
  const claimed = await claimBulkIssueJob(60000, job.id);
  await processBulkIssueJob(claimed!, defaultProcessOptions());
  h.disable(); clearInterval(timer);
  console.log({ round, p99: (h.percentile(99) / 1e6 - 10).toFixed(1), max: (h.max / 1e6 - 10).toFixed(1), gapsOver40ms: gaps.slice(0, 8) });
}
await db.$disconnect(); await database.stop(); process.exit(0);
