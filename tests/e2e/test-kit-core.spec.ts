// The test kit's core (issue 10) against the real servers: scenarios and one-time sign-in URLs on
// the test-mode server (port 3100); without the token, with a wrong one, on a build started
// without test mode (the https instance; the maintenance instance answers 503 to everything, kit
// addresses included, exactly as to an unknown page) every /__test__/ address answers exactly as
// an unknown page does; reset removes its namespace only.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { appUrl, e2eTestApiToken, httpsAppDirectUrl, maintenanceAppUrl } from "./support/environment";

const auth = { Authorization: `Bearer ${e2eTestApiToken}` };
const wrong = { Authorization: `Bearer ${e2eTestApiToken.slice(0, -1)}x` };

async function scenario(request: APIRequestContext, body: Record<string, string>) {
  const response = await request.post(`${appUrl}/__test__/scenarios`, { headers: auth, data: body });
  expect(response.status(), await response.text()).toBe(201);
  expect(response.headers()["cache-control"]).toContain("no-store");
  return response.json();
}

/** A page's answer with what differs between any two requests (nonces, the asked path) taken out. */
async function comparable(response: APIResponse, path: string) {
  // The per-request nonce (from the CSP header) appears in attributes and in the RSC payload.
  const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  let text = await response.text();
  if (nonce) text = text.split(nonce).join("NONCE");
  const body = text
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/nonce-[A-Za-z0-9+/=]+/g, "nonce-")
    // The router's tree names the asked URL's segments ("c":["","no-such-page"]).
    .replace(/\\?"c\\?":\[[^\]]*\]/g, '"c":[]');
  const segments = path.split(/[/?]/).filter(Boolean);
  let normalized = body;
  for (const segment of segments) normalized = normalized.split(segment).join("§");
  return { status: response.status(), type: response.headers()["content-type"], body: normalized };
}

async function expectLikeUnknownPage(
  request: APIRequestContext,
  base: string,
  path: string,
  init: {
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    data?: unknown;
  },
) {
  const method = init.method ?? "GET";
  const send = (target: string) =>
    method === "GET"
      ? request.get(`${base}${target}`, { headers: init.headers, maxRedirects: 0 })
      : request.post(`${base}${target}`, { headers: init.headers, data: init.data, maxRedirects: 0 });
  const unknownPath = path.replace("__test__", "no-such-page");
  const kit = await comparable(await send(path), path);
  const unknown = await comparable(await send(unknownPath), unknownPath);
  expect(kit.status, `${method} ${base}${path}`).toBe(unknown.status);
  expect(kit.type).toBe(unknown.type);
  expect(kit.body, `${method} ${base}${path}: the same body as an unknown page`).toBe(unknown.body);
  return kit.status;
}

test("with the token: a scenario and its one-time sign-in URL land signed in at its page", async ({
  browser,
  request,
}) => {
  const returned = await scenario(request, { persona: "不備", ns: "e2e-core-a" });
  expect(returned).toMatchObject({
    ns: "e2e-core-a",
    persona: "returned",
    role: "applicant",
    status: "RETURNED",
    landingPath: "/correction",
    email: "e2e-core-a.returned.1@example.jp",
  });
  expect(returned.loginId).toMatch(/^\d{12}21$/);
  expect(returned.applicationNumber).toMatch(/^\d{8}-\d{6,}$/);
  expect(returned.signInUrl).toMatch(new RegExp(`^${appUrl}/__test__/sign-in/[A-Za-z0-9_-]{43}`));

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(returned.signInUrl);
  expect(new URL(page.url()).pathname).toBe("/correction");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const cookies = await context.cookies(appUrl);
  expect(cookies.find((cookie) => cookie.name === "ccus_test_ns")?.value).toBe("e2e-core-a");
  // A signed-in session indeed: another applicant page opens without a login.
  await page.goto(`${appUrl}/menu`);
  expect(new URL(page.url()).pathname).toBe("/menu");
  await context.close();

  // The ticket is spent: the second use is an unknown page.
  const ticketPath = new URL(returned.signInUrl).pathname;
  await expectLikeUnknownPage(request, appUrl, ticketPath, {});

  const staff = await scenario(request, { persona: "staff", ns: "e2e-core-a" });
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await staffPage.goto(staff.signInUrl);
  expect(new URL(staffPage.url()).pathname).toBe("/staff");
  await staffContext.close();

  // The password a scenario returns is the real one: the ordinary login takes it.
  const active = await scenario(request, { persona: "active", ns: "e2e-core-a" });
  const loginContext = await browser.newContext();
  const loginPage = await loginContext.newPage();
  await loginPage.goto(`${appUrl}/login`);
  await loginPage.getByLabel("ログインID").fill(active.loginId);
  await loginPage.getByLabel("パスワード", { exact: true }).fill(active.password);
  await loginPage.getByRole("button", { name: "ログイン" }).click();
  await expect(loginPage).toHaveURL(/\/menu$/);
  await loginContext.close();
});

