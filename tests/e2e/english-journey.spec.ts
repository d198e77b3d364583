// Issue 15's "done means": a new user switches language on the login page and completes the whole
// journey in English — no language cookie set by the test, a browser that asks for Japanese. Staff
// issue an applicant ID (the kit's `issued` scenario); the applicant opens /login in Japanese, picks
// English in the switcher, then, by the English names only (tests/e2e/support/words.ts): logs in,
// changes the password, logs in again, 10_登録申請 from the menu, the notice, both consents, 申請内容
// 登録 (簡略型, every group), 申請内容送信, the fee through the payment sandbox (its hosted card page
// in English: the portal passes the language to the provider), the completion. Then the correction
// loop: staff (in Japanese) return the application as 不備, the applicant reads the 通知 in English,
// opens 20_申請の修正 from it, corrects and applies again. Every applicant page on the way:
// <html lang="en">, no Japanese outside system names and lang="ja" parts, axe.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { scenario, startAs } from "./fixtures/kit";
import { TEST_CARDS } from "./fixtures/payment";
import { fillSimpleGroups } from "./support/simple-wizard";
import { japaneseLeftIn } from "./support/untranslated";
import { wordsFor } from "./support/words";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";

test.describe.configure({ timeout: 180_000 });

const w = wordsFor("en");
const NEW_PASSWORD = "Kensetsu-Career7!";
const EMPLOYER_REASON = "事業者名が事業者IDの登録内容と一致しません";
const EMPLOYER_COMMENT = "事業者名を正式な名称（支店名まで）で入力してください。";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An applicant page in English: <html lang="en">, its heading, no Japanese left, axe. */
async function checkPage(page: Page, where: string, heading?: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  if (heading) await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  // After a client-side navigation the title follows the page a moment later.
  await expect(page).toHaveTitle(/\S/);
  expect.soft(await japaneseLeftIn(page, "en"), `${where}: Japanese left in the page`).toEqual([]);
  await expectNoAxeViolations(page, `${where} (en)`);
}

async function logIn(page: Page, loginId: string, password: string) {
  await page.getByLabel(w("ログインID", "auth.login")).fill(loginId);
  await page.getByLabel(w("パスワード", "auth.login"), { exact: true }).fill(password);
  await page.getByRole("button", { name: w("ログイン", "auth.login.submit"), exact: true }).click();
}

