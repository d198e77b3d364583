// 登録申請 steps 1 and 2: the notice, the two consents, order of steps, 同意しない, resuming.
import { expect, test } from "@playwright/test";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { expectNoAxeViolations } from "./fixtures/axe";
import { query } from "./fixtures/db";
import { logIn } from "./fixtures/journey";
import { scenario, startAs } from "./fixtures/kit";

async function consentRecords(loginId: string) {
  return query<{
    kind: string;
    version: number;
    content_hash: string;
    shown_locale: string;
    ip: string | null;
    user_agent: string | null;
  }>(
    `SELECT r.kind, r.version, r.content_hash, r.shown_locale, r.ip, r.user_agent
     FROM consent_record r JOIN applicant a ON a.id = r.applicant_id
     WHERE a.login_id = $1 ORDER BY r.consented_at`,
    [loginId],
  );
}

test("the two consents in order, 同意しない, and resuming after logging in again", async ({ page }) => {
  const applicant = await startAs(page, "active");
  const menu = page.getByRole("navigation", { name: "メニュー" });

  // Later steps opened early land on the first unfinished one.
  for (const path of ["/registration/consent/terms", "/registration/content"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/registration\/consent\/personal-info$/);
  }

  await menu.getByRole("link", { name: "10_登録申請" }).click();
  await page.getByRole("button", { name: "はい" }).click();

  // Step 1.
  await expect(page).toHaveURL(/\/registration\/consent\/personal-info$/);
  await expect(page.getByRole("heading", { name: "個人情報の取り扱い等の同意情報", level: 1 })).toBeVisible();
  const breadcrumb = page.getByRole("navigation", { name: "現在位置" });
  await expect(breadcrumb).toHaveText(/新規登録\s*登録申請\s*個人情報の取り扱い等同意/);
  const steps = page.getByRole("navigation", { name: "申請の手順" });
  await expect(steps.locator("[aria-current=step]")).toContainText("個人情報取扱同意");
  await expect(steps.locator("[aria-current=step]")).toContainText("現在のステップ");
  await expect(steps.getByRole("listitem")).toHaveText([
    /1.*個人情報取扱同意/,
    /2.*システム利用規約同意/,
    /3.*申請内容登録/,
    /4.*申請内容送信/,
  ]);
  await expect(page.getByRole("region", { name: /本文/ })).toContainText("共同利用");
  const agree = page.getByRole("button", { name: "同意する" });
  await expect(agree).toBeDisabled();
  await expectNoAxeViolations(page, "consent step 1");
  await page.getByLabel("確認しました").check();
  await expect(agree).toBeEnabled();
  await agree.click();

  // Step 2, with 同意しない.
  await expect(page).toHaveURL(/\/registration\/consent\/terms$/);
  await expect(page.getByRole("heading", { name: "システム利用規約同意情報", level: 1 })).toBeVisible();
  await expect(steps.locator("[aria-current=step]")).toContainText("システム利用規約同意");
  await expect(steps.getByRole("listitem").first()).toContainText("完了");
  await expectNoAxeViolations(page, "consent step 2");
  await page.getByRole("button", { name: "同意しない" }).click();
  await expect(page.getByRole("heading", { name: "登録申請を進めることができません" })).toBeVisible();
  await expectNoAxeViolations(page, "terms declined");
  expect((await consentRecords(applicant.loginId)).map((r) => r.kind)).toEqual(["PERSONAL_INFO"]);
  await page.getByRole("link", { name: "システム利用規約同意に戻る" }).click();
  await page.getByLabel("確認しました").check();
  await page.getByRole("button", { name: "同意する" }).click();

  // Step 3 is next; both consents are recorded with version, hash, IP and user agent.
  await expect(page).toHaveURL(/\/registration\/content$/);
  await expect(steps.locator("[aria-current=step]")).toContainText("申請内容登録");
  const records = await consentRecords(applicant.loginId);
  expect(records.map((r) => [r.kind, r.version])).toEqual([
    ["PERSONAL_INFO", 1],
    ["TERMS", 1],
  ]);
  for (const record of records) {
    expect(record.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.shown_locale).toBe("ja");
    expect(record.ip).toBeTruthy();
    expect(record.user_agent).toContain("Chrome");
  }

  // Leaving and coming back resumes at the first unfinished step.
  await page.getByRole("button", { name: "ログアウト" }).click();
  await logIn(page, applicant.loginId, applicant.password);
  await menu.getByRole("link", { name: "10_登録申請" }).click();
  await page.getByRole("button", { name: "はい" }).click();
  await expect(page).toHaveURL(/\/registration\/content$/);
});

test("the server refuses 同意する without 確認しました (no JavaScript)", async ({ request, browser }) => {
  const applicant = await scenario(request, "active");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto("/login");
  await noScript.getByLabel("ログインID").fill(applicant.loginId);
  await noScript.getByLabel("パスワード", { exact: true }).fill(applicant.password);
  await noScript.getByRole("button", { name: "ログイン" }).click();
  await noScript.goto("/registration/consent/personal-info");
  await noScript.getByRole("button", { name: "同意する" }).click();
  await expect(noScript.locator("#confirmed-error")).toContainText(
    "「確認しました」にチェックを入れてください。",
  );
  await expect(noScript).toHaveURL(/\/registration\/consent\/personal-info$/);
  expect(await consentRecords(applicant.loginId)).toEqual([]);
  await context.close();
});

test("in English: the Japanese text binds, the reading aid is below it, the record keeps the language", async ({
  page,
  baseURL,
}) => {
  const applicant = await startAs(page, "active");
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "en", url: baseURL! }]);
  await page.goto("/registration");
  await page.getByRole("button", { name: "Yes" }).click();

  await expect(page).toHaveURL(/\/registration\/consent\/personal-info$/);
  await expect(
    page.getByRole("heading", {
      name: "Consent to the handling of personal information (個人情報取扱同意)",
      level: 1,
    }),
  ).toBeVisible();
  // The binding Japanese document, marked Japanese, and the translation below it marked as a reading aid.
  const japanese = page.getByRole("region", {
    name: "Japanese text of the consent to the handling of personal information",
  });
  await expect(japanese.locator('[lang="ja"]')).toContainText("共同利用");
  await expect(page.locator("#consent-document-title")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { name: "Reading aid (translation)", level: 2 })).toBeVisible();
  await expect(page.getByText("The Japanese text above is the binding one")).toBeVisible();
  const aid = page.getByRole("region", {
    name: "Reading aid: Consent to the handling of personal information and related matters",
  });
  await expect(aid).toContainText("Joint use of personal information");
  await expect(aid.locator('[lang="ja"]')).toHaveCount(0);
  await expectNoAxeViolations(page, "consent step 1 in English");

  const agree = page.getByRole("button", { name: "I agree" });
  await expect(agree).toBeDisabled();
  await page.getByLabel("I have read it").check();
  await agree.click();
  await expect(page).toHaveURL(/\/registration\/consent\/terms$/);
  await expect(page.getByRole("heading", { name: "Reading aid (translation)", level: 2 })).toBeVisible();

  // The record holds the Japanese version's hash, as in Japanese, and the language shown.
  const [record] = await consentRecords(applicant.loginId);
  expect(record).toMatchObject({ kind: "PERSONAL_INFO", version: 1, shown_locale: "en" });
  const [binding] = await query<{ content_hash: string }>(
    `SELECT content_hash FROM consent_document WHERE kind = 'PERSONAL_INFO' AND version = 1`,
  );
  expect(record?.content_hash).toBe(binding?.content_hash);
});
