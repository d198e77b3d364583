// 利用申し込み: from the login page, a technician without an ID applies and gets the
// ID email; applying again with the same address (in another case) shows the same confirmation,
// issues no second ID, and sends the address's owner a reminder with the existing ID.
// The throttles are tested in tests/integration/usage-request.integration.test.ts: every request here
// comes from 127.0.0.1 (see USAGE_REQUEST_IP_LIMIT for the e2e server).
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { findLoginIdsByEmail } from "./fixtures/db";
import { ID_EMAIL_SUBJECT, logIn, uniqueEmail } from "./fixtures/journey";
import { extractField, listEmails, waitForEmail, waitForOutboxSettled } from "./fixtures/mailbox";

const REMINDER_SUBJECT = "【建設キャリアアップシステム】申請ログインIDのお知らせ（利用申し込み）";
const CONFIRMATION =
  "お申し込みを受け付けました。入力されたメールアドレスに、申請ログインIDのお知らせをお送りします。メールが届かない場合は";

async function fillUsageRequest(page: Page, email: string) {
  await page.getByLabel("氏名").fill("申込 太郎");
  await page.getByLabel("住所").fill("東京都千代田区霞が関1-2-3 霞が関ビル101号室");
  await page.getByLabel("電話番号").fill("090-1234-5678");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("button", { name: "申し込む" }).click();
}

/** The confirmation as a person sees it: address, title and the whole main text. */
async function confirmationOf(page: Page) {
  await expect(page).toHaveURL(/\/usage-request\?sent=1$/);
  await expect(page.getByRole("status")).toContainText(CONFIRMATION);
  // After a client-side navigation the title follows the page a moment later.
  await expect(page).toHaveTitle(/利用申し込み/);
  return { url: page.url(), title: await page.title(), main: await page.locator("main").innerText() };
}

test("a technician without an ID applies, gets the ID email, and applying again issues no second ID", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("usage-request");

  // From the login page link.
  await page.goto("/login");
  await page.getByRole("link", { name: "申請ログインIDをお持ちでない方（利用申し込み）" }).click();
  await expect(page).toHaveURL(/\/usage-request$/);
  await expect(page.getByRole("heading", { name: "利用申し込み", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "usage request");

  // Empty submit: the summary takes focus and each field says what is missing.
  await page.getByRole("button", { name: "申し込む" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeFocused();
  const missing = [
    ["name", "氏名を入力してください。"],
    ["address", "住所を入力してください。"],
    ["phone", "電話番号を入力してください。"],
    ["email", "メールアドレスを入力してください。"],
  ] as const;
  for (const [fieldId, message] of missing) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
    await expect(page.locator(`#${fieldId}-error`)).toContainText(message);
  }
  await expectNoAxeViolations(page, "usage request with errors");

  // A new address: the confirmation, then the ID email.
  await fillUsageRequest(page, email);
  const firstAnswer = await confirmationOf(page);
  await expect(page.getByRole("link", { name: "ログイン画面に戻る" })).toBeVisible();
  await expectNoAxeViolations(page, "usage request confirmation");

  const idMail = await waitForEmail({ to: email, subject: ID_EMAIL_SUBJECT });
  expect(idMail.text.startsWith("申込 太郎 さま")).toBe(true);
  const loginId = extractField(idMail.text, "申請ログインID");
  const temporaryPassword = extractField(idMail.text, "申請用パスワード");
  expect(loginId).toMatch(/^\d{12}21$/);
  expect(await findLoginIdsByEmail(email)).toEqual([loginId]);

  // The emailed ID and password log in and lead to the forced password change.
  await page.getByRole("link", { name: "ログイン画面に戻る" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, loginId, temporaryPassword);
  await expect(page).toHaveURL(/\/password\/change$/);
  await expect(page.getByRole("heading", { name: "パスワード変更", level: 1 })).toBeVisible();

  // The same address again, in upper case, from a browser with no session: the same answer.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  const mailsBefore = (await listEmails(email)).length;
  await visitor.goto("/usage-request");
  await fillUsageRequest(visitor, email.toUpperCase());
  const secondAnswer = await confirmationOf(visitor);
  expect(secondAnswer).toEqual(firstAnswer);

  // No second ID: the owner is reminded of the existing one and told how to reset the password.
  const reminder = await waitForEmail({ to: email, subject: REMINDER_SUBJECT, after: mailsBefore });
  expect(extractField(reminder.text, "申請ログインID")).toBe(loginId);
  expect(extractField(reminder.text, "パスワードを忘れた場合")).toMatch(/\/password\/forgot$/);
  expect(reminder.text).not.toContain(temporaryPassword);
  await waitForOutboxSettled(email);
  const later = (await listEmails(email)).slice(mailsBefore);
  expect(later.map((mail) => mail.subject)).toEqual([REMINDER_SUBJECT]);
  expect(await findLoginIdsByEmail(email)).toEqual([loginId]);

  await context.close();
});

test("a 氏名 that is not a name (a URL) is refused beside the field and in the summary, and nothing is sent", async ({
  page,
}) => {
  const email = uniqueEmail("usage-phishing");
  const phishing = "山田 太郎 様 至急 https://evil.example/login";
  await page.goto("/usage-request");
  await page.getByLabel("氏名").fill(phishing);
  await page.getByLabel("住所").fill("東京都千代田区霞が関1-2-3");
  await page.getByLabel("電話番号").fill("090-1234-5678");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("button", { name: "申し込む" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeFocused();
  const message =
    /氏名に「:」「\/」「\.」は使えません。記号を除いて、漢字・ひらがな・カタカナ・アルファベットで入力してください。/;
  await expect(summary.getByRole("link", { name: message })).toBeVisible();
  await expect(page.locator("#name-error")).toContainText(message);
  await expect(page.getByLabel("氏名")).toHaveValue(phishing);
  await expect(page.getByLabel("メールアドレス")).toHaveValue(email);
  await expect(page).toHaveURL(/\/usage-request$/);
  await expectNoAxeViolations(page, "usage request, 氏名 refused");

  await waitForOutboxSettled(email);
  expect(await listEmails(email)).toEqual([]);
  expect(await findLoginIdsByEmail(email)).toEqual([]);
});
