// Staff account actions and the staff records: unlock, reissue (the old password
// refused, the emailed one works), disable (login refused with the generic answer) and enable on
// 申請者の詳細; the outbox page's states, filter and 再送する; the consent CSV; the audit log
// finding an unlock. Every new page is checked with axe.
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { query } from "./fixtures/db";
import { logIn, requestReissue, submitLogin } from "./fixtures/journey";
import { scenario, startAs } from "./fixtures/kit";
import { extractField, listEmails, waitForEmail, waitForOutboxSettled } from "./fixtures/mailbox";
import { appUrl } from "./support/environment";

// Each test starts from scenarios (tests/e2e/fixtures/kit.ts): the applicant, the 職員 and the
// 管理者 are made by the test kit and signed in with one-time sign-in URLs.

const INVALID_LOGIN = "ログインIDまたはパスワードが正しくありません。";
const LOCK_THRESHOLD = 5;
const REISSUE_SUBJECT = "申請用パスワード再発行のお知らせ";
const PASSWORD_CHANGED_SUBJECT = "パスワード変更のお知らせ";

const loginAnswer = (page: Page) => page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
const statusNotice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The audit log below names the 職員 who unlocked.
  await startAs(page, "staff", { name: "試験 職員" });
  return page;
}

/** 同意記録 and 監査ログ are for administrators only. */
async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await startAs(page, "admin");
  return page;
}

/** 申請者の詳細, reached the way staff reach it: the list's search and the 申請ログインID link. */
async function openApplicant(staff: Page, loginId: string) {
  await staff.goto("/staff/applicants");
  await staff.getByLabel("検索語").fill(loginId);
  await staff.getByRole("button", { name: "検索する" }).click();
  await staff.getByRole("link", { name: loginId, exact: true }).click();
  await expect(staff.getByRole("heading", { name: "申請者の詳細", level: 1 })).toBeVisible();
  await expect(staff.locator("dt:text-is('申請ログインID') + dd")).toHaveText(loginId);
}

/** Today and yesterday as Japan-time dates (YYYY-MM-DD). */
function jstDates() {
  const day = (offsetDays: number) =>
    new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return { today: day(0), yesterday: day(-1) };
}

test("a locked applicant is unlocked by staff, can log in again, and the audit log shows it", async ({
  page,
  browser,
}) => {
  const applicant = await scenario(page.request, "issued");
  for (let attempt = 1; attempt <= LOCK_THRESHOLD; attempt += 1) {
    await submitLogin(page, applicant.loginId, `Wrong-Passw0rd-${attempt}`);
  }
  await expect(loginAnswer(page)).not.toContainText("ロック");
  // Only the right password is told about the lock (and it counts as one more attempt).
  await submitLogin(page, applicant.loginId, applicant.password);
  await expect(loginAnswer(page)).toContainText("ロック");

  const staff = await staffPage(browser);
  await openApplicant(staff, applicant.loginId);
  await expect(staff.locator("dt:text-is('状態') + dd")).toContainText("ロック中");
  await expect(staff.locator("dt:text-is('続けて間違えたログインの回数') + dd")).toHaveText(
    `${LOCK_THRESHOLD + 1}回`,
  );
  await expectNoAxeViolations(staff, "applicant detail, locked");

  await staff.getByRole("button", { name: "ロックを解除する" }).click();
  await expect(statusNotice(staff, "ロックを解除しました")).toBeVisible();
  await expect(staff.getByRole("button", { name: "ロックを解除する" })).toHaveCount(0);
  await expect(staff.locator("dt:text-is('状態') + dd")).toHaveText("パスワード変更前");
  await expectNoAxeViolations(staff, "applicant detail, unlocked");

  await logIn(page, applicant.loginId, applicant.password);
  await expect(page).toHaveURL(/\/password\/change$/);

  // 監査ログ (an administrator's page): the 職員's unlock, found by 操作 and by the applicant's
  // login ID as 対象.
  const admin = await adminPage(browser);
  await admin.goto("/staff/audit");
  await expect(admin.getByRole("heading", { name: "監査ログ", level: 1 })).toBeVisible();
  await expectNoAxeViolations(admin, "audit log");
  await admin.getByLabel("操作").selectOption("applicant.unlocked");
  await admin.getByLabel("対象ID").fill(applicant.loginId);
  await admin.getByRole("button", { name: "検索する" }).click();
  const rows = admin.getByRole("region", { name: /監査ログの検索結果/ }).getByRole("row");
  await expect(rows).toHaveCount(2); // header + the one unlock
  await expect(rows.nth(1)).toContainText("ロック解除");
  await expect(rows.nth(1)).toContainText(`申請者 ${applicant.loginId}`);
  await expect(rows.nth(1)).toContainText("試験 職員");
  await expectNoAxeViolations(admin, "audit log with results");
  await admin.context().close();
  await staff.context().close();
});

