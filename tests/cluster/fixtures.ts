// Fixtures of the two-instance test: one cluster per worker (scripts/cluster/cluster.ts: two
// instances of the production build behind nginx, one PostgreSQL, the SMTP sink, on free ports),
// the pages' baseURL the balancer, and helpers that ask the cluster's own database, sink and
// test kit (issue 10) instead of the e2e suite's fixed ports.
import { randomBytes } from "node:crypto";
import { expect, test as base, type Page, type Response } from "@playwright/test";
import pg from "pg";
import { startCluster, type Cluster } from "../../scripts/cluster/cluster";
import { windowAround } from "../e2e/support/environment";
import type { SinkMessage } from "../e2e/support/smtp-sink";

export const testApiToken = randomBytes(32).toString("base64url");
export const hour = 3_600_000;
/** A weekly maintenance window from 72 to 74 hours from now: only a moved clock is in it. */
const maintenanceWindow = windowAround(new Date(Date.now() + 72 * hour), 0, 2 * hour);
const ns = `cluster-${randomBytes(4).toString("hex")}`;

/** Instances (by index) that run no outbox worker when they next start; by default all run one. */
export const withoutMailWorker = new Set<number>();

export interface ClusterFixtures {
  cluster: Cluster;
}

export const test = base.extend<{ servedBy: ServedBy }, ClusterFixtures>({
  cluster: [
    async ({}, provide) => {
      const cluster = await startCluster({
        instances: 2,
        env: {
          TEST_MODE: "on",
          TEST_API_TOKEN: testApiToken,
          MAIL_WORKER_INTERVAL_MS: "250",
          MAINTENANCE_WINDOWS: maintenanceWindow,
          BCRYPT_COST: "10",
          // Every request comes from 127.0.0.1 (nginx passes it on).
          LOGIN_IP_LIMIT: "500",
          USAGE_REQUEST_IP_LIMIT: "500",
        },
        // Read at each (re)start: a test may start an instance without its outbox worker.
        instanceEnv: (index): Record<string, string> =>
          withoutMailWorker.has(index) ? { MAIL_WORKER: "off" } : {},
        log: process.env.CLUSTER_LOG ? (line) => console.log(line) : undefined,
      });
      await provide(cluster);
      await cluster.stop();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ cluster }, provide) => provide(cluster.url),
  // Every test starts with both instances up (a test before may have killed one).
  servedBy: async ({ cluster, page }, provide) => {
    await Promise.all(cluster.instances.map((instance) => instance.start()));
    await provide(recordServedBy(page, cluster.url));
  },
});

export { expect };

export interface Served {
  method: string;
  path: string;
  status: number;
  instance: string;
  /** Index in the order of responses. */
  at: number;
}

export interface ServedBy {
  all: Served[];
  /** Responses from `index` on (see mark()). */
  since(index: number): Served[];
  mark(): number;
}

/** Which instance (X-Instance) answered each of the page's requests to the balancer (pages, actions). */
function recordServedBy(page: Page, clusterUrl: string): ServedBy {
  const all: Served[] = [];
  page.context().on("response", (response: Response) => {
    // The build's static files (/_next/) bypass proxy.ts and carry no X-Instance.
    if (!response.url().startsWith(clusterUrl) || new URL(response.url()).pathname.startsWith("/_next/"))
      return;
    const instance = response.headers()["x-instance"] ?? "";
    all.push({
      method: response.request().method(),
      path: new URL(response.url()).pathname,
      status: response.status(),
      instance,
      at: all.length,
    });
  });
  return { all, since: (index) => all.slice(index), mark: () => all.length };
}

export interface Scenario {
  loginId: string;
  password: string;
  email: string;
  name: string;
  applicationNumber: string | null;
  signInUrl: string | null;
  landingPath: string;
}

/** An account in `persona`'s state (the kit's scenarios, docs/testing.md). */
export async function scenario(cluster: Cluster, persona: string): Promise<Scenario> {
  const response = await fetch(`${cluster.url}/__test__/scenarios`, {
    method: "POST",
    headers: { authorization: `Bearer ${testApiToken}`, "content-type": "application/json" },
    body: JSON.stringify({ persona, ns }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Scenario;
}

export async function query<T>(cluster: Cluster, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function emailsTo(cluster: Cluster, to: string): Promise<SinkMessage[]> {
  const response = await fetch(`${cluster.smtp!.httpUrl}/messages?to=${encodeURIComponent(to)}`);
  return (await response.json()) as SinkMessage[];
}

/**
 * Waits until the email with `subject` has arrived, then until nothing more is waiting in the
 * outbox for `to`, and returns how many such emails the sink received.
 */
export async function deliveredCount(cluster: Cluster, to: string, subject: string): Promise<number> {
  await expect
    .poll(async () => (await emailsTo(cluster, to)).filter((mail) => mail.subject.includes(subject)).length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  await expect
    .poll(
      async () =>
        (
          await query<{ count: string }>(
            cluster,
            "SELECT count(*) FROM email_outbox WHERE to_address = $1 AND status <> 'SENT'",
            [to],
          )
        )[0]?.count,
      { timeout: 20_000 },
    )
    .toBe("0");
  return (await emailsTo(cluster, to)).filter((mail) => mail.subject.includes(subject)).length;
}
