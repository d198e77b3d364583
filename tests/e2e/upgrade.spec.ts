// 詳細型への移行 end to end (issue 12): a completed 簡略型 registration (kit persona `approved`)
// finds 「詳細型への移行」 in the menu, starts the move, fills the six 詳細型 pages (the wizard's own
// pages, which come back to the move's task list; the 簡略型 pages stay closed), checks the whole
// application on the check page, sends it (申請する), pays 2,400円 by card in the sandbox, and is
// approved by staff: the menu then says 詳細型登録 with the same 技能者ID.
import { expect, test, type Page } from "@playwright/test";
import {
  ConfirmPage,
  MenuPage,
  PaymentPage,
  PaymentReturnPage,
  UpgradePage,
} from "../../packages/playwright-kit/src/index";
import { expectNoAxeViolations } from "./fixtures/axe";
import { startAs, testNs } from "./fixtures/kit";
import { TEST_CARDS, payByCard, summaryValue } from "./fixtures/payment";

/** 次へ on a 詳細型 page opened from the move's task list: back there with the group done. */
async function nextToTaskList(page: Page, label: string) {
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveURL(/\/upgrade$/);
  const upgrade = new UpgradePage(page);
  await expect(upgrade.main.getByRole("listitem").filter({ hasText: label })).toContainText("入力済み");
}

