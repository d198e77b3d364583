// システム定期メンテナンス: during the window every page answers 503 with Retry-After and
// the maintenance page. The second server of the suite runs the same build with a
// MAINTENANCE_WINDOWS that covers now (playwright.config.ts); the first one's window is days away.
import { expect, test, type APIResponse } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { readdirSync } from "node:fs";
import pg from "pg";
import { appUrl, e2ePorts, maintenanceAppUrl } from "./support/environment";

const HEADING = "ただいまメンテナンス中です";
const ENGLISH_HEADING = "The system is under maintenance";

async function expectMaintenanceAnswer(response: APIResponse, what: string, heading = HEADING) {
  expect(response.status(), `${what}: status`).toBe(503);
  const retryAfter = response.headers()["retry-after"] ?? "";
  expect(retryAfter, `${what}: Retry-After is a number of seconds`).toMatch(/^\d+$/);
  expect(Number(retryAfter), `${what}: Retry-After`).toBeGreaterThan(0);
  expect(response.headers()["content-type"], `${what}: content type`).toContain("text/html");
  expect(await response.text(), `${what}: the maintenance page`).toMatch(
    new RegExp(`<h1[^>]*>${heading}</h1>`),
  );
}

test("during the window every page answers 503 with Retry-After and the maintenance page", async ({
  request,
}) => {
  for (const path of ["/login", "/menu", "/staff/login", "/", "/password/forgot", "/staff/applicants"]) {
    const response = await request.get(`${maintenanceAppUrl}${path}`, { maxRedirects: 0 });
    await expectMaintenanceAnswer(response, `GET ${path}`);
  }

  // A server action is no way around it: a login POST as the browser sends it.
  const post = await request.post(`${maintenanceAppUrl}/login`, {
    headers: { "Next-Action": "0".repeat(42), Origin: maintenanceAppUrl },
    multipart: { loginId: "12345678901221", password: "Wrong-Passw0rd!" },
    maxRedirects: 0,
  });
  await expectMaintenanceAnswer(post, "POST /login");
});

test("the maintenance page is accessible and says when the system is back", async ({ page }) => {
  const response = await page.goto(`${maintenanceAppUrl}/login`);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: HEADING, level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByText(/再開予定：\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/)).toBeVisible();
  await expectNoAxeViolations(page, "maintenance page");
});

test("the maintenance page is in the applicant's language with the Japanese below it; staff paths stay Japanese", async ({
  request,
}) => {
  const english = await request.get(`${maintenanceAppUrl}/login`, {
    headers: { Cookie: "ccus-locale=en" },
    maxRedirects: 0,
  });
  await expectMaintenanceAnswer(english, "GET /login, ccus-locale=en", ENGLISH_HEADING);
  const html = await english.text();
  expect(html).toContain('<html lang="en">');
  expect(html).toMatch(/Expected back: <strong>\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}<\/strong> \(Japan time\)/);
  expect(html).toContain(`<section lang="ja"><h2>${HEADING}</h2>`);
  expect(html).toMatch(/再開予定：<strong>\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}<\/strong>（日本時間）/);

  // Without the cookie, the browser's language.
  const vietnamese = await request.get(`${maintenanceAppUrl}/menu`, {
    headers: { "Accept-Language": "vi-VN,vi;q=0.9" },
    maxRedirects: 0,
  });
  await expectMaintenanceAnswer(vietnamese, "GET /menu, Accept-Language vi", "Hệ thống đang được bảo trì");
  expect(await vietnamese.text()).toContain('<html lang="vi">');

  // Staff pages are Japanese whatever the cookie says: the page exactly as before.
  for (const path of ["/staff/login", "/staff/applicants"]) {
    const staff = await request.get(`${maintenanceAppUrl}${path}`, {
      headers: { Cookie: "ccus-locale=en", "Accept-Language": "en" },
      maxRedirects: 0,
    });
    await expectMaintenanceAnswer(staff, `GET ${path}, ccus-locale=en`);
    const staffHtml = await staff.text();
    expect(staffHtml).toContain('<html lang="ja">');
    expect(staffHtml).not.toContain(ENGLISH_HEADING);
    expect(staffHtml).not.toContain("<section");
  }
});

test("the English maintenance page is accessible", async ({ page, context }) => {
  await context.addCookies([{ name: "ccus-locale", value: "en", url: maintenanceAppUrl }]);
  const response = await page.goto(`${maintenanceAppUrl}/login`);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: ENGLISH_HEADING, level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: HEADING, level: 2 })).toBeVisible();
  await expect(page.locator('section[lang="ja"]')).toContainText("再開予定：");
  await expectNoAxeViolations(page, "maintenance page in English");
});

test("outside the window the app answers normally", async ({ request }) => {
  const health = await request.get(`${appUrl}/api/health`);
  expect(health.status()).toBe(200);
  const login = await request.get(`${appUrl}/login`, { maxRedirects: 0 });
  expect(login.status()).toBe(200);
  expect(login.headers()["retry-after"]).toBeUndefined();
  expect(await login.text()).not.toContain(HEADING);
});

test("the consent texts are published when the server starts, before any page needs them", async () => {
  // The maintenance instance serves nothing but the maintenance page, so only its start-up can
  // have published data/consents into its database.
  const client = new pg.Client({
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${e2ePorts.maintenanceDatabase}/ccus`,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; version: number }>(
      "SELECT kind::text AS kind, version FROM consent_document ORDER BY kind, version",
    );
    const files = readdirSync("data/consents").filter((name) => name.endsWith(".md"));
    expect(rows.length, "one row per file in data/consents").toBe(files.length);
    expect(rows.map((row) => row.kind).sort()).toEqual(["PERSONAL_INFO", "TERMS"]);
  } finally {
    await client.end();
  }
});
