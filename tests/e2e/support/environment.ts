// Ports and addresses of what the Playwright suite starts (see playwright.config.ts).
export const e2ePorts = {
  app: 3100,
  maintenanceApp: 3101,
  database: 54339,
  maintenanceDatabase: 54341,
  /** The same build with an https APP_URL, as behind a TLS proxy (it still speaks plain http). */
  httpsApp: 3102,
  httpsDatabase: 54343,
  smtp: 2526,
  smtpHttp: 2527,
} as const;

export const appUrl = `http://127.0.0.1:${e2ePorts.app}`;
export const maintenanceAppUrl = `http://127.0.0.1:${e2ePorts.maintenanceApp}`;
/** Where the https instance is reached (plain http, the TLS proxy's side)… */
export const httpsAppDirectUrl = `http://127.0.0.1:${e2ePorts.httpsApp}`;
/** …and its APP_URL, the public address the TLS proxy would serve. */
export const httpsAppPublicUrl = `https://127.0.0.1:${e2ePorts.httpsApp}`;
export const httpsDataDir = ".data/e2e-https";
export const e2eDatabaseUrl = `postgresql://postgres:postgres@127.0.0.1:${e2ePorts.database}/ccus`;

/**
 * The main e2e server (port 3100) runs in test mode with this token (issue 10, docs/testing.md);
 * the maintenance and https instances run without test mode.
 */
export const e2eTestApiToken = "e2e-test-api-token-0123456789-abcdefghijklmnop";

/** An ordinary staff member (role STAFF): no 職員アカウント. */
export const e2eStaff = {
  email: "e2e-staff@example.com",
  password: "E2e-Staff-9vQ!",
  name: "試験 職員",
  role: "STAFF",
} as const;

/** An administrator (role ADMIN): creates and disables staff accounts. */
export const e2eAdmin = {
  email: "e2e-admin@example.com",
  password: "E2e-Admin-4pZ!",
  name: "試験 管理者",
  role: "ADMIN",
} as const;

const weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** A one-hour-each-side window around `at` in Japan time, in MAINTENANCE_WINDOWS syntax. */
export function windowAround(at: Date, beforeMs: number, afterMs: number): string {
  const format = (instant: Date) => {
    const jst = new Date(instant.getTime() + 9 * 3_600_000);
    const hh = String(jst.getUTCHours()).padStart(2, "0");
    const mm = String(jst.getUTCMinutes()).padStart(2, "0");
    return `${weekdays[jst.getUTCDay()]} ${hh}:${mm}`;
  };
  return `${format(new Date(at.getTime() - beforeMs))}-${format(new Date(at.getTime() + afterMs))}`;
}
