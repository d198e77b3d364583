// The rows of a 詳細型 page with JavaScript (the same without it is in registration-wizard.spec.ts):
// a row removed from the middle takes only itself away, the browser's messages stay with their
// rows, the new row's first field gets the focus; and rows typed while the server cannot be
// reached come back from the tab's copy after a reload.
import { expect, test, type Page, type Route } from "@playwright/test";
import { startAs } from "./fixtures/kit";
import { chooseRegistrationType, expectTaskDone, next, taskList } from "./fixtures/wizard";

/** A 詳細型 page of a new applicant's application, from the task list. */
async function openDetailedGroup(page: Page, label: string) {
  await startAs(page, "consented");
  await chooseRegistrationType(page, "詳細型登録");
  await taskList(page).getByRole("link", { name: label }).click();
}

test("rows with JavaScript: one removed from the middle, the others keep their answers and messages", async ({
  page,
}) => {
  await openDetailedGroup(page, "学歴");
  const add = page.getByRole("button", { name: "学歴を追加" });
  await add.click();
  await expect(page.getByLabel("区分（1件目）")).toBeFocused();
  await page.getByLabel("区分（1件目）").selectOption("中学校");
  await page.getByLabel("学校名（1件目）").fill("消す中学校");
  await page.getByLabel("卒業年月（1件目）").fill("2004-03");
  await add.click();
  await expect(page.getByLabel("区分（2件目）")).toBeFocused();
  await page.getByLabel("学校名（2件目）").fill("建設高等学校");
  await add.click();
  await page.getByLabel("区分（3件目）").selectOption("大学");
  await page.getByLabel("学校名（3件目）").fill("建設大学");
  await page.getByLabel("卒業年月（3件目）").fill("2011-03");

  // The second row lacks its 区分: refused in the browser, the message beside that row.
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#rows-1-category-error")).toContainText("区分（2件目）を選んでください。");
  await expect(page.locator("#rows-0-category-error")).toHaveCount(0);
  await expect(page).toHaveURL(/\/registration\/content\/education$/);

  await page.getByRole("button", { name: "学歴 1件目を削除" }).click();
  await expect(page.getByRole("status").filter({ hasText: "学歴 1件目を削除しました。" })).toHaveCount(1);
  await expect(add).toBeFocused();
  await expect(page.getByLabel("学校名（1件目）")).toHaveValue("建設高等学校");
  await expect(page.getByLabel("区分（2件目）")).toHaveValue("大学");
  await expect(page.getByLabel("学校名（2件目）")).toHaveValue("建設大学");
  await expect(page.getByLabel("卒業年月（2件目）")).toHaveValue("2011-03");
  await expect(page.getByLabel("学校名（3件目）")).toHaveCount(0);
  // The message moved up with its row; the row below it has none.
  await expect(page.locator("#rows-0-category-error")).toBeVisible();
  await expect(page.locator("#rows-1-category-error")).toHaveCount(0);

  await page.getByLabel("区分（1件目）").selectOption("高等学校");
  await page.getByLabel("卒業年月（1件目）").fill("2007-03");
  await next(page);
  await expectTaskDone(page, "学歴");
  // Stored as shown: the two rows, in this order.
  await taskList(page).getByRole("link", { name: "学歴" }).click();
  await expect(page.getByLabel("学校名（1件目）")).toHaveValue("建設高等学校");
  await expect(page.getByLabel("学校名（2件目）")).toHaveValue("建設大学");
  await expect(page.getByLabel("学校名（3件目）")).toHaveCount(0);
});

test("rows typed while the server cannot be reached come back from the tab after a reload", async ({
  page,
}) => {
  await openDetailedGroup(page, "研修受講履歴");
  await expect(page).toHaveURL(/\/registration\/content\/trainings$/);

  // Every background save fails: only the tab's copy holds the rows.
  const blockPosts = (route: Route) =>
    route.request().method() === "POST" ? route.abort() : route.continue();
  await page.route("**/registration/content/trainings", blockPosts);
  const add = page.getByRole("button", { name: "研修を追加" });
  await add.click();
  await add.click();
  await page.getByLabel("研修名（1件目）").fill("職長教育");
  await page.getByLabel("研修名（2件目）").fill("足場の特別教育");
  await page.getByRole("button", { name: "研修 1件目を削除" }).click();
  await expect(page.getByLabel("研修名（2件目）")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("研修名（1件目）")).toHaveValue("足場の特別教育");
  await expect(page.getByLabel("研修名（2件目）")).toHaveCount(0);

  // Once the server answers again the rows are saved in the background: a new tab sees them.
  await page.unroute("**/registration/content/trainings", blockPosts);
  await page.getByLabel("研修名（1件目）").fill("足場の組立て等特別教育");
  await expect(page.getByText("入力内容を自動保存しました")).toBeVisible({ timeout: 10_000 });
  const other = await page.context().newPage();
  await other.goto("/registration/content/trainings");
  await expect(other.getByLabel("研修名（1件目）")).toHaveValue("足場の組立て等特別教育");
  await expect(other.getByLabel("研修名（2件目）")).toHaveCount(0);
  await other.close();
});