test("a staff reissue ends the applicant's sessions, kills the old password, and the emailed one works", async ({
  page,
  browser,
}) => {
  const applicant = await startAs(page, "active");
  const staff = await staffPage(browser);
  await openApplicant(staff, applicant.loginId);

  // Without the confirmation nothing happens, and the page says what is missing.
  const emailsBefore = (await listEmails(applicant.email)).length;
  await staff.getByRole("button", { name: "パスワードを再発行する" }).click();
  const summary = staff.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /チェックを入れてください/ })).toBeVisible();
  await expectNoAxeViolations(staff, "applicant detail, reissue not confirmed");
  // Nothing happened: the applicant is still signed in.
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/menu$/);

  await staff.getByRole("checkbox", { name: /再発行すると、今のパスワードは使えなくなる/ }).check();
  await staff.getByRole("button", { name: "パスワードを再発行する" }).click();
  await expect(statusNotice(staff, "パスワードを再発行しました")).toBeVisible();
  const mail = await waitForEmail({ to: applicant.email, subject: REISSUE_SUBJECT, after: emailsBefore });
  const temporaryPassword = extractField(mail.text, "申請用パスワード");

  // The signed-in applicant is out, the old password is refused, the emailed one works.
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await submitLogin(page, applicant.loginId, applicant.password);
  await expect(loginAnswer(page)).toContainText(INVALID_LOGIN);
  await logIn(page, applicant.loginId, temporaryPassword);
  await expect(page).toHaveURL(/\/password\/change$/);
  await staff.context().close();
});

test("a disabled applicant cannot log in or get a reissue email; enabling lets them in again", async ({
  page,
  browser,
}) => {
  const applicant = await scenario(page.request, "issued");
  const staff = await staffPage(browser);
  await openApplicant(staff, applicant.loginId);

  await staff.getByRole("checkbox", { name: /利用を停止すると、この申請者はログインできなくなる/ }).check();
  await staff.getByRole("button", { name: "利用を停止する" }).click();
  await expect(statusNotice(staff, "利用を停止しました")).toBeVisible();
  await expect(staff.locator("dt:text-is('状態') + dd")).toContainText("利用停止");
  await expect(staff.getByRole("button", { name: "パスワードを再発行する" })).toHaveCount(0);
  await expectNoAxeViolations(staff, "applicant detail, disabled");

  // The generic answer, the same as a wrong password.
  await submitLogin(page, applicant.loginId, applicant.password);
  await expect(loginAnswer(page)).toContainText(INVALID_LOGIN);
  // パスワードを忘れた場合 answers as always but sends nothing.
  await waitForOutboxSettled(applicant.email); // the scenario's ID email is out
  const emailsBefore = (await listEmails(applicant.email)).length;
  await requestReissue(page, applicant.loginId, applicant.email);
  await expect(page).toHaveURL(/\/password\/forgot\?sent=1$/);
  await waitForOutboxSettled(applicant.email);
  expect(await listEmails(applicant.email)).toHaveLength(emailsBefore);

  await staff.getByRole("button", { name: "利用停止を解除する" }).click();
  await expect(statusNotice(staff, "利用停止を解除しました")).toBeVisible();
  await logIn(page, applicant.loginId, applicant.password);
  await expect(page).toHaveURL(/\/password\/change$/);
  await staff.context().close();
});