test("a new user switches to English on the login page and completes the whole journey, 不備 included", async ({
  page,
  browser,
}) => {
  // Staff issue the ID (the kit's scenario does what 申請用ログインID発行 does: journey.spec.ts).
  const applicant = await scenario(page.request, "issued", {});

  // The login page in Japanese (the browser asks for ja-JP), then English from the switcher.
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  expect((await page.context().cookies()).some((cookie) => cookie.name === LOCALE_COOKIE)).toBe(false);
  await page.locator("summary", { hasText: "Language / 言語" }).click();
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await checkPage(page, "login", w("ログイン", "auth.login.title"));

  // Log in with the issued ID; パスワード変更 under the rules; log in again.
  await logIn(page, applicant.loginId, applicant.password);
  await expect(page).toHaveURL(/\/password\/change$/);
  await checkPage(page, "password change");
  await page.getByLabel(w("現在のパスワード"), { exact: true }).fill(applicant.password);
  await page.getByLabel(w("新しいパスワード"), { exact: true }).fill("short");
  await page.getByLabel(w("新しいパスワード確認"), { exact: true }).fill("short");
  await page.getByRole("button", { name: w("パスワード変更") }).click();
  await expect(page.getByRole("alert").filter({ hasText: w("入力内容を確認してください") })).toBeFocused();
  await checkPage(page, "password change with errors");
  await page.getByLabel(w("新しいパスワード"), { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel(w("新しいパスワード確認"), { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: w("パスワード変更") }).click();
  await expect(page).toHaveURL(/\/login\?reason=password-changed$/);
  await expect(page.getByRole("status")).toContainText(
    w("パスワードを変更しました。新しいパスワードでログインしてください。"),
  );
  await checkPage(page, "login after the password change");
  await logIn(page, applicant.loginId, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/menu$/);
  await checkPage(page, "menu");

  // Menu → New registration › Registration application (10_登録申請), the notice, both consents.
  const menu = page.getByRole("navigation", { name: w("メニュー") });
  await expect(menu.getByRole("button", { name: w("100_新規登録") })).toBeVisible();
  await menu.getByRole("link", { name: w("10_登録申請") }).click();
  await expect(page).toHaveURL(/\/registration$/);
  await checkPage(page, "registration notice", w("登録方式についての注意事項"));
  await page.getByRole("button", { name: w("はい") }).click();
  for (const [step, address] of [
    ["個人情報取扱同意", /\/registration\/consent\/personal-info$/],
    ["システム利用規約同意", /\/registration\/consent\/terms$/],
  ] as const) {
    await expect(page).toHaveURL(address);
    await checkPage(page, step);
    await page.getByLabel(w("確認しました")).check();
    await page.getByRole("button", { name: w("同意する") }).click();
  }

  // 申請内容登録: 簡略型, every group.
  await expect(page).toHaveURL(/\/registration\/content$/);
  await checkPage(page, "申請内容登録 (type)");
  await page.getByLabel(w("簡略型登録", "content.page")).check();
  await page.getByRole("button", { name: w("次へ") }).click();
  await expect(page.getByRole("heading", { name: w("入力する項目") })).toBeVisible();
  await checkPage(page, "申請内容登録 (tasks)");
  await fillSimpleGroups(page, w, applicant.email, (name) => checkPage(page, name));

  // 申請内容送信: the check page, 申請する; 申請完了 asks for the fee.
  await page.getByRole("link", { name: w("申請内容の確認へ進む", "content.page") }).click();
  await expect(page).toHaveURL(/\/registration\/confirm$/);
  await checkPage(page, "申請内容送信", w("申請内容送信"));
  await page.getByRole("button", { name: w("申請する", "review.submit") }).click();
  await expect(page).toHaveURL(/\/registration\/complete$/);
  await checkPage(page, "申請完了", w("申請完了"));
  await expect(page.getByRole("main")).toContainText(w("申請を受け付けました"));
  const applicationNumber =
    (
      await page
        .locator("dt", { hasText: w("申請番号", "review.complete") })
        .locator("xpath=following-sibling::dd[1]")
        .textContent()
    )?.trim() ?? "";
  expect(applicationNumber).toMatch(/^\d{8}-\d{6,}$/);

  // 登録料のお支払い: the card on the provider's hosted page, which the portal asked for in English.
  await page.getByRole("link", { name: w("登録料のお支払いへ進む") }).click();
  await expect(page).toHaveURL(/\/payment$/);
  await checkPage(page, "登録料のお支払い", w("登録料のお支払い", "payment.page"));
  await page
    .getByRole("group", { name: new RegExp(escape(w("お支払い方法", "payment.form"))) })
    .getByLabel(w("クレジットカード", "payment.form"), { exact: true })
    .check();
  await page.getByRole("button", { name: w("お支払い手続きへ進む") }).click();
  await expect(page).toHaveURL(/\/sandbox\/checkout\//);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pay by card");
  expect.soft(await japaneseLeftIn(page, "en"), "sandbox card page: Japanese left").toEqual([]);
  await expectNoAxeViolations(page, "sandbox card page (en)");
  // A card number that fails its check digit: the sandbox's own message, in English.
  const cardNumber = page.getByLabel("Card number", { exact: true });
  await cardNumber.fill("4242 4242 4242 4241");
  await page.getByLabel("Expiry date (MM/YY)", { exact: true }).fill("12/34");
  await page.getByLabel("Security code", { exact: true }).fill("123");
  await page.getByLabel("Name on card", { exact: true }).fill("HANAKO KENSETSU");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(cardNumber).toHaveAccessibleDescription(
    /The card number is not valid\. Check the number on the card and enter it again\./,
  );
  expect
    .soft(await japaneseLeftIn(page, "en"), "sandbox card page after a wrong number: Japanese left")
    .toEqual([]);
  await expectNoAxeViolations(page, "sandbox card page with an error (en)");
  await cardNumber.fill(TEST_CARDS.success);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/payment\/return/);
  await expect(page.getByRole("heading", { name: w("お支払いが完了しました") })).toBeVisible();
  await checkPage(page, "お支払い結果", w("お支払い結果"));

  // Staff (Japanese) return the application as 不備.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await startAs(staff, "staff");
  await staff.goto("/staff/applications");
  await staff.getByLabel("検索語").fill(applicationNumber);
  await staff.getByLabel("支払状況").selectOption({ label: "すべて" });
  await staff.getByRole("button", { name: "検索する" }).click();
  await staff.getByRole("link", { name: applicationNumber }).click();
  await expect(staff.getByRole("heading", { name: "申請内容の審査", level: 1 })).toBeVisible();
  await staff.getByRole("checkbox", { name: EMPLOYER_REASON }).check();
  await staff.getByLabel(`「${EMPLOYER_REASON}」へのコメント`).fill(EMPLOYER_COMMENT);
  await staff.getByRole("button", { name: "不備", exact: true }).click();
  await expect(staff.getByText("不備として申請者に戻しました")).toBeVisible();
  await staffContext.close();

  // The 通知 in English, 20_申請の修正 from it.
  await page.goto("/menu");
  await menu.getByRole("link", { name: new RegExp(`^${escape(w("通知"))}`) }).click();
  await expect(page).toHaveURL(/\/notices$/);
  await checkPage(page, "通知", w("通知"));
  const returnedTitle = w("技能者情報申請内容不備のお知らせ", "review.noticeText");
  await page
    .getByRole("main")
    .getByRole("link", { name: new RegExp(escape(returnedTitle)) })
    .click();
  await expect(page).toHaveURL(/\/notices\/[^/]+$/);
  await checkPage(page, "通知 (不備)", returnedTitle);
  await expect(page.getByRole("main")).toContainText(EMPLOYER_COMMENT);
  await page.getByRole("link", { name: w("「20_申請の修正」を開く") }).click();
  await expect(page).toHaveURL(/\/correction$/);
  await checkPage(page, "20_申請の修正", w("20_申請の修正"));
  await expect(page.getByRole("main")).toContainText(EMPLOYER_COMMENT);

  // Correct, check, apply again.
  await page
    .getByRole("main")
    .getByRole("link", {
      name: w("{group}を修正する", "review.correction", {
        group: w("所属事業者情報", "review.check.groups"),
      }),
    })
    .click();
  await expect(page).toHaveURL(/\/registration\/content\/employer\?return=correction$/);
  await page.getByLabel(w("事業者名"), { exact: true }).fill("株式会社 建設工業 東京支店");
  await checkPage(page, "所属事業者情報 (correction)");
  await page.getByRole("button", { name: w("次へ") }).click();
  await expect(page).toHaveURL(/\/correction$/);
  await page.getByRole("link", { name: w("申請内容の確認へ進む", "review.correction") }).click();
  await expect(page).toHaveURL(/\/registration\/confirm$/);
  await expect(page.getByRole("main")).toContainText("株式会社 建設工業 東京支店");
  await checkPage(page, "申請内容送信 (correction)", w("申請内容送信"));
  await page.getByRole("button", { name: w("再申請する") }).click();
  await expect(page).toHaveURL(/\/registration\/complete$/);
  await expect(page.getByRole("main")).toContainText(w("再申請を受け付けました"));
  await checkPage(page, "申請完了 (再申請)", w("申請完了"));
});
