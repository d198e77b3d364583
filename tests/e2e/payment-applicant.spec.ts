// 登録料のお支払い as the applicant meets it (issue 12), each test from a 申請中 scenario whose fee
// is unpaid: コンビニ払い (code on the page and in the email, paid at the sandbox's store, status,
// 通知, email and the receipt PDF), card success, a declined card then success, and 3-D Secure.
// The sandbox delivers its webhooks asynchronously: the pages are reloaded until the state shows.
import { expect, test } from "@playwright/test";
import {
  CompletePage,
  MenuPage,
  PaymentPage,
  PaymentReturnPage,
} from "../../packages/playwright-kit/src/index";
import { expectNoAxeViolations } from "./fixtures/axe";
import {
  PAYMENT_MAIL_SUBJECTS,
  TEST_CARDS,
  expectSummaryValueEventually,
  payAtSandboxStore,
  payByCard,
  payOnSandboxCardPage,
  receiptText,
  summaryValue,
  unpaidApplicant,
  waitForMail,
} from "./fixtures/payment";

test("コンビニ払い: the code is shown and emailed, paid at the store, then 支払済み everywhere with a receipt", async ({
  page,
  request,
}) => {
  const applicant = await unpaidApplicant(page);
  const menu = new MenuPage(page);
  await expect(summaryValue(menu.main, "支払状況")).toHaveText("支払待ち");
  await menu.paymentLink.click();

  const payment = new PaymentPage(page);
  await payment.expectLoaded();
  const main = payment.main;
  await expect(summaryValue(main, "申請番号")).toHaveText(applicant.applicationNumber!);
  await expect(summaryValue(main, "金額")).toHaveText("2,500円（税込）");
  await expect(summaryValue(main, "支払期限")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 23:59（日本時間）$/);
  await expect(summaryValue(main, "支払状況")).toHaveText("支払待ち");
  await expectNoAxeViolations(page, "登録料のお支払い (unpaid)");

  // コンビニ払い without a chain: the error beside the select and in the summary, choice kept.
  await payment.method("コンビニ払い").check();
  await payment.submit.click();
  await expect(page.getByRole("alert").getByRole("link", { name: /コンビニを選んでください/ })).toBeVisible();
  await expect(payment.method("コンビニ払い")).toBeChecked();
  await expectNoAxeViolations(page, "登録料のお支払い (no chain chosen)");

  await payment.payByKonbini("ローソン");
  await expect(page.getByRole("heading", { name: "コンビニでのお支払い（ローソン）" })).toBeVisible();
  const code = (await summaryValue(main, "受付番号").textContent())!.trim();
  const confirmation = (await summaryValue(main, "確認番号").textContent())!.trim();
  expect(code).toMatch(/^\d+$/);
  expect(confirmation).toMatch(/^\d+$/);
  await expect(summaryValue(main, "お支払い金額")).toHaveText("2,500円（税込）");
  await expect(main.getByRole("listitem").filter({ hasText: "Loppi" }).first()).toBeVisible();
  await expectNoAxeViolations(page, "登録料のお支払い (konbini code)");

  const codeMail = await waitForMail(request, applicant.email, PAYMENT_MAIL_SUBJECTS.codeIssued, [
    code,
    confirmation,
  ]);
  expect(codeMail.Text).toContain("ローソン");
  expect(codeMail.Text).toContain("2,500円");

  const store = await page.context().newPage();
  await payAtSandboxStore(store, code, confirmation);
  await store.close();

  await expectSummaryValueEventually(page, "支払状況", "支払済み");
  await expect(main.getByRole("heading", { name: "お支払いが完了しました" })).toBeVisible();
  await expect(summaryValue(main, "お支払い方法")).toHaveText("コンビニ払い（ローソン）");
  await expect(payment.submit).toHaveCount(0);
  await expectNoAxeViolations(page, "登録料のお支払い (paid)");

  const downloadPromise = page.waitForEvent("download");
  await payment.receiptLink.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`receipt-${applicant.applicationNumber}.pdf`);
  const text = await receiptText(download);
  for (const expected of [
    "領収書",
    `${applicant.name!.replace(/\s+/g, "")}様`,
    "¥2,500（税込）",
    "コンビニ払い（ローソン）",
    applicant.applicationNumber!,
    "一般財団法人建設業振興基金",
  ]) {
    expect(text).toContain(expected);
  }

  await menu.goto();
  await expect(summaryValue(menu.main, "支払状況")).toHaveText("支払済み");
  await expect(menu.paymentLink).toHaveCount(0);

  await page.goto("/notices");
  const notices = page.getByRole("main");
  await expect(notices.getByRole("link", { name: /登録料のお支払い番号を発行しました/ })).toBeVisible();
  await notices.getByRole("link", { name: /登録料のお支払いを確認しました/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "登録料のお支払いを確認しました" })).toBeVisible();
  await expectNoAxeViolations(page, "通知 (payment completed)");
  await page.getByRole("link", { name: "「登録料のお支払い」を開く" }).click();
  await payment.expectLoaded();
  await waitForMail(request, applicant.email, PAYMENT_MAIL_SUBJECTS.completed, [
    applicant.applicationNumber!,
  ]);
});