test("the outbox shows each email's state, filters by 状態 and 宛先, and re-sends a failed email", async ({
  page,
}) => {
  const tag = `outbox-${randomUUID().slice(0, 8)}`;
  const retryable = `${tag}-changed@example.jp`;
  const withPassword = `${tag}-reissued@example.jp`;
  const sent = `${tag}-sent@example.jp`;
  const insert = (template: string, to: string, status: string, payload: object, lastError: string | null) =>
    query(
      `INSERT INTO email_outbox (id, template, to_address, payload, status, attempts, next_attempt_at, last_error, created_at, sent_at)
       VALUES (gen_random_uuid(), $1, $2, $3::jsonb, $4::email_status, $5, now(), $6, now(), $7)`,
      [
        template,
        to,
        JSON.stringify(payload),
        status,
        status === "SENT" ? 1 : 8,
        lastError,
        status === "SENT" ? new Date() : null,
      ],
    );
  const common = { name: "送信 試験", loginId: "12345678901221", loginUrl: "http://127.0.0.1:3100/login" };
  await insert(
    "password-changed",
    retryable,
    "FAILED",
    { ...common, changedAt: new Date().toISOString() },
    "connect ECONNREFUSED 192.0.2.1:25",
  );
  // A password email whose secret the worker erased when it failed for good.
  await insert(
    "password-reissued",
    withPassword,
    "FAILED",
    { ...common, issuedAt: new Date().toISOString(), expiresAt: new Date().toISOString() },
    "554 5.7.1 rejected",
  );
  await insert("password-changed", sent, "SENT", { ...common, changedAt: new Date().toISOString() }, null);

  await startAs(page, "staff");
  await page.goto("/staff/emails");
  await expect(page.getByRole("heading", { name: "メール送信状況", level: 1 })).toBeVisible();
  await page.getByLabel("検索語").fill(tag.toUpperCase());
  await page.getByLabel("状態").selectOption({ label: "送信失敗" });
  await page.getByRole("button", { name: "検索する" }).click();
  const table = page.getByRole("region", { name: /メール送信状況/ });
  await expect(table.getByRole("row")).toHaveCount(3); // header + the two failed ones
  const retryRow = table.getByRole("row").filter({ hasText: retryable });
  await expect(retryRow).toContainText("送信失敗");
  await expect(retryRow).toContainText("パスワード変更のお知らせ");
  await expect(retryRow).toContainText("ECONNREFUSED");
  const passwordRow = table.getByRole("row").filter({ hasText: withPassword });
  await expect(passwordRow).toContainText(
    "パスワードを含むメールは再送できません。パスワードを再発行してください。",
  );
  await expect(passwordRow.getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(page, "outbox, failed filter");

  await retryRow.getByRole("button", { name: new RegExp(`^再送する\\s*（${retryable}あて`) }).click();
  await expect(statusNotice(page, "再送を受け付けました")).toBeVisible();
  await waitForEmail({ to: retryable, subject: PASSWORD_CHANGED_SUBJECT });
  // The sink has it; the worker marks the row just after.
  await expect
    .poll(
      async () =>
        (
          await query<{ status: string }>("SELECT status FROM email_outbox WHERE to_address = $1", [
            retryable,
          ])
        )[0]?.status,
    )
    .toBe("SENT");

  await page.getByLabel("状態").selectOption({ label: "すべて" });
  await page.getByRole("button", { name: "検索する" }).click();
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row").filter({ hasText: retryable })).toContainText("送信済み");
  await expect(table.getByRole("row").filter({ hasText: sent })).toContainText("送信済み");
  await expectNoAxeViolations(page, "outbox, all states");
});

test("an administrator downloads the consent records as CSV with the applicant's rows; others cannot", async ({
  page,
  browser,
}) => {
  // Both consents given (the consent pages themselves: registration-consent.spec.ts).
  const applicant = await startAs(page, "consented");

  // An applicant's session gets the staff login, not the file.
  const asApplicant = await page.request.post("/staff/consents/export", {
    form: { from: "", to: "" },
    headers: { Origin: appUrl },
    maxRedirects: 0,
  });
  expect(asApplicant.status()).toBe(303);
  expect(asApplicant.headers().location).toContain("/staff/login");

  const staff = await adminPage(browser);
  await staff.goto("/staff/consents");
  await expect(staff.getByRole("heading", { name: "同意記録の出力", level: 1 })).toBeVisible();
  await expectNoAxeViolations(staff, "consent export");

  // A reversed range comes back with the reason.
  const { today, yesterday } = jstDates();
  await staff.getByLabel("同意日（から）").fill(today);
  await staff.getByLabel("同意日（まで）").fill(yesterday);
  await staff.getByRole("button", { name: "同意記録をCSVでダウンロード" }).click();
  const summary = staff.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toContainText("同意日（まで）は、同意日（から）と同じ日か、それより後の日付");
  await expectNoAxeViolations(staff, "consent export with errors");

  await staff.getByLabel("同意日（から）").fill(yesterday);
  await staff.getByLabel("同意日（まで）").fill(today);
  const [download] = await Promise.all([
    staff.waitForEvent("download"),
    staff.getByRole("button", { name: "同意記録をCSVでダウンロード" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^consent-records-\d{8}-\d{8}\.csv$/);
  const text = (await readFile(await download.path())).toString("utf8");
  expect(
    text.startsWith(
      "\uFEFF申請ログインID,氏名,同意書,版,内容ハッシュ,同意日時,IPアドレス,ユーザーエージェント\r\n",
    ),
  ).toBe(true);
  const lines = text.split("\r\n").filter((line) => line.startsWith(`${applicant.loginId},`));
  expect(lines).toHaveLength(2);
  for (const line of lines) {
    expect(line).toContain(applicant.name);
    expect(line).toMatch(/,[0-9a-f]{64},\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},/);
  }
  await staff.context().close();
});
