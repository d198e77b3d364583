// The two-instance test (issue 13): two `npm start` instances of the production build behind nginx
// (round robin), one PostgreSQL, the SMTP sink — all started by the test itself through
// scripts/cluster/cluster.ts on free ports (tests/cluster/fixtures.ts). Run after a build:
//   npm run build && npm run test:cluster
import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

export default defineConfig({
  testDir: "tests/cluster",
  testMatch: "**/*.spec.ts",
  // One cluster per file, its instances killed and restarted by the tests: one worker, in order.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results/cluster",
  reporter: [["list"]],
  // The e2e suite's browser, locale and time zone; the baseURL is each cluster's balancer.
  use: { ...e2e.use, baseURL: undefined },
  projects: e2e.projects,
});
