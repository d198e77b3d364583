// What the network says about a request, against the real production server: the client address
// is the socket's (a forged X-Forwarded-For / X-Real-IP changes neither the audit log, the
// per-address limit nor the consent record, and a huge one is no 500), and cookies and HSTS follow
// APP_URL, not a client-sent X-Forwarded-Proto. The suite's third server runs the same build with
// an https APP_URL while speaking plain http, as behind a TLS proxy (playwright.config.ts).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { connect } from "node:net";
import { expect, test, type Page, type Response } from "@playwright/test";
import { query, findApplicantByLoginId } from "./fixtures/db";
import { changePassword, logIn, newPassword, submitLogin } from "./fixtures/journey";
import { scenario } from "./fixtures/kit";
import { giveBothConsents } from "./fixtures/wizard";
import { e2ePorts, e2eStaff, httpsAppDirectUrl, httpsDataDir } from "./support/environment";

// Documentation addresses (RFC 5737): what a client would like to be taken for.
const FORGED_FORWARDED_FOR = "203.0.113.77";
const FORGED_REAL_IP = "198.51.100.23";
// Playwright reaches the server at 127.0.0.1; the server may see it as ::ffff:127.0.0.1.
const SOCKET_ADDRESS = "127.0.0.1";

const forgedHeaders = {
  "X-Forwarded-For": FORGED_FORWARDED_FOR,
  "X-Real-IP": FORGED_REAL_IP,
};

async function auditAddresses(actorId: string, action: string): Promise<(string | null)[]> {
  const rows = await query<{ ip: string | null }>(
    "SELECT ip FROM audit_log WHERE actor_id = $1 AND action = $2 ORDER BY at",
    [actorId, action],
  );
  return rows.map((row) => row.ip);
}

test("a forged X-Forwarded-For or X-Real-IP changes neither the audited, the limited nor the consent address; a huge one is no 500", async ({
  page,
}) => {
  // Issued by the test kit (not signed in: the logins below are what is tested).
  const issued = await scenario(page.request, "issued");
  const { id: applicantId } = await findApplicantByLoginId(issued.loginId);
  await page.setExtraHTTPHeaders(forgedHeaders);

  // A failed login: audited with the socket's address, counted against it.
  const failed = await submitLogin(page, issued.loginId, "Wrong-Password-1");
  expect(failed.status()).toBe(200);
  expect(await auditAddresses(applicantId, "login.failed")).toEqual([SOCKET_ADDRESS]);
  const buckets = await query<{ key: string }>(
    "SELECT key FROM rate_limit_bucket WHERE key = ANY($1::text[])",
    [[`login-ip:${FORGED_FORWARDED_FOR}`, `login-ip:${FORGED_REAL_IP}`, `login-ip:${SOCKET_ADDRESS}`]],
  );
  expect(buckets.map((row) => row.key)).toEqual([`login-ip:${SOCKET_ADDRESS}`]);

  // A header far longer than the audit column (it used to make the audit write throw: a 500, and
  // the failed login went unaudited).
  // (Node.js itself answers 431 to more than 16 KB of headers: no 500 either, see below.)
  await page.setExtraHTTPHeaders({
    "X-Forwarded-For": `${FORGED_FORWARDED_FOR}, ${"A".repeat(6_000)}`,
    "X-Real-IP": "B".repeat(3_000),
  });
  const huge = await submitLogin(page, issued.loginId, "Wrong-Password-2");
  expect(huge.status()).toBe(200);
  expect(await auditAddresses(applicantId, "login.failed")).toEqual([SOCKET_ADDRESS, SOCKET_ADDRESS]);

  const megabyte = await page.request.post("/login", {
    headers: { "X-Forwarded-For": `${FORGED_FORWARDED_FOR},`.repeat(70_000) },
    form: { loginId: issued.loginId, password: "Wrong-Password-3" },
    maxRedirects: 0,
  });
  expect(megabyte.status()).toBe(431);

  // The consent records (legal evidence) and the session row carry the socket's address too.
  await page.setExtraHTTPHeaders(forgedHeaders);
  const password = newPassword();
  await logIn(page, issued.loginId, issued.password);
  await expect(page).toHaveURL(/\/password\/change$/);
  await changePassword(page, issued.password, password);
  await expect(page).toHaveURL(/\/login\?reason=password-changed$/);
  await logIn(page, issued.loginId, password);
  await expect(page).toHaveURL(/\/menu$/);
  await giveBothConsents(page);

  const consents = await query<{ ip: string | null }>(
    "SELECT ip FROM consent_record WHERE applicant_id = $1",
    [applicantId],
  );
  expect(consents.map((row) => row.ip)).toEqual([SOCKET_ADDRESS, SOCKET_ADDRESS]);
  expect(await auditAddresses(applicantId, "consent.given")).toEqual([SOCKET_ADDRESS, SOCKET_ADDRESS]);
  const sessions = await query<{ ip: string | null }>(
    "SELECT DISTINCT ip FROM auth_session WHERE applicant_id = $1",
    [applicantId],
  );
  expect(sessions.map((row) => row.ip)).toEqual([SOCKET_ADDRESS]);
});

