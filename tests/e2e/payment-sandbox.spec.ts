// The payment sandbox's own pages (issue 12), as a payer meets them: the hosted card page (a
// decline in Japanese beside the field, input kept, another try), the 3-D Secure page (認証しない
// then 認証する), and the store page (a konbini code paid once). The payments are started from
// 登録料のお支払い of an applicant whose fee is unpaid; the applicant's side of the story is in
// payment-applicant.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { PaymentPage } from "../../packages/playwright-kit/src/index";
import { expectNoAxeViolations } from "./fixtures/axe";
import { startAs, testNs } from "./fixtures/kit";

const BANNER = "テスト用の決済画面（サンドボックス）";

async function toCardPage(page: Page) {
  await startAs(page, "submitted", { payment: "unpaid", ns: testNs() });
  const payment = new PaymentPage(page);
  await payment.goto();
  await payment.method("クレジットカード").check();
  await payment.submit.click();
  await expect(page).toHaveURL(/\/sandbox\/checkout\/sbpi_[A-Za-z0-9]{24}$/);
  await expect(page.getByRole("heading", { level: 1, name: "カードでのお支払い" })).toBeVisible();
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const storeSummary = (page: Page) =>
  page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
const summary = (page: Page) => page.getByRole("alert").filter({ hasText: "お支払いできませんでした" });

async function typeCard(page: Page, number: string, expiry = "12/34") {
  await field(page, "カード番号").fill(number);
  await field(page, "有効期限（MM/YY）").fill(expiry);
  await field(page, "セキュリティコード").fill("123");
  await field(page, "カード名義").fill("TARO KENSETSU");
  await page.getByRole("button", { name: "支払う", exact: true }).click();
}

test("card page: marked as a test, checks the fields, declines in Japanese and keeps the input, then pays", async ({
  page,
}) => {
  await toCardPage(page);
  await expect(page.getByRole("heading", { name: BANNER })).toBeVisible();
  await expect(page.getByRole("region", { name: "テスト用のカード番号と結果" })).toContainText(
    "4242 4242 4242 4242",
  );
  await expect(page.getByRole("main")).toContainText("2,500円");
  await expectNoAxeViolations(page, "sandbox card page");

  // Nothing typed: each field says what is missing.
  await page.getByRole("button", { name: "支払う", exact: true }).click();
  await expect(summary(page).getByRole("link", { name: "カード番号を入力してください。" })).toBeVisible();
  await expect(summary(page).getByRole("link", { name: "有効期限を入力してください。" })).toBeVisible();
  await expect(
    summary(page).getByRole("link", { name: "セキュリティコードを入力してください。" }),
  ).toBeVisible();
  await expect(summary(page).getByRole("link", { name: "カード名義を入力してください。" })).toBeVisible();
  await expectNoAxeViolations(page, "sandbox card page (empty)");

  // card_declined: beside カード番号 and in the summary; what was typed stays.
  await typeCard(page, "4000 0000 0000 0002");
  const declined = "カード会社がこのカードでのお支払いを承認しませんでした";
  await expect(summary(page)).toContainText(declined);
  await expect(page.locator("#cardNumber-error")).toContainText(declined);
  await expect(field(page, "カード番号")).toHaveValue("4000 0000 0000 0002");
  await expect(field(page, "カード名義")).toHaveValue("TARO KENSETSU");
  await expectNoAxeViolations(page, "sandbox card page (declined)");

  // expired_card: beside 有効期限.
  await typeCard(page, "4000 0000 0000 0069");
  await expect(page.locator("#expiry-error")).toContainText("カードの有効期限が切れています");

  // insufficient_funds.
  await typeCard(page, "4000 0000 0000 9995");
  await expect(page.locator("#cardNumber-error")).toContainText("ご利用可能額が不足しているため");

  // A past expiry is refused before anything is sent.
  await typeCard(page, "4242 4242 4242 4242", "01/20");
  await expect(page.locator("#expiry-error")).toContainText("有効期限が過ぎています");

  // Another try with the success card: back to the merchant with ?payment=<our reference>.
  await typeCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(/\/payment\/return\?payment=[^&]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "お支払い結果" })).toBeVisible();
});

