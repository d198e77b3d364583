// An external team's suite: it knows the portal only through its address, the test token and
// @ccus/playwright-kit (installed from the packed tarball). Here it also starts the portal — the
// production build of this checkout — in test mode, on its own ports and data folder, so it can run
// beside the portal's own e2e suite (ports 3100-3102, 54339-54343, 2526-2527).
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import type { KitOptions } from "@ccus/playwright-kit";

const repositoryRoot = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.EXAMPLE_PORT ?? 3110);
const baseURL = process.env.CCUS_BASE_URL ?? `http://127.0.0.1:${port}`;
// Any 32+ characters; a real suite reads it from its secret store.
const token = process.env.CCUS_TEST_API_TOKEN ?? "example-suite-token-0123456789abcdef";
// One id for the whole run (workers inherit the runner's environment): namespaces w0-<id>, w1-<id>.
process.env.CCUS_RUN_ID ??= Date.now().toString(36);

export default defineConfig<{ kitOptions: KitOptions }>({
  testDir: "tests",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    kitOptions: { baseURL, token },
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: process.env.CCUS_BASE_URL
    ? undefined
    : {
        // Needs the production build (npm run build) of the checkout; npm test makes it first.
        command: "rm -rf .data/example-suite && npx tsx scripts/run.ts start",
        cwd: repositoryRoot,
        url: `${baseURL}/api/health`,
        env: {
          NODE_ENV: "production",
          PORT: String(port),
          APP_URL: baseURL,
          DATA_DIR: ".data/example-suite",
          EMBEDDED_PG_PORT: process.env.EXAMPLE_PG_PORT ?? "54361",
          TEST_MODE: "on",
          TEST_API_TOKEN: token,
          MAIL_TRANSPORT: "file",
          MAIL_WORKER_INTERVAL_MS: "250",
          // Wednesday 02:00-04:00 Japan time: the clock test moves its namespace into it.
          MAINTENANCE_WINDOWS: "wed 02:00-wed 04:00",
          BCRYPT_COST: "10",
          LOGIN_IP_LIMIT: "500",
          USAGE_REQUEST_IP_LIMIT: "500",
          AUTH_SECRET: "example-suite-secret-example-suite-secret",
          NEXT_TELEMETRY_DISABLED: "1",
        },
        reuseExistingServer: false,
        timeout: 180_000,
      },
});
