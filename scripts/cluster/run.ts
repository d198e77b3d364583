// `npm run cluster -- --instances 2`: a local cluster to try by hand (scripts/cluster/cluster.ts):
// N instances of the production build behind nginx, one embedded PostgreSQL, the SMTP sink.
// Prints the addresses; Ctrl-C (or SIGTERM) stops everything it started and removes its folder.
//   --instances N     app instances (default 2)
//   --no-balancer     no nginx: the address is instance 1's
//   --verbose         print every instance's, nginx's and the sink's output (always in <work>/logs)
//   --test-mode       TEST_MODE=on with a fresh TEST_API_TOKEN (printed), for the kit's scenarios
// Needs a build first (`npm run build`).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { startCluster, type Cluster } from "./cluster";

const { values } = parseArgs({
  options: {
    instances: { type: "string", default: "2" },
    "no-balancer": { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    "test-mode": { type: "boolean", default: false },
  },
});

const instances = Number(values.instances);
if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
  console.error(`--instances ${values.instances}: 1〜16 の整数を指定してください。`);
  process.exit(2);
}

const env: Record<string, string> = {};
if (values["test-mode"]) {
  env.TEST_MODE = "on";
  env.TEST_API_TOKEN = randomBytes(32).toString("base64url");
}

let cluster: Cluster | null = null;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the cluster…");
  await cluster?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));

const startedAt = Date.now();
try {
  cluster = await startCluster({
    instances,
    balancer: !values["no-balancer"],
    env,
    log: values.verbose ? (line) => console.log(line) : undefined,
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

console.log(`Cluster ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s:`);
console.log(`  portal      ${cluster.url}${values["no-balancer"] ? "" : "  (nginx, round robin)"}`);
for (const instance of cluster.instances) {
  console.log(`  ${instance.name.padEnd(11)} ${instance.url}  (pid ${instance.pid() ?? "?"})`);
}
console.log(`  database    ${cluster.databaseUrl.replace(/:[^:@/]+@/, ":***@")}`);
if (cluster.smtp) console.log(`  mail (sink) ${cluster.smtp.httpUrl}/messages`);
if (env.TEST_API_TOKEN) console.log(`  TEST_API_TOKEN=${env.TEST_API_TOKEN}`);
console.log(`  logs        ${cluster.workDir}/logs (nginx: ${cluster.workDir}/nginx/logs)`);
console.log("Ctrl-C stops everything.");
