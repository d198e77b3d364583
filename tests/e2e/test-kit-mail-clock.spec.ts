// The test kit's mail API, server clock and faults (issue 10) against the e2e server, which runs
// in test mode with e2eTestApiToken: Mailpit-shaped mail API and the server-side wait, a clock
// that moves one namespace's session and maintenance window only, an SMTP fault in the state
// API, and the 郵便番号 lookup fault as the 本人情報 page shows it.
import { randomUUID } from "node:crypto";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
} from "@playwright/test";
import { appUrl, e2eTestApiToken } from "./support/environment";
import { facePhotoImage } from "./fixtures/images";

let kit: APIRequestContext;
let anonymous: APIRequestContext;

test.beforeAll(async () => {
  kit = await playwrightRequest.newContext({
    baseURL: appUrl,
    extraHTTPHeaders: { Authorization: `Bearer ${e2eTestApiToken}` },
  });
  anonymous = await playwrightRequest.newContext({ baseURL: appUrl });
});

test.afterAll(async () => {
  await kit.dispose();
  await anonymous.dispose();
});

const freshNs = (tag: string) => `mk-${tag}-${randomUUID().slice(0, 8)}`;

interface Scenario {
  ns: string;
  loginId: string;
  password: string;
  email: string;
  signInUrl: string | null;
}