/** Signs in on the staff login page at `baseUrl`; returns the login POST's answer. */
async function signInAsStaffAt(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<Response> {
  await page.goto(`${baseUrl}/staff/login`);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse(
      (candidate) =>
        candidate.request().method() === "POST" && new URL(candidate.url()).pathname === "/staff/login",
    ),
    page.getByRole("button", { name: "ログイン" }).click(),
  ]);
  return response;
}

/** The Set-Cookie lines of a response that name next-auth's session cookie. */
async function sessionCookieLines(response: Response): Promise<string[]> {
  const lines = (await response.headersArray())
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .flatMap((header) => header.value.split("\n"));
  return lines.filter((line) => /^(__Secure-)?authjs\.session-token=/.test(line));
}

test("https APP_URL behind a TLS proxy: a __Secure- session cookie with Secure, and HSTS, whatever X-Forwarded-Proto says", async ({
  page,
}) => {
  const staff = {
    email: `tls-${randomUUID().slice(0, 8)}@example.com`,
    password: "Tls-Staff-7mQ!x",
    name: "試験 職員",
  };
  execFileSync(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "scripts/run.ts",
      "staff-create",
      "--email",
      staff.email,
      "--password",
      staff.password,
      "--name",
      staff.name,
      "--role",
      "STAFF",
    ],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        DATA_DIR: httpsDataDir,
        EMBEDDED_PG_PORT: String(e2ePorts.httpsDatabase),
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        BCRYPT_COST: "10",
      },
    },
  );

  // No X-Forwarded-Proto (the proxy sends none), or a client's own saying http.
  const variants: Record<string, string>[] = [
    {},
    { "X-Forwarded-Proto": "http", "X-Forwarded-Host": "evil.example" },
  ];
  for (const headers of variants) {
    await page.context().clearCookies();
    await page.setExtraHTTPHeaders(headers);
    const loginPage = await page.request.get(`${httpsAppDirectUrl}/staff/login`);
    expect(loginPage.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");

    const response = await signInAsStaffAt(page, httpsAppDirectUrl, staff.email, staff.password);
    expect(response.status()).toBeLessThan(400);
    const cookies = await sessionCookieLines(response);
    expect(cookies, JSON.stringify(headers)).toHaveLength(1);
    expect(cookies[0]).toMatch(/^__Secure-authjs\.session-token=/);
    expect(cookies[0]).toMatch(/;\s*Secure(;|$)/i);
    expect(cookies[0]).toMatch(/;\s*HttpOnly(;|$)/i);
    // The browser keeps the cookie (127.0.0.1 counts as secure) and the server reads it back.
    await expect(page).toHaveURL(new RegExp(`^${httpsAppDirectUrl}/staff$`));
    const menu = await page.request.get(`${httpsAppDirectUrl}/staff`, { maxRedirects: 0 });
    expect(menu.status()).toBe(200);
    expect(menu.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  }
});

test("http APP_URL: no __Secure- prefix, no Secure flag and no HSTS, even when a client sends X-Forwarded-Proto: https", async ({
  page,
}) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example" });
  const loginPage = await page.request.get("/staff/login");
  expect(loginPage.headers()["strict-transport-security"]).toBeUndefined();

  const response = await signInAsStaffAt(page, "", e2eStaff.email, e2eStaff.password);
  expect(response.status()).toBeLessThan(400);
  const cookies = await sessionCookieLines(response);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatch(/^authjs\.session-token=/);
  expect(cookies[0]).not.toMatch(/;\s*Secure(;|$)/i);
  await expect(page).toHaveURL(/\/staff$/);
  const menu = await page.request.get("/staff", { maxRedirects: 0 });
  expect(menu.status()).toBe(200);
  expect(menu.headers()["strict-transport-security"]).toBeUndefined();
});

test("an idle kept-alive connection stays open longer than Node's 5 s, so a proxy reusing it is not reset", async () => {
  // Two requests on one socket, 6 s apart: with Node's default keepAliveTimeout (5 s) the server
  // closes the socket in between and the second request gets no answer.
  const socket = connect(e2ePorts.app, "127.0.0.1");
  await once(socket, "connect");
  let received = "";
  let closed = false;
  socket.setEncoding("latin1");
  socket.on("data", (chunk: string) => (received += chunk));
  socket.on("close", () => (closed = true));
  const ask = () =>
    socket.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
  const answers = () => received.match(/^HTTP\/1\.1 \d{3}/gm)?.length ?? 0;
  try {
    ask();
    await expect.poll(answers).toBe(1);
    expect(received, "the server says how long it keeps the connection").toMatch(
      /^keep-alive: timeout=65\r$/im,
    );
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(closed, "the server closed the idle connection").toBe(false);
    ask();
    await expect.poll(answers).toBe(2);
  } finally {
    socket.destroy();
  }
});