test("クレジットカード: the provider's card page takes 4242…, the return page says 支払済み", async ({
  page,
}) => {
  const applicant = await unpaidApplicant(page);
  // No receipt before the fee is paid: the same 404 as for anything else.
  const early = await page.request.get("/payment/receipt", { maxRedirects: 0 });
  expect(early.status()).toBe(404);
  const payment = new PaymentPage(page);
  await payByCard(page, TEST_CARDS.success);

  const result = new PaymentReturnPage(page);
  await result.expectLoaded();
  await expect(result.main.getByRole("heading", { name: "お支払いが完了しました" })).toBeVisible();
  await expect(summaryValue(result.main, "支払状況")).toHaveText("支払済み");
  await expect(summaryValue(result.main, "お支払い方法")).toHaveText("クレジットカード");
  await expectNoAxeViolations(page, "お支払い結果 (paid)");

  await payment.goto();
  await expect(summaryValue(payment.main, "支払状況")).toHaveText("支払済み");
  await expect(payment.receiptLink).toBeVisible();
  const receipt = await page.request.get("/payment/receipt", { maxRedirects: 0 });
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()).toMatchObject({
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="receipt-${applicant.applicationNumber}.pdf"`,
    "cache-control": "private, no-store",
  });
  // Without a session the receipt is not served: the request ends at the login page.
  const anonymous = await page.context().browser()!.newContext();
  const signedOut = await anonymous.request.get(`${new URL(page.url()).origin}/payment/receipt`);
  expect(new URL(signedOut.url()).pathname).toBe("/login");
  await anonymous.close();
});

test("a declined card gets the provider's reason in Japanese, then another card pays", async ({ page }) => {
  await unpaidApplicant(page);
  const payment = new PaymentPage(page);
  await payByCard(page, TEST_CARDS.declined);

  // The provider's page says why and lets the payer try again with another card.
  const reason = "カード会社がこのカードでのお支払いを承認しませんでした。";
  await expect(page.getByRole("alert").filter({ hasText: "お支払いできませんでした" })).toContainText(reason);
  // Leaving the provider's page: our return page asks the provider and shows the same reason.
  await page.getByRole("link", { name: "お支払いをやめて、お申し込みのページに戻る" }).click();
  const result = new PaymentReturnPage(page);
  await result.expectLoaded();
  await expect(
    result.main.getByRole("heading", { name: "カードでのお支払いができませんでした" }),
  ).toBeVisible();
  await expect(result.main).toContainText(reason);
  await expectNoAxeViolations(page, "お支払い結果 (card declined)");
  await result.retry.click();
  // The payment page shows it too, with the way to try again.
  await payment.expectLoaded();
  await expect(
    payment.main.getByRole("heading", { name: "カードでのお支払いができませんでした" }),
  ).toBeVisible();
  await expect(payment.main).toContainText(reason);
  await expect(summaryValue(payment.main, "支払状況")).toHaveText("支払待ち");
  await expectNoAxeViolations(page, "登録料のお支払い (card declined)");

  await payment.method("クレジットカード").check();
  await payment.submit.click();
  await payOnSandboxCardPage(page, TEST_CARDS.success);
  await result.expectLoaded();
  await expect(summaryValue(result.main, "支払状況")).toHaveText("支払済み");
});

test("3-D Secure: the challenge page, 認証する, then 支払済み", async ({ page }) => {
  await unpaidApplicant(page);
  await payByCard(page, TEST_CARDS.threeDSecure);
  await expect(page).toHaveURL(/\/sandbox\/checkout\/[^/]+\/challenge/);
  await page.getByRole("button", { name: "認証する", exact: true }).click();

  const result = new PaymentReturnPage(page);
  await result.expectLoaded();
  await expect(summaryValue(result.main, "支払状況")).toHaveText("支払済み");
});

test("申請する leads to 登録料のお支払い from the completion page", async ({ page }) => {
  await unpaidApplicant(page);
  const complete = new CompletePage(page);
  await complete.goto();
  await expect(summaryValue(complete.main, "支払状況")).toHaveText("支払待ち");
  await expectNoAxeViolations(page, "申請完了 (fee unpaid)");
  await expect(complete.main.getByRole("link", { name: "申請の取下げ", exact: true })).toBeVisible();
  await complete.toPayment.click();
  await new PaymentPage(page).expectLoaded();
});
