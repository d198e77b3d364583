// The whole registration wizard from the menu of an active applicant (a scenario) to a 申請番号
// and the receipt email: 簡略型 on a 320-px-wide screen, 詳細型 with every group; 変更 on the check page; one
// application however often 申請する is pressed; resuming after logging out; another applicant
// kept out; step 3 without JavaScript.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { query } from "./fixtures/db";
import { cardImage, facePhotoImage } from "./fixtures/images";
import { logIn } from "./fixtures/journey";
import { startAs } from "./fixtures/kit";
import { extractField, listEmails, waitForEmail } from "./fixtures/mailbox";
import {
  chooseRegistrationType,
  expectTaskDone,
  fillEmployer,
  fillFacePhoto,
  fillIdentityDocument,
  fillJobTypes,
  fillPersonalInfo,
  fillSocialInsurance,
  next,
  taskList,
} from "./fixtures/wizard";

const RECEIPT_SUBJECT = "技能者情報登録申請受付のお知らせ";

// A whole wizard is some twenty pages, each checked with axe: more than the default two minutes.
test.describe.configure({ timeout: 300_000 });

/**
 * A menu link; on a narrow screen the menu is opened first (メニューを開く). Until the page is
 * hydrated the menu is open and the hamburger hidden; hydration then collapses it, also between
 * seeing the link and clicking it, so the click itself is retried (opening the menu again) rather
 * than made once after the link was seen.
 */