async function fillSixGroups(page: Page) {
  const upgrade = new UpgradePage(page);
  await upgrade.group("学歴").click();
  await expect(page.getByRole("heading", { name: "学歴", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "学歴を追加" }).click();
  await page.getByLabel("区分（1件目）").selectOption("高等学校");
  await page.getByLabel("学校名（1件目）").fill("都立 建設高等学校");
  await page.getByLabel("卒業年月（1件目）").fill("2007-03");
  await nextToTaskList(page, "学歴");

  await upgrade.group("労災保険特別加入").click();
  await page.getByLabel("加入していない").check();
  await nextToTaskList(page, "労災保険特別加入");

  await upgrade.group("健康診断受診履歴").click();
  await page.getByRole("button", { name: "健康診断を追加" }).click();
  await page.getByLabel("受診日（1件目）").fill("2026-04-10");
  await page.getByLabel("種類（1件目）").selectOption("定期健康診断");
  await nextToTaskList(page, "健康診断受診履歴");

  await upgrade.group("保有資格（登録基幹技能者を含む）").click();
  await page.getByRole("button", { name: "保有資格を追加" }).click();
  await page.getByLabel("資格名（1件目）").fill("玉掛け技能講習");
  await page.getByLabel("取得年月日（1件目）").fill("2015-06-01");
  await nextToTaskList(page, "保有資格（登録基幹技能者を含む）");

  for (const label of ["研修受講履歴", "表彰履歴"]) {
    await upgrade.group(label).click();
    await nextToTaskList(page, label);
  }
}

test("詳細型への移行: menu → 移行を始める → six pages → check page → 申請する → pay 2,400円 → 承認 → 詳細型, same 技能者ID", async ({
  page,
  browser,
}) => {
  const ns = testNs();
  const applicant = await startAs(page, "approved", { ns });
  const technicianId = applicant.technicianId!;
  expect(technicianId).toMatch(/^\d{12}21$/);

  const menu = new MenuPage(page);
  await expect(summaryValue(menu.main, "登録方式")).toHaveText("簡略型登録");
  await expect(summaryValue(menu.main, "技能者ID")).toHaveText(technicianId);
  await menu.upgradeLink.click();

  const upgrade = new UpgradePage(page);
  await upgrade.expectLoaded();
  await expect(summaryValue(upgrade.main, "移行の手数料")).toHaveText("2,400円（税込）");
  await expect(summaryValue(upgrade.main, "技能者ID")).toHaveText(technicianId);
  await expectNoAxeViolations(page, "詳細型への移行 (before the start)");
  // Before 移行を始める the 詳細型 pages stay closed (登録完了: the completion page).
  await page.goto("/registration/content/education");
  await expect(page).toHaveURL(/\/registration\/complete$/);
  await upgrade.goto();
  await upgrade.start.click();
  await expect(upgrade.group("学歴")).toBeVisible();
  await expect(upgrade.toConfirm).toHaveCount(0);
  await expectNoAxeViolations(page, "詳細型への移行 (task list)");

  // The approved 簡略型 groups stay as they are: their pages lead back to the move.
  await page.goto("/registration/content/personal-info");
  await expect(page).toHaveURL(/\/upgrade$/);
  await page.goto("/registration/content");
  await expect(page).toHaveURL(/\/upgrade$/);

  await fillSixGroups(page);
  await upgrade.toConfirm.click();

  const confirm = new ConfirmPage(page);
  await confirm.expectLoaded();
  await expect(summaryValue(confirm.main, "登録方式")).toHaveText("詳細型登録（簡略型登録からの移行）");
  await expect(summaryValue(confirm.main, "移行の手数料")).toHaveText("2,400円（税込）");
  await expect(page.getByRole("region", { name: "学歴" })).toContainText("都立 建設高等学校");
  await expect(page.getByRole("region", { name: "本人情報" })).toBeVisible();
  // 変更 on the 詳細型 answers only.
  await expect(confirm.change("学校名（1件目）")).toBeVisible();
  await expect(page.getByRole("region", { name: "本人情報" }).getByRole("link")).toHaveCount(0);
  await expect(confirm.change("登録方式")).toHaveCount(0);
  await expectNoAxeViolations(page, "申請内容送信 (詳細型への移行)");
  await confirm.submit.click();

  await expect(page).toHaveURL(/\/registration\/complete$/);
  await expect(page.getByRole("heading", { name: "申請を受け付けました" })).toBeVisible();
  await expect(summaryValue(page.getByRole("main"), "申請番号").first()).toHaveText(
    applicant.applicationNumber!,
  );
  await page.getByRole("link", { name: "登録料のお支払いへ進む" }).click();

  const payment = new PaymentPage(page);
  await payment.expectLoaded();
  await expect(summaryValue(payment.main, "金額")).toHaveText("2,400円（税込）");
  await expect(summaryValue(payment.main, "申請番号")).toHaveText(applicant.applicationNumber!);
  await payByCard(page, TEST_CARDS.success);
  const result = new PaymentReturnPage(page);
  await result.expectLoaded();
  await expect(summaryValue(result.main, "支払状況")).toHaveText("支払済み");

  // Staff review as usual (paid: in the default 申請一覧) and approve.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await startAs(staff, "staff", { ns });
  await staff.goto("/staff/applications");
  await staff.getByLabel("検索語").fill(applicant.applicationNumber!);
  await staff.getByRole("button", { name: "検索する" }).click();
  await staff.getByRole("link", { name: applicant.applicationNumber! }).click();
  await expect(staff.getByRole("heading", { name: "申請内容の審査", level: 1 })).toBeVisible();
  await expect(staff.getByRole("heading", { name: "申請内容（第2版）" })).toBeVisible();
  await staff.getByRole("button", { name: "承認" }).click();
  await expect(staff.getByText("承認しました")).toBeVisible();
  await staffContext.close();

  await menu.goto();
  await expect(summaryValue(menu.main, "登録方式")).toHaveText("詳細型登録");
  await expect(summaryValue(menu.main, "技能者ID")).toHaveText(technicianId);
  await expect(summaryValue(menu.main, "申請状況")).toHaveText("登録完了");
  await expect(menu.upgradeLink).toHaveCount(0);
  await upgrade.goto();
  await expect(upgrade.main.getByText("この登録は詳細型です。")).toBeVisible();
  await expect(upgrade.start).toHaveCount(0);
});
