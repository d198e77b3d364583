// The whole sign-in journey (issue steps 1→6): staff issue an ID by email, the applicant opens
// the emailed URL, logs in, is held on パスワード変更 until the change, logs in again, uses the menu.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { findApplicantByLoginId } from "./fixtures/db";
import {
  ID_EMAIL_SUBJECT,
  changePassword,
  issueApplicant,
  logIn,
  newPassword,
  signInAsStaff,
  uniqueEmail,
} from "./fixtures/journey";
import { listEmails, waitForEmail } from "./fixtures/mailbox";
import { appUrl } from "./support/environment";

const jstToday = () => {
  const jst = new Date(Date.now() + 9 * 3_600_000);
  return `${jst.getUTCFullYear()}/${String(jst.getUTCMonth() + 1).padStart(2, "0")}/${String(jst.getUTCDate()).padStart(2, "0")}`;
};

test("staff issue an ID by email; the applicant changes the password and reaches the menu", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("journey");
  const name = "建設 花子";

  // 1. Staff: sign in, open 申請用ログインID発行, see errors for an empty form, then issue.
  await signInAsStaff(page);
  await expectNoAxeViolations(page, "staff home");
  await page.getByRole("link", { name: "申請用ログインID発行" }).first().click();
  await expect(page.getByRole("heading", { name: "申請用ログインID発行", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "issue form");
  await page.getByLabel("メールアドレス").fill("not-an-address");
  await page.getByRole("button", { name: "発行する" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "氏名を入力してください。" })).toBeVisible();
  await expect(page.locator("#name-error")).toContainText("氏名を入力してください。");
  await expect(page.locator("#email-error")).toContainText("メールアドレスの形式で入力してください。");
  await expect(page.getByLabel("メールアドレス")).toHaveValue("not-an-address");
  await expectNoAxeViolations(page, "issue form with errors");

  const issued = await issueApplicant(page, name, email);
  await expect(
    page.getByText("お知らせメール（申請ログインID・申請用パスワード）の送信を受け付けました。"),
  ).toBeVisible();
  expect(issued.shownLoginId).toBe(issued.loginId);
  expect(issued.loginId).toMatch(/^\d{12}21$/);
  await expect(page.locator("body")).not.toContainText(issued.temporaryPassword);
  await expectNoAxeViolations(page, "issue result");

  // 2. The ID email: its subject, the greeting, then 申請ログインID, 申請用パスワード, 申請用ログインURL
  // and 日付 in that order, the URL the login page's.
  const { mail } = issued;
  expect(mail.subject).toBe(ID_EMAIL_SUBJECT);
  expect(mail.to).toEqual([email]);
  const order = [
    `${name} さま`,
    "建設キャリアアップシステムの「技能者情報新規登録」の申請を受け付けました。",
    "【申請ログインID】",
    "【申請用パスワード】",
    "【申請用ログインURL】",
    "【日付】",
  ].map((text) => mail.text.indexOf(text));
  expect(order.every((index) => index >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(issued.loginUrl).toBe(`${appUrl}/login`);
  expect(mail.text).toContain(`【日付】\n${jstToday()}`);
  expect(mail.html).toContain(issued.loginId);

  // 3. The applicant opens the emailed URL: the login page.
  const context = await browser.newContext();
  const applicant = await context.newPage();
  await applicant.goto(issued.loginUrl);
  await expect(applicant.getByText("建設キャリアアップシステム", { exact: true })).toBeVisible();
  await expect(applicant.getByText("Construction Careerup System")).toBeVisible();
  await expect(applicant.getByRole("heading", { name: "ログイン", level: 1 })).toBeVisible();
  await expect(applicant.getByRole("link", { name: "パスワードを忘れた場合" })).toBeVisible();
  await expect(applicant.getByRole("heading", { name: "システム定期メンテナンスのお知らせ" })).toBeVisible();
  await expectNoAxeViolations(applicant, "login");

  // A wrong password: one generic message, the ID kept.
  await logIn(applicant, issued.loginId, "Wrong-Passw0rd!");
  await expect(applicant.getByRole("alert").first()).toContainText(
    "ログインIDまたはパスワードが正しくありません。",
  );
  await expect(applicant.getByLabel("ログインID")).toHaveValue(issued.loginId);
  await expectNoAxeViolations(applicant, "login with error");

  // 4. The 申請用パスワード leads to パスワード変更, and nothing else is reachable.
  await logIn(applicant, issued.loginId, issued.temporaryPassword);
  await expect(applicant).toHaveURL(/\/password\/change$/);
  await expect(applicant.getByRole("heading", { name: "パスワード変更", level: 1 })).toBeVisible();
  await expect(applicant.getByRole("heading", { name: "注意事項" })).toBeVisible();
  await expectNoAxeViolations(applicant, "password change");
  for (const path of [
    "/menu",
    "/registration",
    "/notices",
    "/correction",
    "/registration/consent/personal-info",
  ]) {
    await applicant.goto(path);
    await expect(applicant).toHaveURL(/\/password\/change$/);
  }

  // 5. The rules, with a message per rule; what was typed stays.
  await changePassword(applicant, issued.temporaryPassword, "abc");
  const changeSummary = applicant.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(changeSummary).toBeFocused();
  await expect(applicant.locator("#newPassword-error")).toContainText("8文字");
  await expect(applicant.getByLabel("現在のパスワード")).toHaveValue(issued.temporaryPassword);
  await expectNoAxeViolations(applicant, "password change with errors");
  await changePassword(applicant, issued.temporaryPassword, issued.temporaryPassword);
  await expect(applicant.locator("#newPassword-error")).toContainText("現在のパスワード");

  // 6. A valid change: the login page says so, the email goes out, the temporary password is dead.
  const password = newPassword();
  const mailsBefore = (await listEmails(email)).length;
  await changePassword(applicant, issued.temporaryPassword, password);
  await expect(applicant).toHaveURL(/\/login\?reason=password-changed$/);
  await expect(applicant.getByRole("status")).toContainText("パスワードを変更しました。");
  await expectNoAxeViolations(applicant, "login after password change");
  const changedMail = await waitForEmail({
    to: email,
    subject: "パスワード変更のお知らせ",
    after: mailsBefore,
  });
  expect(changedMail.text).not.toContain(password);
  expect((await findApplicantByLoginId(issued.loginId)).must_change_password).toBe(false);

  await logIn(applicant, issued.loginId, issued.temporaryPassword);
  await expect(applicant.getByRole("alert").first()).toContainText(
    "ログインIDまたはパスワードが正しくありません。",
  );

  // The new password leads to the menu, the applicant's first screen.
  await logIn(applicant, issued.loginId, password);
  await expect(applicant).toHaveURL(/\/menu$/);
  await expect(applicant.getByText("建設キャリアアップシステムにおける申請用の画面です。")).toBeVisible();
  await expect(applicant.getByText("左記メニューより、新規登録をしてください。")).toBeVisible();
  const menu = applicant.getByRole("navigation", { name: "メニュー" });
  await expect(menu.getByRole("button", { name: "100_新規登録" })).toBeVisible();
  await expectNoAxeViolations(applicant, "menu");

  await menu.getByRole("link", { name: "10_登録申請" }).click();
  await expect(applicant.getByRole("heading", { name: "登録方式についての注意事項" })).toBeVisible();
  await expect(applicant.getByText("「簡略型登録」：2,500円(税込)")).toBeVisible();
  await expect(applicant.getByText("「詳細型登録」：4,900円(税込)")).toBeVisible();
  await expect(applicant.getByText("「簡略型登録」から「詳細型登録」への移行：2,400円(税込)")).toBeVisible();
  await expectNoAxeViolations(applicant, "registration notice");
  await applicant.getByRole("button", { name: "はい" }).click();
  await expect(applicant).toHaveURL(/\/registration\/consent\/personal-info$/);

  await menu.getByRole("link", { name: "20_申請の修正" }).click();
  await expect(applicant.getByRole("heading", { name: "20_申請の修正", level: 1 })).toBeVisible();
  await expectNoAxeViolations(applicant, "correction");
  await menu.getByRole("link", { name: "通知" }).click();
  await expect(applicant.getByRole("heading", { name: "通知", level: 1 })).toBeVisible();
  await expectNoAxeViolations(applicant, "notices");

  // Narrow screens: the menu sits behind a labelled, keyboard-operable hamburger button.
  await applicant.setViewportSize({ width: 360, height: 740 });
  await applicant.goto("/menu");
  const hamburger = applicant.getByRole("button", { name: "メニューを開く" });
  await expect(hamburger).toBeVisible();
  await expect(menu.getByRole("link", { name: "10_登録申請" })).toBeHidden();
  await hamburger.focus();
  await applicant.keyboard.press("Enter");
  await expect(menu.getByRole("link", { name: "10_登録申請" })).toBeVisible();
  await expectNoAxeViolations(applicant, "menu open on a narrow screen");
  await applicant.keyboard.press("Escape");
  await expect(menu.getByRole("link", { name: "10_登録申請" })).toBeHidden();
  await expect(applicant.getByRole("button", { name: "メニューを開く" })).toBeFocused();

  await context.close();
});

test("the login form checks input on the server too, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("ログインID").fill("12345");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.locator("#password-error")).toContainText("パスワードを入力してください。");
  await expect(page.getByLabel("ログインID")).toHaveValue("12345");
  await expect(page.getByRole("alert").filter({ hasText: "入力内容を確認してください" })).toBeVisible();
  await context.close();
});