test("bad input is a 400 with the zod issues, never a 500", async ({ request }) => {
  const response = await request.post(`${appUrl}/__test__/scenarios`, {
    headers: auth,
    data: { persona: "nobody", ns: "Bad NS" },
  });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error).toBeTruthy();
  expect(body.issues.length).toBeGreaterThanOrEqual(2);
  const notJson = await request.post(`${appUrl}/__test__/scenarios`, {
    headers: { ...auth, "Content-Type": "application/json" },
    data: "{not json",
  });
  expect(notJson.status()).toBe(400);
});

test("without the token, with a wrong one, or spelt encoded: exactly an unknown page", async ({
  request,
}) => {
  // A made-up sign-in ticket needs no token and is an unknown page too.
  expect(await expectLikeUnknownPage(request, appUrl, `/__test__/sign-in/${"A".repeat(43)}`, {})).toBe(404);
  for (const path of [
    "/__test__/scenarios",
    "/__test__/reset",
    "/__test__/applicants/10000000000121",
    "/__test__/nothing-here",
    "/__test__",
  ]) {
    expect(await expectLikeUnknownPage(request, appUrl, path, {})).toBe(404);
    expect(await expectLikeUnknownPage(request, appUrl, path, { headers: wrong })).toBe(404);
    expect(
      await expectLikeUnknownPage(request, appUrl, path, {
        method: "POST",
        headers: wrong,
        data: { ns: "x" },
      }),
    ).toBe(404);
  }
  // The folder's own spelling is no way around the gate, token or not.
  const encoded = await request.post(`${appUrl}/%5F%5Ftest%5F%5F/reset`, { headers: auth, data: {} });
  expect(encoded.status()).toBe(404);
  expect(await encoded.text()).not.toContain('"deleted"');
});

test("a build started without test mode: 404 like an unknown page, even with the right token", async ({
  request,
}) => {
  for (const path of [
    "/__test__/scenarios",
    "/__test__/reset",
    "/__test__/sign-in/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  ]) {
    expect(await expectLikeUnknownPage(request, httpsAppDirectUrl, path, { headers: auth })).toBe(404);
    expect(
      await expectLikeUnknownPage(request, httpsAppDirectUrl, path, {
        method: "POST",
        headers: auth,
        data: { persona: "active", ns: "x" },
      }),
    ).toBe(404);
    // The maintenance instance (no test mode either) answers its maintenance page, as to any page.
    expect(await expectLikeUnknownPage(request, maintenanceAppUrl, path, { headers: auth })).toBe(503);
  }
});

test("reset removes its namespace only", async ({ request }) => {
  const mine = await scenario(request, { persona: "submitted", ns: "e2e-core-r1" });
  const theirs = await scenario(request, { persona: "active", ns: "e2e-core-r2" });
  const state = (loginId: string) =>
    request.get(`${appUrl}/__test__/applicants/${loginId}`, { headers: auth });

  const before = await state(mine.loginId);
  expect(before.status()).toBe(200);
  expect(await before.json()).toMatchObject({
    ns: "e2e-core-r1",
    application: { status: "SUBMITTED", versions: 1 },
  });

  const reset = await request.post(`${appUrl}/__test__/reset`, {
    headers: auth,
    data: { ns: "e2e-core-r1" },
  });
  expect(reset.status()).toBe(200);
  expect(await reset.json()).toMatchObject({ ns: "e2e-core-r1", deleted: { applicants: 1, staff: 0 } });

  const gone = await state(mine.loginId);
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toEqual({ error: "not found" });
  expect((await state(theirs.loginId)).status()).toBe(200);
});