async function scenario(persona: string, ns: string): Promise<Scenario> {
  const response = await kit.post("/__test__/scenarios", { data: { persona, ns } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Scenario;
}

/** A browser context signed in through the scenario's one-time URL (sets ccus_test_ns too). */
async function signedIn(browser: Browser, who: Scenario) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(who.signInUrl!);
  return { context, page };
}

test("mail API: the ID email is captured, waited for with its fields, listed, searched, read and deleted", async () => {
  const ns = freshNs("mail");
  const issued = await scenario("issued", ns);

  const waited = await kit.get("/__test__/mail/wait", {
    params: { to: issued.email, subject: "ログインID・パスワードのお知らせ", timeout: 15_000 },
  });
  expect(waited.status()).toBe(200);
  const message = await waited.json();
  expect(message.fields).toEqual({
    loginId: issued.loginId,
    temporaryPassword: issued.password,
    loginUrl: `${appUrl}/login`,
    applicationNumber: null,
    technicianId: null,
    returnedItems: [],
    paymentNumber: null,
    confirmationNumber: null,
  });
  expect(message).toMatchObject({
    To: [{ Name: "", Address: issued.email }],
    From: { Name: "建設キャリアアップシステム", Address: "no-reply@ccus.example" },
    Attachments: [],
    Inline: [],
  });
  expect(message.Text).toContain(issued.loginId);
  expect(message.HTML).toContain("<!DOCTYPE html>");

  const list = await (await kit.get("/__test__/mail/api/v1/messages", { params: { limit: 500 } })).json();
  expect(list).toMatchObject({ start: 0, tags: [] });
  expect(typeof list.total).toBe("number");
  expect(typeof list.messages_count).toBe("number");
  const summary = list.messages.find((item: { ID: string }) => item.ID === message.ID);
  expect(summary).toMatchObject({ Read: true, Subject: message.Subject, Attachments: 0, Tags: [] });
  expect(summary.Snippet.length).toBeLessThanOrEqual(253);

  const search = await (
    await kit.get("/__test__/mail/api/v1/search", {
      params: { query: `to:${issued.email} subject:"ログインID・パスワード"` },
    })
  ).json();
  expect(search.messages.map((item: { ID: string }) => item.ID)).toEqual([message.ID]);
  expect(search.messages_count).toBe(1);

  const byId = await kit.get(`/__test__/mail/api/v1/message/${message.ID}`);
  expect((await byId.json()).Text).toBe(message.Text);
  expect((await kit.get("/__test__/mail/api/v1/message/latest")).status()).toBe(200);

  const removed = await kit.delete("/__test__/mail/api/v1/messages", { data: { IDs: [message.ID] } });
  expect(await removed.text()).toBe("ok");
  expect((await kit.get(`/__test__/mail/api/v1/message/${message.ID}`)).status()).toBe(404);

  // Nothing to wait for: 408 after the timeout; bad input: 400; no token: the plain 404.
  const timeout = await kit.get("/__test__/mail/wait", {
    params: { to: `nobody-${ns}@example.jp`, timeout: 300 },
  });
  expect(timeout.status()).toBe(408);
  expect(await timeout.json()).toEqual({ error: "timeout" });
  expect((await kit.get("/__test__/mail/wait", { params: { timeout: 60_001 } })).status()).toBe(400);
  for (const path of ["/__test__/mail/api/v1/messages", "/__test__/clock?ns=w0", "/__test__/faults?ns=w0"]) {
    expect((await anonymous.get(path)).status()).toBe(404);
  }
});

test("server clock: one namespace's session reaches its lifetime warning, times out and enters the maintenance window; the other's does not", async ({
  browser,
}) => {
  const moved = await scenario("active", freshNs("clk-a"));
  const still = await scenario("active", freshNs("clk-b"));
  const a = await signedIn(browser, moved);
  const b = await signedIn(browser, still);
  await expect(a.page).toHaveURL(/\/menu$/);
  await expect(b.page).toHaveURL(/\/menu$/);

  // 90 s before the absolute session lifetime (12 h) ends. A page view is activity, so the clock
  // moves in steps shorter than the idle limit (30 min), each followed by a request.
  const target = 12 * 3600 - 90;
  for (let offset = 29 * 60; ; offset = Math.min(offset + 29 * 60, target)) {
    const set = await kit.post("/__test__/clock", { data: { ns: moved.ns, offsetSeconds: offset } });
    expect(await set.json()).toMatchObject({ ns: moved.ns, offsetSeconds: offset });
    expect((await a.page.request.get("/menu", { maxRedirects: 0 })).status()).toBe(200);
    if (offset === target) break;
  }
  // b is reloaded first: once a's countdown (a one-second tick after hydration) has shown the
  // warning, b's, started earlier on the same tick, has had its turn and shows none.
  await b.page.reload();
  await a.page.reload();
  await expect(a.page.getByRole("dialog", { name: "まもなく自動的にログアウトします" })).toBeVisible({
    timeout: 5000,
  });
  await expect(b.page.getByRole("dialog")).toBeHidden();

  // Past the lifetime: signed out, and only in this namespace.
  await kit.post("/__test__/clock", { data: { ns: moved.ns, offsetSeconds: 12 * 3600 + 60 } });
  await a.page.goto("/menu");
  await expect(a.page).toHaveURL(/\/login/);
  await expect(a.page.getByRole("status").filter({ hasText: "有効期限が切れました" })).toBeVisible();
  await b.page.goto("/menu");
  await expect(b.page).toHaveURL(/\/menu$/);

  // The e2e server's maintenance window starts 72 h after the run started (playwright.config.ts).
  const inWindow = new Date(Date.now() + 72 * 3_600_000 + 45 * 60_000);
  const moveToWindow = await kit.post("/__test__/clock", {
    data: { ns: moved.ns, now: inWindow.toISOString() },
  });
  const clock = await moveToWindow.json();
  expect(Math.abs(Date.parse(clock.now) - inWindow.getTime())).toBeLessThan(5000);
  expect((await kit.get("/__test__/clock", { params: { ns: moved.ns } })).status()).toBe(200);
  const maintenance = await a.page.goto("/login");
  expect(maintenance?.status()).toBe(503);
  await expect(a.page.getByRole("heading", { level: 1 })).toContainText("メンテナンス");
  expect((await b.page.goto("/menu"))?.status()).toBe(200);

  // Back to real time.
  expect(
    (await (await kit.delete("/__test__/clock", { params: { ns: moved.ns } })).json()).offsetSeconds,
  ).toBe(0);
  expect((await a.page.goto("/login"))?.status()).toBe(200);
  await a.context.close();
  await b.context.close();
});

test("SMTP fault: the namespace's ID email stays unsent (RETRYING or FAILED) in the state API", async () => {
  const ns = freshNs("smtp");
  const faults = await kit.post("/__test__/faults", { data: { ns, smtp: { mode: "4xx" } } });
  expect(await faults.json()).toEqual({ ns, faults: { smtp: { mode: "4xx" } } });
  const issued = await scenario("issued", ns);
  await expect
    .poll(
      async () => {
        const state = await (await kit.get(`/__test__/applicants/${issued.loginId}`)).json();
        return state.emails.map((email: { status: string }) => email.status);
      },
      { timeout: 15_000 },
    )
    .toContain("RETRYING");
  const timeout = await kit.get("/__test__/mail/wait", { params: { to: issued.email, timeout: 500 } });
  expect(timeout.status()).toBe(408);
  expect(await (await kit.delete("/__test__/faults", { params: { ns } })).json()).toEqual({ ns, faults: {} });
});

test("postal lookup fault: the 本人情報 page says what it says when the lookup is down", async ({
  browser,
}) => {
  const ns = freshNs("postal");
  const filled = await scenario("simple-filled", ns);
  await kit.post("/__test__/faults", { data: { ns, postalLookup: "fail" } });
  const { context, page } = await signedIn(browser, filled);
  await page.goto("/registration/content/personal-info");
  await page.getByLabel("郵便番号").fill("113-0021");
  await page.getByRole("button", { name: "郵便番号から住所を入力" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "郵便番号の住所が見つかりませんでした" }),
  ).toBeVisible();

  await kit.post("/__test__/faults", { data: { ns, postalLookup: null } });
  await page.getByRole("button", { name: "郵便番号から住所を入力" }).click();
  await expect(page.getByRole("status").filter({ hasText: "住所を入力しました" })).toBeVisible();
  await context.close();
});

test("upload fault: the 顔写真 page answers its ordinary could-not-save message; a slow one saves after the delay", async ({
  browser,
}) => {
  const ns = freshNs("upload");
  const filled = await scenario("simple-filled", ns);
  const { context, page } = await signedIn(browser, filled);
  await kit.post("/__test__/faults", { data: { ns, uploads: { fail: true } } });
  await page.goto("/registration/content/face-photo");
  await page.getByLabel("顔写真", { exact: true }).setInputFiles(facePhotoImage);
  await page.getByRole("button", { name: "一時保存" }).click();
  await expect(
    page.getByText("画像を保存できませんでした。しばらくしてから、もう一度お試しください。").first(),
  ).toBeVisible();

  // Slow instead: the save still goes through, after the delay.
  await kit.post("/__test__/faults", { data: { ns, uploads: { delayMs: 1500 } } });
  await page.getByLabel("顔写真", { exact: true }).setInputFiles(facePhotoImage);
  const started = Date.now();
  await page.getByRole("button", { name: "一時保存" }).click();
  await expect(page.getByText("一時保存しました。")).toBeVisible({ timeout: 15_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  await context.close();
});