async function openFromMenu(page: Page, name: string) {
  const toggle = page.getByRole("button", { name: "メニューを開く" });
  const link = page.getByRole("link", { name });
  await expect(async () => {
    if (!(await link.isVisible()) && (await toggle.isVisible())) await toggle.click();
    await link.click({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** 10_登録申請 from the menu: the notice, はい, then both consents. */
async function startRegistration(page: Page) {
  await openFromMenu(page, "10_登録申請");
  await expect(page.getByRole("heading", { name: "登録方式についての注意事項", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "登録方式についての注意事項");
  await page.getByRole("button", { name: "はい" }).click();
  for (const heading of ["個人情報の取り扱い等同意", "システム利用規約同意"]) {
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading.slice(0, 4));
    await expectNoAxeViolations(page, heading);
    await page.getByLabel("確認しました").check();
    await page.getByRole("button", { name: "同意する" }).click();
  }
  await expect(page).toHaveURL(/\/registration\/content$/);
  await expectNoAxeViolations(page, "登録方式の選択");
}

/** Every 簡略型 group, page by page, each checked with axe before 次へ. */
async function fillSimpleGroups(page: Page, email: string) {
  const steps: [string, () => Promise<void>][] = [
    ["本人情報", () => fillPersonalInfo(page, email)],
    ["本人確認書類", () => fillIdentityDocument(page, cardImage)],
    ["顔写真", () => fillFacePhoto(page, facePhotoImage)],
    ["所属事業者情報", () => fillEmployer(page)],
    ["職種", () => fillJobTypes(page)],
    ["社会保険（健康保険・年金保険・雇用保険）", () => fillSocialInsurance(page, cardImage)],
  ];
  for (const [label, fill] of steps) {
    await fill();
    await expectNoAxeViolations(page, label);
    await next(page);
    await expectTaskDone(page, label);
  }
  await expectTaskDone(page, "中退共");
}

async function applicationOf(loginId: string) {
  const rows = await query<{ id: string; status: string; application_number: string | null }>(
    `SELECT a.id, a.status, a.application_number FROM application a
     JOIN applicant u ON u.id = a.applicant_id WHERE u.login_id = $1`,
    [loginId],
  );
  return rows[0];
}

async function countSent(applicationId: string, email: string) {
  const [submissions] = await query<{ count: string }>(
    "SELECT count(*) FROM application_submission WHERE application_id = $1",
    [applicationId],
  );
  const [emails] = await query<{ count: string }>(
    "SELECT count(*) FROM email_outbox WHERE template = 'application-received' AND to_address = $1",
    [email],
  );
  return { submissions: Number(submissions?.count), emails: Number(emails?.count) };
}

/** On the completion page: the 申請番号 shown, the receipt email with the same number. */
async function expectCompletion(page: Page, email: string, emailsBefore: number) {
  await expect(page).toHaveURL(/\/registration\/complete$/);
  await expect(page.getByRole("heading", { name: "申請完了", level: 1 })).toBeVisible();
  const number = (await page.locator("dt:text-is('申請番号') + dd").textContent())?.trim() ?? "";
  expect(number).toMatch(/^\d{8}-\d{6,}$/);
  await expect(page.locator("dt:text-is('申請状況') + dd")).toHaveText("申請中");
  await expect(page.getByRole("heading", { name: "このあとの流れ" })).toBeVisible();
  await expectNoAxeViolations(page, "申請完了");
  const mail = await waitForEmail({ to: email, subject: RECEIPT_SUBJECT, after: emailsBefore });
  expect(extractField(mail.text, "申請番号")).toBe(number);
  return number;
}

test.describe("on a 320-px-wide screen", () => {
  test.use({ viewport: { width: 320, height: 720 } });

  test("簡略型 from the menu to 申請番号; 変更 returns to the check page; a double click sends once", async ({
    page,
  }) => {
    // Issuance and the first password change are journey.spec.ts; the wizard starts at the menu.
    const applicant = await startAs(page, "active");
    await startRegistration(page);
    await chooseRegistrationType(page, "簡略型登録");
    await expectNoAxeViolations(page, "task list");
    await expect(taskList(page)).not.toContainText("学歴");

    // The check page cannot be opened before every group is done.
    await page.goto("/registration/confirm");
    await expect(page).toHaveURL(/\/registration\/content$/);

    await fillSimpleGroups(page, applicant.email);
    await page.getByRole("link", { name: "申請内容の確認へ進む" }).click();
    await expect(page).toHaveURL(/\/registration\/confirm$/);
    await expect(page.getByRole("heading", { name: "申請内容送信", level: 1 })).toBeVisible();
    await expect(page.locator("[aria-current=step]")).toContainText("申請内容送信");
    await expect(page.locator("dt:text-is('登録方式') + dd")).toHaveText("簡略型登録");
    await expect(page.locator("dt:text-is('登録料') + dd")).toHaveText("2,500円（税込）");
    await expect(page.locator("dt:text-is('氏名（名）') + dd")).toHaveText("花子");
    await expect(page.locator("dt:text-is('フリガナ（セイ）') + dd")).toHaveText("ケンセツ");
    await expect(page.getByRole("img", { name: "運転免許証の表面" })).toBeVisible();
    await expectNoAxeViolations(page, "申請内容送信");
    // Nothing overflows sideways at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // 変更 opens the page at the answer; 次へ comes back here with the new value.
    await page.getByRole("link", { name: "変更「氏名（名）」" }).click();
    await expect(page).toHaveURL(/\/registration\/content\/personal-info\?return=confirm#givenName$/);
    await page.getByLabel("氏名（名）").fill("花江");
    await next(page, /\/registration\/confirm$/);
    await expect(page.locator("dt:text-is('氏名（名）') + dd")).toHaveText("花江");

    const before = (await listEmails(applicant.email)).length;
    await page.getByRole("button", { name: "申請する" }).dblclick();
    await expectCompletion(page, applicant.email, before);

    const application = await applicationOf(applicant.loginId);
    expect(application?.status).toBe("SUBMITTED");
    expect(await countSent(application!.id, applicant.email)).toEqual({ submissions: 1, emails: 1 });

    // Sent means read-only: the wizard's pages lead to the completion page, and a replayed
    // 申請する changes nothing.
    await page.goto("/registration/content/personal-info");
    await expect(page).toHaveURL(/\/registration\/complete$/);
    await page.goto("/registration/confirm");
    await expect(page).toHaveURL(/\/registration\/complete$/);
    await page.goto("/menu");
    await openFromMenu(page, "10_登録申請");
    await page.getByRole("button", { name: "はい" }).click();
    await expect(page).toHaveURL(/\/registration\/complete$/);
    expect(await countSent(application!.id, applicant.email)).toEqual({ submissions: 1, emails: 1 });
  });
});

/** The 詳細型 groups: rows added (and one removed), a 保有資格 image, a group left empty. */
async function fillDetailedGroups(page: Page, loginId: string) {
  await taskList(page).getByRole("link", { name: "学歴" }).click();
  await page.getByRole("button", { name: "学歴を追加" }).click();
  await page.getByLabel("区分（1件目）").selectOption("高等学校");
  await page.getByLabel("学校名（1件目）").fill("都立 建設高等学校");
  await page.getByLabel("卒業年月（1件目）").fill("2007-03");
  await page.getByRole("button", { name: "学歴を追加" }).click();
  await page.getByLabel("学校名（2件目）").fill("消す学校");
  await page.getByRole("button", { name: "学歴 2件目を削除" }).click();
  await expect(page.getByLabel("学校名（2件目）")).toHaveCount(0);
  await expectNoAxeViolations(page, "学歴");
  await next(page);
  await expectTaskDone(page, "学歴");

  await taskList(page).getByRole("link", { name: "労災保険特別加入" }).click();
  await page.getByLabel("加入している", { exact: true }).check();
  await next(page, /\/registration\/content\/workers-comp$/);
  await expect(page.locator("#rows-error")).toContainText("1件以上");
  await expectNoAxeViolations(page, "労災保険特別加入 with errors");
  await page.getByLabel("加入していない").check();
  await next(page);
  await expectTaskDone(page, "労災保険特別加入");

  await taskList(page).getByRole("link", { name: "健康診断受診履歴" }).click();
  await page.getByRole("button", { name: "健康診断を追加" }).click();
  await page.getByLabel("受診日（1件目）").fill("2026-04-10");
  await page.getByLabel("種類（1件目）").selectOption("定期健康診断");
  await next(page);
  await expectTaskDone(page, "健康診断受診履歴");

  await taskList(page).getByRole("link", { name: "保有資格（登録基幹技能者を含む）" }).click();
  await page.getByRole("button", { name: "保有資格を追加" }).click();
  await page.getByLabel("資格名（1件目）").fill("玉掛け技能講習");
  await page.getByLabel("取得年月日（1件目）").fill("2015-06-01");
  await page.getByLabel("保有資格 1件目の資格証の画像").setInputFiles(cardImage);
  await expectNoAxeViolations(page, "保有資格");
  await next(page);
  await expectTaskDone(page, "保有資格");
  // The image went with 次へ, under the row's id.
  const images = await query<{ slot: string }>(
    `SELECT f.slot FROM application_file f JOIN application a ON a.id = f.application_id
     JOIN applicant u ON u.id = a.applicant_id JOIN application_qualification q ON f.slot = 'qualification:' || q.id
     WHERE u.login_id = $1 AND f.replaced_at IS NULL`,
    [loginId],
  );
  expect(images).toHaveLength(1);

  for (const label of ["研修受講履歴", "表彰履歴"]) {
    await taskList(page).getByRole("link", { name: label }).click();
    await expectNoAxeViolations(page, label);
    await next(page);
    await expectTaskDone(page, label);
  }
}

test("詳細型 with every group: rows, a 保有資格 image, the fee, 申請番号 and the receipt email", async ({
  page,
}) => {
  // Issuance and the first password change are journey.spec.ts; the wizard starts at the menu.
  const applicant = await startAs(page, "active");
  await startRegistration(page);
  await chooseRegistrationType(page, "詳細型登録");
  await fillSimpleGroups(page, applicant.email);
  await fillDetailedGroups(page, applicant.loginId);

  await page.getByRole("link", { name: "申請内容の確認へ進む" }).click();
  await expect(page.locator("dt:text-is('登録方式') + dd")).toHaveText("詳細型登録");
  await expect(page.locator("dt:text-is('登録料') + dd")).toHaveText("4,900円（税込）");
  await expect(page.locator("dt:text-is('学校名（1件目）') + dd")).toHaveText("都立 建設高等学校");
  await expect(page.locator("dt:text-is('卒業年月（1件目）') + dd")).toHaveText("2007年3月");
  await expect(page.locator("dt:text-is('学校名（2件目）')")).toHaveCount(0);
  await expect(page.locator("dt:text-is('特別加入の有無') + dd")).toHaveText("加入していない");
  await expect(page.getByRole("img", { name: "保有資格 1件目の画像" })).toBeVisible();
  await expect(page.getByRole("region", { name: "研修受講履歴" })).toContainText(
    "登録する内容はありません。",
  );
  await expectNoAxeViolations(page, "申請内容送信 詳細型");

  // A group with nothing in it is changed from its section; 次へ returns here.
  await page.getByRole("link", { name: "変更「表彰履歴」" }).click();
  await page.getByRole("button", { name: "表彰を追加" }).click();
  await page.getByLabel("表彰名（1件目）").fill("優良技能者表彰");
  await page.getByLabel("表彰日（1件目）").fill("2020-11-03");
  await page.getByLabel("表彰者（1件目）").fill("一般社団法人 建設業協会");
  await next(page, /\/registration\/confirm$/);
  await expect(page.locator("dt:text-is('表彰名（1件目）') + dd")).toHaveText("優良技能者表彰");

  const before = (await listEmails(applicant.email)).length;
  await page.getByRole("button", { name: "申請する" }).click();
  await expectCompletion(page, applicant.email, before);
  await expect(page.locator("dt:text-is('登録料') + dd")).toHaveText("4,900円（税込）");

  // The sent version keeps every group, with the qualification's image.
  const application = await applicationOf(applicant.loginId);
  const [version] = await query<{ content: { sections: { key: string; items: { label: string }[] }[] } }>(
    "SELECT content FROM application_submission WHERE application_id = $1",
    [application!.id],
  );
  const keys = version!.content.sections.map((section) => section.key);
  expect(keys).toEqual(expect.arrayContaining(["education", "qualifications", "awards", "chutaikyo"]));
  const qualifications = version!.content.sections.find((section) => section.key === "qualifications");
  expect(qualifications?.items.map((item) => item.label)).toContain("保有資格 1件目の画像");
});

test("an applicant who logs out in the middle of step 3 comes back to where they were", async ({ page }) => {
  // From a scenario: both consents given (the consent pages are part of the whole-wizard tests).
  const applicant = await startAs(page, "consented");
  await chooseRegistrationType(page, "簡略型登録");
  await fillEmployer(page);
  await next(page);
  await taskList(page).getByRole("link", { name: "本人情報" }).click();
  await page.getByLabel("氏名（姓）").fill("途中");
  await page.getByRole("button", { name: "一時保存" }).click();
  await expect(page.getByText("一時保存しました。")).toBeVisible();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login/);

  await logIn(page, applicant.loginId, applicant.password);
  await expect(page).toHaveURL(/\/menu$/);
  await page.getByRole("link", { name: "10_登録申請" }).click();
  await page.getByRole("button", { name: "はい" }).click();
  await expect(page).toHaveURL(/\/registration\/content$/);
  await expectTaskDone(page, "所属事業者情報");
  await taskList(page).getByRole("link", { name: "本人情報" }).click();
  await expect(page.getByLabel("氏名（姓）")).toHaveValue("途中");
});

test("applicant B cannot change applicant A's rows, see A's images or reach A's completion page", async ({
  page,
  browser,
}) => {
  const a = await startAs(page, "consented");
  await chooseRegistrationType(page, "詳細型登録");
  await taskList(page).getByRole("link", { name: "保有資格（登録基幹技能者を含む）" }).click();
  await page.getByRole("button", { name: "保有資格を追加" }).click();
  await page.getByLabel("資格名（1件目）").fill("A の資格");
  await page.getByLabel("保有資格 1件目の資格証の画像").setInputFiles(cardImage);
  await page.getByRole("button", { name: "一時保存" }).click();
  await expect(page.getByText("一時保存しました。")).toBeVisible();
  const [row] = await query<{ id: string; file_id: string }>(
    `SELECT q.id, f.id AS file_id FROM application_qualification q
     JOIN application a ON a.id = q.application_id JOIN applicant u ON u.id = a.applicant_id
     JOIN application_file f ON f.application_id = a.id AND f.slot = 'qualification:' || q.id
     WHERE u.login_id = $1`,
    [a.loginId],
  );
  expect(row).toBeDefined();

  const context = await browser.newContext();
  const other = await context.newPage();
  await startAs(other, "consented");
  await chooseRegistrationType(other, "詳細型登録");
  // A's image and A's completion page are not B's to see.
  expect((await other.request.get(`/api/files/${row!.file_id}`)).status()).toBe(404);
  await other.goto("/registration/complete");
  await expect(other).toHaveURL(/\/registration\/content$/);

  // B posts A's row id as if it were B's own row: B gets a new row, A's row is untouched.
  await other.goto("/registration/content/qualifications");
  await other.getByRole("button", { name: "保有資格を追加" }).click();
  await other.getByLabel("資格名（1件目）").fill("B が書き換え");
  await other.locator('input[name="rows.0.id"]').evaluate((input, id) => {
    (input as HTMLInputElement).value = id;
  }, row!.id);
  await other.getByRole("button", { name: "一時保存" }).click();
  await expect(other.getByText("一時保存しました。")).toBeVisible();
  const [stillA] = await query<{ name: string }>("SELECT name FROM application_qualification WHERE id = $1", [
    row!.id,
  ]);
  expect(stillA?.name).toBe("A の資格");
  await context.close();
});

test("step 3 works without JavaScript: a page saved with 次へ, rows added and removed", async ({
  browser,
}) => {
  const setupContext = await browser.newContext();
  const setup = await setupContext.newPage();
  const applicant = await startAs(setup, "consented");
  await chooseRegistrationType(setup, "詳細型登録");
  const cookies = await setupContext.cookies();
  await setupContext.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto("/registration/content/employer");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#employmentKind-error")).toContainText("所属を選んでください。");
  await page.getByLabel("一人親方").check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveURL(/\/registration\/content$/);
  await expectTaskDone(page, "所属事業者情報");

  await page.goto("/registration/content/trainings");
  await page.getByRole("button", { name: "研修を追加" }).click();
  await page.getByLabel("研修名（1件目）").fill("職長教育");
  await page.getByRole("button", { name: "研修を追加" }).click();
  await expect(page.getByLabel("研修名（1件目）")).toHaveValue("職長教育");
  await page.getByLabel("研修名（2件目）").fill("消す研修");
  await page.getByRole("button", { name: "研修 2件目を削除" }).click();
  await expect(page.getByLabel("研修名（2件目）")).toHaveCount(0);
  await page.getByLabel("受講日（1件目）").fill("2025-09-01");
  await page.getByLabel("実施機関（1件目）").fill("建設業労働災害防止協会");
  await page.getByRole("button", { name: "次へ" }).click();
  await expectTaskDone(page, "研修受講履歴");
  const rows = await query<{ name: string; attended_on: string }>(
    `SELECT t.name, t.attended_on FROM application_training t JOIN application a ON a.id = t.application_id
     JOIN applicant u ON u.id = a.applicant_id WHERE u.login_id = $1`,
    [applicant.loginId],
  );
  expect(rows).toEqual([{ name: "職長教育", attended_on: "2025-09-01" }]);
  await context.close();
});