test("3-D Secure: 認証しない returns to the card page with the reason, 認証する pays", async ({ page }) => {
  await toCardPage(page);
  const checkoutUrl = page.url();
  await typeCard(page, "4000 0000 0000 3220");
  await expect(page).toHaveURL(/\/sandbox\/checkout\/sbpi_[A-Za-z0-9]{24}\/challenge$/);
  await expect(page.getByRole("heading", { level: 1, name: "本人認証（3Dセキュア）" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("末尾 3220");
  await expectNoAxeViolations(page, "sandbox 3-D Secure page");

  await page.getByRole("button", { name: "認証しない", exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/checkout\/sbpi_[A-Za-z0-9]{24}\?error=authentication_failed$/);
  await expect(summary(page)).toContainText("本人認証（3Dセキュア）ができなかったため");
  await expect(page.locator("#cardNumber-error")).toContainText("本人認証（3Dセキュア）ができなかったため");
  await expectNoAxeViolations(page, "sandbox card page (3-D Secure refused)");

  await typeCard(page, "4000 0000 0000 3220");
  await page.getByRole("button", { name: "認証する", exact: true }).click();
  await expect(page).toHaveURL(/\/payment\/return\?payment=[^&]+$/);

  // The paid payment's card page says so instead of taking another card.
  await page.goto(checkoutUrl);
  await expect(page.getByRole("heading", { name: "このお支払いは完了しています" })).toBeVisible();
  await expect(field(page, "カード番号")).toHaveCount(0);
});

test("store page: a konbini code is looked up, paid once, and refused with a wrong 確認番号", async ({
  page,
}) => {
  await startAs(page, "submitted", { payment: "unpaid", ns: testNs() });
  const payment = new PaymentPage(page);
  await payment.goto();
  await payment.payByKonbini("ファミリーマート");
  const main = page.getByRole("main");
  const valueOf = (term: string) =>
    main
      .locator("dt")
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator("xpath=following-sibling::dd[1]");
  const code = (await valueOf("受付番号").textContent())!.trim();
  const confirmation = (await valueOf("確認番号").textContent())!.trim();
  expect(code).toMatch(/^\d{12}$/);
  expect(confirmation).toMatch(/^\d{5}$/);

  const store = await page.context().newPage();
  await store.goto("/sandbox/store");
  await expect(store.getByRole("heading", { level: 1, name: "サンドボックスのコンビニ店頭" })).toBeVisible();
  await expect(store.getByRole("heading", { name: BANNER })).toBeVisible();
  await expectNoAxeViolations(store, "sandbox store");

  await field(store, "受付番号・払込票番号").fill(code);
  await field(store, "確認番号").fill(confirmation === "00000" ? "11111" : "00000");
  await store.getByRole("button", { name: "確認する", exact: true }).click();
  await expect(store.locator("#confirmationNumber-error")).toContainText("確認番号が正しくありません");
  await expect(storeSummary(store)).toContainText("確認番号が正しくありません");
  await expectNoAxeViolations(store, "sandbox store (wrong 確認番号)");

  await field(store, "確認番号").fill(confirmation);
  await store.getByRole("button", { name: "確認する", exact: true }).click();
  await expect(store.getByRole("heading", { name: "お支払い内容" })).toBeVisible();
  await expect(store.getByRole("main")).toContainText("ファミリーマート");
  await expect(store.getByRole("main")).toContainText("2,500円");
  await expectNoAxeViolations(store, "sandbox store (found)");
  await store.getByRole("button", { name: "支払う", exact: true }).click();
  await expect(store.getByRole("heading", { name: "支払いが完了しました" })).toBeVisible();
  await expectNoAxeViolations(store, "sandbox store (paid)");

  // The same code again: already paid.
  await store.goto("/sandbox/store");
  await field(store, "受付番号・払込票番号").fill(code);
  await field(store, "確認番号").fill(confirmation);
  await store.getByRole("button", { name: "確認する", exact: true }).click();
  await expect(storeSummary(store)).toContainText("この番号のお支払いはすでに完了しています");
});

test("unknown or malformed payment ids answer the ordinary 404 page, never a 500", async ({ page }) => {
  for (const path of [
    "/sandbox/checkout/nonsense",
    "/sandbox/checkout/sbpi_AAAAAAAAAAAAAAAAAAAAAAAA",
    "/sandbox/checkout/sbpi_AAAAAAAAAAAAAAAAAAAAAAAA/challenge",
    "/sandbox/checkout/%E3%81%82",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
