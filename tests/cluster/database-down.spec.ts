// PostgreSQL stopped under a running production server (one instance, no balancer): the press that
// meets the failure shows the error page (app/error.tsx); from then on every page and press answers
// 503 with Retry-After and the Japanese page of lib/maintenance-page.ts (lib/db-availability.ts),
// while /api/live and /api/ready keep their own answers; once PostgreSQL is back the pages answer
// 200 again without a restart of the server (docs/deploy.md).
import { expect, test as base } from "@playwright/test";
import { startCluster, type Cluster } from "../../scripts/cluster/cluster";
import { expectNoAxeViolations } from "../e2e/fixtures/axe";
import { DATABASE_UNAVAILABLE_HEADING } from "./unavailable-page";

const test = base.extend<object, { cluster: Cluster }>({
  cluster: [
    async ({}, provide) => {
      const cluster = await startCluster({ instances: 1, balancer: false, env: { BCRYPT_COST: "10" } });
      await provide(cluster);
      await cluster.stop();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ cluster }, provide) => provide(cluster.url),
});

const statusOf = async (url: string, init?: RequestInit) => (await fetch(url, init)).status;

test("while PostgreSQL is down, pages and presses answer 503 with Retry-After and a heading; 200 once it is back", async ({
  page,
  cluster,
}) => {
  expect((await page.goto("/login"))?.status()).toBe(200);
  await cluster.database.stop();
  try {
    // The press that meets the failure: the error page, or already the 503 page; never a page without a heading.
    await page.getByLabel("ログインID").fill("nobody-12345");
    await page.getByLabel("パスワード", { exact: true }).fill("Wrong-password-1");
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(
      page.getByRole("heading", {
        level: 1,
        name: new RegExp(`処理を完了できませんでした|${DATABASE_UNAVAILABLE_HEADING}`),
      }),
    ).toBeVisible();

    // From then on, every page answers 503 at once (the flag, no database round trip).
    await expect.poll(() => statusOf(`${cluster.url}/login`), { timeout: 10_000 }).toBe(503);
    const response = await page.goto("/login");
    expect(response?.status()).toBe(503);
    expect(response?.headers()["retry-after"]).toMatch(/^[1-9]\d*$/);
    expect(response?.headers()["content-type"]).toContain("text/html");
    await expect(page.getByRole("heading", { level: 1, name: DATABASE_UNAVAILABLE_HEADING })).toBeVisible();
    await expectNoAxeViolations(page, "database unavailable page");
    // A form press (a server-action POST) too.
    const press = await fetch(`${cluster.url}/login`, {
      method: "POST",
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(press.status).toBe(503);
    expect(press.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    // The probes keep their own answers: live (no database), not ready.
    expect(await statusOf(`${cluster.url}/api/live`)).toBe(200);
    const ready = await fetch(`${cluster.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "database-unavailable" });
  } finally {
    await cluster.database.start();
  }

  // The probe (SELECT 1, once a second) clears the flag: 200 again, same server process.
  await expect.poll(() => statusOf(`${cluster.url}/login`), { timeout: 20_000 }).toBe(200);
  expect((await page.goto("/login"))?.status()).toBe(200);
  await expect(page.getByRole("button", { name: "ログイン" })).toBeVisible();
  expect(await statusOf(`${cluster.url}/api/ready`)).toBe(200);
});
