// End-to-end suite: the production build, a real PostgreSQL (embedded), a real SMTP server
// (tests/e2e/support/smtp-sink.ts) and Debian's Chromium.
import { defineConfig, devices } from "@playwright/test";
import type { ServerSpec } from "./tests/e2e/support/start-servers";
import {
  e2eAdmin,
  e2ePorts,
  e2eStaff,
  e2eTestApiToken,
  httpsAppPublicUrl,
  httpsDataDir,
  windowAround,
} from "./tests/e2e/support/environment";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hour = 3_600_000;
const startedAt = new Date();

const appEnv = (
  port: number,
  dataDir: string,
  databasePort: number,
  maintenance: string,
  appUrl = `http://127.0.0.1:${port}`,
) => ({
  NODE_ENV: "production",
  PORT: String(port),
  APP_URL: appUrl,
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: String(databasePort),
  SMTP_URL: `smtp://127.0.0.1:${e2ePorts.smtp}`,
  MAIL_FROM: "建設キャリアアップシステム <no-reply@ccus.example>",
  MAIL_WORKER_INTERVAL_MS: "250",
  MAINTENANCE_WINDOWS: maintenance,
  BCRYPT_COST: "10",
  // Every test comes from 127.0.0.1: the per-address throttle is tested in
  // tests/integration/lockout.integration.test.ts, not by accident here.
  LOGIN_IP_LIMIT: "500",
  USAGE_REQUEST_IP_LIMIT: "500",
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  NEXT_TELEMETRY_DISABLED: "1",
  // Payments (issue 12): a production server takes the sandbox only when told so explicitly.
  PAYMENT_PROVIDER: "sandbox",
  PAYMENT_WEBHOOK_SECRET: "e2e-webhook-secret-e2e-webhook-secret-e2e",
});

const startApp = ["scripts/run.ts", "start"];
const appReady = (port: number) => `http://127.0.0.1:${port}/api/health`;

const servers: ServerSpec[] = [
  {
    name: "smtp",
    args: ["tests/e2e/support/smtp-sink.ts"],
    env: { SMTP_SINK_PORT: String(e2ePorts.smtp), SMTP_SINK_HTTP_PORT: String(e2ePorts.smtpHttp) },
    readyUrl: `http://127.0.0.1:${e2ePorts.smtpHttp}/health`,
    ports: [e2ePorts.smtp, e2ePorts.smtpHttp],
  },
  {
    // The weekly window is set three days away, so a run on Thursday evening is not in it.
    // The test kit (issue 10) is on here only: TEST_MODE=on with e2eTestApiToken.
    name: "app",
    args: startApp,
    env: {
      ...appEnv(
        e2ePorts.app,
        ".data/e2e",
        e2ePorts.database,
        windowAround(new Date(startedAt.getTime() + 72 * hour), 0, 2 * hour),
      ),
      TEST_MODE: "on",
      TEST_API_TOKEN: e2eTestApiToken,
    },
    readyUrl: appReady(e2ePorts.app),
    ports: [e2ePorts.app],
    dataDir: ".data/e2e",
    // The staff accounts the suite signs in with (one STAFF, one ADMIN).
    staffAccounts: [e2eStaff, e2eAdmin],
  },
  {
    // The same build with a maintenance window around now (configuration, not a code path).
    name: "maintenance",
    args: startApp,
    env: appEnv(
      e2ePorts.maintenanceApp,
      ".data/e2e-maintenance",
      e2ePorts.maintenanceDatabase,
      windowAround(startedAt, hour, 3 * hour),
    ),
    readyUrl: appReady(e2ePorts.maintenanceApp),
    ports: [e2ePorts.maintenanceApp],
    dataDir: ".data/e2e-maintenance",
  },
  {
    // The same build with an https APP_URL, as behind a TLS proxy that sends no
    // X-Forwarded-Proto: cookies and HSTS must follow APP_URL (tests/e2e/network.spec.ts).
    name: "https",
    args: startApp,
    env: appEnv(
      e2ePorts.httpsApp,
      httpsDataDir,
      e2ePorts.httpsDatabase,
      windowAround(new Date(startedAt.getTime() + 72 * hour), 0, 2 * hour),
      httpsAppPublicUrl,
    ),
    readyUrl: appReady(e2ePorts.httpsApp),
    ports: [e2ePorts.httpsApp],
    dataDir: httpsDataDir,
  },
];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://127.0.0.1:${e2ePorts.app}`,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    // No trace by default: "retain-on-failure" records every test (DOM snapshots and screencast of
    // each action) and throws the passing ones away, which made the suite ~25-40 % slower on two
    // cores. A failure still leaves its screenshot and error-context.md (the page's ARIA snapshot);
    // to get traces, run with E2E_TRACE=retain-on-failure (or `-- --trace retain-on-failure`).
    trace: (process.env.E2E_TRACE ?? "off") as "off" | "on" | "retain-on-failure" | "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
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
  // One launcher starts the SMTP sink and the three instances side by side and makes the staff
  // accounts (tests/e2e/support/start-servers.ts); a list here would start them one after another.
  webServer: {
    name: "e2e",
    command:
      "node node_modules/tsx/dist/cli.mjs --conditions=react-server tests/e2e/support/start-servers.ts",
    env: { E2E_SERVERS: JSON.stringify(servers) },
    wait: { stdout: /^e2e servers ready$/m },
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
