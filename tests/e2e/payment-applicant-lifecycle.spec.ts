// 登録料のお支払い over time and against mistakes (issue 12), each test from a 申請中 scenario whose
// fee is unpaid: the 支払期限 passes (the kit's server clock) and a method is chosen again; paying
// twice is refused (two tabs; a card after a コンビニ code cancels the code); 取下げ refunds a paid fee.
import { expect, test } from "@playwright/test";
import {
  LoginPage,
  MenuPage,
  PaymentPage,
  PaymentReturnPage,
  WithdrawPage,
} from "../../packages/playwright-kit/src/index";
import { expectNoAxeViolations } from "./fixtures/axe";
import { setClock } from "./fixtures/kit";
import {
  PAYMENT_MAIL_SUBJECTS,
  TEST_CARDS,
  lookUpAtSandboxStore,
  payByCard,
  payOnSandboxCardPage,
  summaryValue,
  unpaidApplicant,
  waitForMail,
} from "./fixtures/payment";

const DAY_SECONDS = 24 * 60 * 60;

test("支払期限 passes: 期限切れ on the page and the menu, then choosing again sets a new deadline", async ({
  page,
  request,
}) => {
  const applicant = await unpaidApplicant(page);
  const payment = new PaymentPage(page);
  await payment.goto();
  const firstDeadline = (await summaryValue(payment.main, "支払期限").textContent())!;
  await payment.payByKonbini("ローソン");
  await expect(summaryValue(payment.main, "受付番号")).toHaveText(/^\d+$/);

  // Past the deadline (14 days by default, at the end of the Japanese day): the session has run out
  // on the moved clock as well, so sign in again.
  await setClock(request, { offsetSeconds: 16 * DAY_SECONDS }, applicant.ns);
  const login = new LoginPage(page);
  await login.goto();
  await login.login(applicant.loginId, applicant.password!);
  const menu = new MenuPage(page);
  await menu.expectLoaded();
  await expect(summaryValue(menu.main, "支払状況")).toHaveText("期限切れ");
  await menu.paymentLink.click();

  await payment.expectLoaded();
  await expect(summaryValue(payment.main, "支払状況")).toHaveText("期限切れ");
  await expect(payment.main.getByRole("heading", { name: "支払期限を過ぎました" })).toBeVisible();
  await expect(payment.main.getByRole("heading", { name: /コンビニでのお支払い/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "登録料のお支払い (expired)");

  await payment.payByKonbini("ファミリーマート");
  await expect(page.getByRole("heading", { name: "コンビニでのお支払い（ファミリーマート）" })).toBeVisible();
  await expect(summaryValue(payment.main, "支払状況")).toHaveText("支払待ち");
  const secondDeadline = (await summaryValue(payment.main, "支払期限").textContent())!;
  expect(secondDeadline).not.toBe(firstDeadline);
  const code = (await summaryValue(payment.main, "受付番号").textContent())!.trim();
  await waitForMail(request, applicant.email, PAYMENT_MAIL_SUBJECTS.codeIssued, [code, "ファミリーマート"]);
});

test("paying twice is refused: a stale second tab cannot start another payment after the first paid", async ({
  page,
}) => {
  await unpaidApplicant(page);
  const first = new PaymentPage(page);
  await first.goto();
  const secondTab = await page.context().newPage();
  const second = new PaymentPage(secondTab);
  await second.goto();

  await first.method("クレジットカード").check();
  await first.submit.click();
  await payOnSandboxCardPage(page, TEST_CARDS.success);
  await expect(summaryValue(new PaymentReturnPage(page).main, "支払状況")).toHaveText("支払済み");

  // The second tab still shows the form from before the payment.
  await second.payByKonbini("ローソン");
  // (Scoped to the page's own alerts: Next's route announcer is an empty role=alert too.)
  await expect(
    second.main.getByRole("alert").filter({ hasText: "登録料はすでにお支払い済みです。" }),
  ).toBeVisible();
  await expect(second.method("コンビニ払い")).toBeChecked();
  await secondTab.reload();
  await expect(summaryValue(second.main, "支払状況")).toHaveText("支払済み");
  await expect(summaryValue(second.main, "お支払い方法")).toHaveText("クレジットカード");
  await expect(secondTab.getByRole("heading", { name: /コンビニでのお支払い/ })).toHaveCount(0);
});

test("a card after a コンビニ code: the card pays and the code is cancelled at the store", async ({
  page,
}) => {
  await unpaidApplicant(page);
  const payment = new PaymentPage(page);
  await payment.goto();
  await payment.payByKonbini("ローソン");
  const code = (await summaryValue(payment.main, "受付番号").textContent())!.trim();
  const confirmation = (await summaryValue(payment.main, "確認番号").textContent())!.trim();

  await payment.method("クレジットカード").check();
  await payment.submit.click();
  await payOnSandboxCardPage(page, TEST_CARDS.success);
  await expect(summaryValue(new PaymentReturnPage(page).main, "支払状況")).toHaveText("支払済み");

  // The superseded code can no longer be paid.
  const store = await page.context().newPage();
  await lookUpAtSandboxStore(store, code, confirmation);
  await expect(store.getByRole("main")).toContainText("この番号のお支払いは取り消されています");
  await expect(store.getByRole("button", { name: "支払う", exact: true })).toHaveCount(0);
});

test("取下げ of a paid application: confirmation, 取下げ, the fee 返金済み, email and 通知, no more payment", async ({
  page,
  request,
}) => {
  const applicant = await unpaidApplicant(page);
  await payByCard(page, TEST_CARDS.success);
  await expect(summaryValue(new PaymentReturnPage(page).main, "支払状況")).toHaveText("支払済み");

  const menu = new MenuPage(page);
  await menu.goto();
  await menu.withdrawLink.click();
  const withdraw = new WithdrawPage(page);
  await withdraw.expectLoaded();
  await expectNoAxeViolations(page, "申請の取下げ");

  // Too long a reason: the message beside the field and in the summary, the text kept.
  await withdraw.reason.fill("あ".repeat(501));
  await withdraw.toConfirm.click();
  await expect(page.getByRole("alert").getByRole("link", { name: /500文字以内/ })).toBeVisible();
  await expect(withdraw.reason).toHaveValue("あ".repeat(501));
  await expectNoAxeViolations(page, "申請の取下げ (reason too long)");

  await withdraw.reason.fill("別の事業者経由で申請するため");
  await withdraw.toConfirm.click();
  await expect(page.getByRole("heading", { name: "取下げの確認" })).toBeVisible();
  await expect(withdraw.main).toContainText("2,500円 は、お支払いに使った方法で返金します");
  await expect(withdraw.main).toContainText("別の事業者経由で申請するため");
  await expectNoAxeViolations(page, "申請の取下げ (confirm)");
  await withdraw.withdraw.click();

  await expect(withdraw.main.getByRole("heading", { name: "申請を取り下げました" })).toBeVisible();
  await expect(summaryValue(withdraw.main, "申請状況")).toHaveText("取下げ");
  await expect(summaryValue(withdraw.main, "支払状況")).toHaveText("返金済み");
  await expectNoAxeViolations(page, "申請の取下げ (done)");

  await menu.goto();
  await expect(summaryValue(menu.main, "申請状況")).toHaveText("取下げ");
  await expect(menu.paymentLink).toHaveCount(0);
  await expect(menu.withdrawLink).toHaveCount(0);

  await waitForMail(request, applicant.email, PAYMENT_MAIL_SUBJECTS.withdrawn, [
    applicant.applicationNumber!,
  ]);
  await page.goto("/notices");
  await page
    .getByRole("main")
    .getByRole("link", { name: /申請を取り下げました/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "申請を取り下げました" })).toBeVisible();
  await expectNoAxeViolations(page, "通知 (withdrawn)");
});
