// The whole life of an application, both sides, in real browsers: an applicant whose 簡略型
// application is filled in (a scenario: issuance and the wizard are journey.spec.ts and
// registration-wizard.spec.ts) sends it; staff return it with two 不備 items; the 不備 email and 通知 arrive; the
// applicant fixes the items through 20_申請の修正 and sends again (再申請); two staff press 承認
// at the same moment and only one decision counts; the 技能者ID email arrives. On the way, a
// second applicant tries to read the first one's returned items, notices and files.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { query } from "./fixtures/db";
import { facePhotoImage } from "./fixtures/images";
import { scenario, startAs } from "./fixtures/kit";
import { extractField, listEmails, waitForEmail } from "./fixtures/mailbox";
import { postFormAsBrowser, readFormFields } from "./fixtures/server-actions";
import { next } from "./fixtures/wizard";

const RETURNED_SUBJECT = "技能者情報申請内容不備のお知らせ";
const COMPLETED_SUBJECT = "技能者情報登録完了のお知らせ";
const EMPLOYER_REASON = "事業者名が事業者IDの登録内容と一致しません";
const PHOTO_REASON = "顔写真が不鮮明です";
const EMPLOYER_COMMENT = "事業者名を正式な名称（支店名まで）で入力してください。";
const PHOTO_COMMENT = "明るい場所で、顔全体が写るように撮り直してください。";
const STALE_MESSAGE = "この申請は、ほかの職員が先に判定したか";

// Some twenty pages in three browsers, each checked with axe: more than the default three minutes
// on a busy two-CPU machine.
test.describe.configure({ timeout: 300_000 });

/** On the check page (/registration/confirm): 申請する; returns the 申請番号. */
async function send(page: Page): Promise<string> {
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page).toHaveURL(/\/registration\/complete$/);
  return (await page.locator("dt:text-is('申請番号') + dd").textContent())?.trim() ?? "";
}

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await startAs(page, "staff");
  return page;
}

/**
 * The review page of an application, found through the staff list's search (支払状況 すべて: an
 * application sent through the UI here has not paid its 登録料, which staff-payments.spec.ts covers).
 */
async function openReview(page: Page, applicationNumber: string) {
  await page.goto("/staff/applications");
  await page.getByLabel("検索語").fill(applicationNumber);
  await page.getByLabel("支払状況").selectOption({ label: "すべて" });
  await page.getByRole("button", { name: "検索する" }).click();
  await page.getByRole("link", { name: applicationNumber }).click();
  await expect(page.getByRole("heading", { name: "申請内容の審査", level: 1 })).toBeVisible();
}

async function applicationRow(applicationNumber: string) {
  const [row] = await query<{
    id: string;
    status: string;
    technician_id: string | null;
    applicant_id: string;
  }>("SELECT id, status, technician_id, applicant_id FROM application WHERE application_number = $1", [
    applicationNumber,
  ]);
  if (!row) throw new Error(`no application ${applicationNumber}`);
  return row;
}

test("issue → apply → 不備 (two items) → email and 通知 → 20_申請の修正 → 再申請 → 承認 → 技能者ID email", async ({
  page,
  browser,
}) => {
  // The applicant: every page of 簡略型 filled in (as 所属: 一人親方), sent from the check page.
  const applicant = await startAs(page, "simple-filled");
  const applicationNumber = await send(page);
  expect(applicationNumber).toMatch(/^\d{8}-\d{6,}$/);
  const { id: applicationId, applicant_id: applicantId } = await applicationRow(applicationNumber);

  // Staff find it in the list and return it with two items.
  const staff = await staffPage(browser);
  await openReview(staff, applicationNumber);
  await expect(staff.getByText(applicant.loginId)).toBeVisible();
  await expect(staff.getByRole("heading", { name: "申請内容（第1版）" })).toBeVisible();
  await expect(staff.getByRole("img", { name: /顔写真/ }).first()).toBeVisible();
  await expect(staff.getByRole("heading", { name: "同意の記録" })).toBeVisible();
  await expectNoAxeViolations(staff, "申請内容の審査");

  await staff.getByRole("button", { name: "不備", exact: true }).click();
  const summary = staff.locator(".error-summary");
  await expect(summary).toContainText("不備の理由を1つ以上選んでください。");
  await staff.getByRole("checkbox", { name: EMPLOYER_REASON }).check();
  await staff.getByRole("checkbox", { name: PHOTO_REASON }).check();
  await staff.getByLabel(`「${EMPLOYER_REASON}」へのコメント`).fill(EMPLOYER_COMMENT);
  await staff.getByRole("button", { name: "不備", exact: true }).click();
  // The second item has no comment yet: nothing is sent, and what was typed stays.
  await expect(summary).toContainText(
    `「${PHOTO_REASON}」について、申請者に伝えるコメントを入力してください。`,
  );
  await expect(staff.getByLabel(`「${EMPLOYER_REASON}」へのコメント`)).toHaveValue(EMPLOYER_COMMENT);
  await expectNoAxeViolations(staff, "不備の入力エラー");
  expect((await applicationRow(applicationNumber)).status).toBe("SUBMITTED");
  await staff.getByLabel(`「${PHOTO_REASON}」へのコメント`).fill(PHOTO_COMMENT);
  const emailsBeforeReturn = (await listEmails(applicant.email)).length;
  await staff.getByRole("button", { name: "不備", exact: true }).click();
  await expect(staff.getByText("不備として申請者に戻しました")).toBeVisible();
  await expect(staff.locator("dt:text-is('状態') + dd")).toHaveText("不備");

  // The 不備 email lists both items with their comments.
  const returnedMail = await waitForEmail({
    to: applicant.email,
    subject: RETURNED_SUBJECT,
    after: emailsBeforeReturn,
  });
  for (const text of [
    applicationNumber,
    EMPLOYER_REASON,
    EMPLOYER_COMMENT,
    PHOTO_REASON,
    PHOTO_COMMENT,
    "20_申請の修正",
  ]) {
    expect(returnedMail.text).toContain(text);
  }

  // 通知: counted as unread in the menu, newest first; opening marks it read.
  await page.goto("/menu");
  const noticesLink = page.getByRole("link", { name: /^通知/ });
  await expect(noticesLink).toContainText("未読");
  await noticesLink.click();
  await expect(page.getByRole("heading", { name: "通知", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "通知");
  const noticeLinks = page
    .getByRole("main")
    .getByRole("link", { name: /のお知らせ|受け付けました|変更しました/ });
  await expect(noticeLinks.first()).toContainText(RETURNED_SUBJECT);
  await expect(noticeLinks.first()).toContainText("未読");
  await expect(page.getByRole("main")).toContainText("技能者情報登録申請を受け付けました");
  await expect(page.getByRole("main")).toContainText("パスワードを変更しました");
  const unreadBefore = await page.getByRole("main").getByText("未読", { exact: true }).count();
  await noticeLinks.first().click();
  await expect(page.getByRole("heading", { name: RETURNED_SUBJECT, level: 1 })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(EMPLOYER_COMMENT);
  await expectNoAxeViolations(page, "通知の詳細");
  const returnedNoticeId = page.url().split("/").pop() ?? "";
  await page.getByRole("link", { name: "通知の一覧に戻る" }).click();
  await expect(page.getByRole("main").getByText("未読", { exact: true })).toHaveCount(unreadBefore - 1);

  // Another applicant reads nothing of it: not the items, not the notice, not the images,
  // not the staff pages.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await startAs(other, "active");
  await other.goto("/correction");
  await expect(other.getByText("修正が必要な申請はありません")).toBeVisible();
  await expect(other.getByRole("main")).not.toContainText(EMPLOYER_COMMENT);
  const noticeAnswer = await other.request.get(`/notices/${returnedNoticeId}`);
  expect(noticeAnswer.status()).toBe(404);
  expect(await noticeAnswer.text()).not.toContain(EMPLOYER_COMMENT);
  const files = await query<{ id: string }>("SELECT id FROM application_file WHERE application_id = $1", [
    applicationId,
  ]);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect((await other.request.get(`/api/files/${file.id}`)).status()).toBe(404);
  }
  await other.goto(`/staff/applications/${applicationId}`);
  await expect(other).toHaveURL(/\/staff\/login/);
  await expect(other.getByRole("main")).not.toContainText(applicationNumber);
  await otherContext.close();

  // 20_申請の修正: the items and comments, a link per page; each fix comes back here.
  await page.getByRole("link", { name: "20_申請の修正" }).click();
  await expect(page.getByRole("heading", { name: "20_申請の修正", level: 1 })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(EMPLOYER_REASON);
  await expect(page.getByRole("main")).toContainText(PHOTO_COMMENT);
  await expectNoAxeViolations(page, "20_申請の修正");
  await page.getByRole("link", { name: "所属事業者情報を修正する" }).click();
  await expect(page).toHaveURL(/\/registration\/content\/employer\?return=correction$/);
  await page.getByLabel("所属する事業者がある").check();
  await page.getByLabel("事業者名").fill("株式会社 建設工業 東京支店");
  await next(page, /\/correction$/);
  await page.getByRole("link", { name: "顔写真を修正する" }).click();
  await expect(page).toHaveURL(/\/registration\/content\/face-photo\?return=correction$/);
  await page.getByLabel("顔写真", { exact: true }).setInputFiles(facePhotoImage);
  await next(page, /\/correction$/);
  await page.getByRole("link", { name: "申請内容の確認へ進む" }).click();
  await expect(page.getByRole("heading", { name: "申請内容送信", level: 1 })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("株式会社 建設工業 東京支店");
  const receiptsBefore = (await listEmails(applicant.email)).length;
  await page.getByRole("button", { name: "再申請する" }).click();
  await expect(page).toHaveURL(/\/registration\/complete$/);
  await expect(page.getByText("再申請を受け付けました")).toBeVisible();
  await expect(page.locator("dt:text-is('申請状況') + dd")).toHaveText("再申請");
  await expect(page.locator("dt:text-is('申請番号') + dd")).toHaveText(applicationNumber);
  const receipt = await waitForEmail({ to: applicant.email, subject: "申請受付", after: receiptsBefore });
  expect(receipt.text).toContain("再申請");

  // Staff see version 2 and what changed; two of them press 承認 at the same moment.
  await openReview(staff, applicationNumber);
  await expect(staff.getByRole("heading", { name: "第1版からの変更" })).toBeVisible();
  const diff = staff.getByRole("table", { name: "第1版からの変更" });
  await expect(diff).toContainText("株式会社 建設工業 東京支店");
  await expect(diff).toContainText("画像を差し替え");
  await expect(staff.getByRole("link", { name: "第1版を表示" })).toBeVisible();
  await expectNoAxeViolations(staff, "再申請の審査");
  // The applicant replays the staff 承認 form with their own cookies: refused, nothing changes.
  // (Reloaded: only a server-rendered form carries the action's hidden fields.)
  await staff.reload();
  const approveForm = staff.locator("form", { has: staff.getByRole("button", { name: "承認" }) });
  const forged = await postFormAsBrowser(
    page,
    `/staff/applications/${applicationId}`,
    await readFormFields(approveForm),
  );
  expect(forged.status(), "the forged post is not a success page").not.toBe(200);
  expect(forged.headers().location ?? "").toMatch(/\/staff\/login(\?|$)/);
  expect((await applicationRow(applicationNumber)).status).toBe("RESUBMITTED");
  const second = await staffPage(browser);
  await openReview(second, applicationNumber);
  const emailsBeforeApproval = (await listEmails(applicant.email)).length;
  await Promise.all([
    staff.getByRole("button", { name: "承認" }).click(),
    second.getByRole("button", { name: "承認" }).click(),
  ]);
  const outcome = async (p: Page) => {
    await expect(p.getByText("承認しました").or(p.getByText(STALE_MESSAGE))).toBeVisible();
    return (await p.getByText("承認しました").count()) > 0 ? "approved" : "stale";
  };
  expect([await outcome(staff), await outcome(second)].sort()).toEqual(["approved", "stale"]);
  const decided = await applicationRow(applicationNumber);
  expect(decided.status).toBe("COMPLETED");
  expect(decided.technician_id).toMatch(/^\d{12}21$/);
  const [reviews] = await query<{ count: string }>(
    "SELECT count(*) FROM application_review WHERE application_id = $1",
    [applicationId],
  );
  expect(Number(reviews?.count)).toBe(2);

  // The 技能者ID email arrives once; the applicant sees the ID and the 通知.
  const completedMail = await waitForEmail({
    to: applicant.email,
    subject: COMPLETED_SUBJECT,
    after: emailsBeforeApproval,
  });
  expect(extractField(completedMail.text, "技能者ID")).toBe(decided.technician_id);
  await page.goto("/registration/complete");
  await expect(page.getByText("登録が完了しました")).toBeVisible();
  await expect(page.locator("dt:text-is('技能者ID') + dd")).toHaveText(decided.technician_id ?? "");
  await page.getByRole("link", { name: /^通知/ }).click();
  await expect(page.getByRole("main").getByRole("link").first()).toContainText(COMPLETED_SUBJECT);
  const completedMails = (await listEmails(applicant.email)).filter((mail) =>
    mail.subject.includes(COMPLETED_SUBJECT),
  );
  expect(completedMails).toHaveLength(1);
  const [notices] = await query<{ count: string }>(
    "SELECT count(*) FROM notice WHERE applicant_id = $1 AND kind = 'REGISTRATION_COMPLETED'",
    [applicantId],
  );
  expect(Number(notices?.count)).toBe(1);
  await staff.context().close();
  await second.context().close();
});

test("the review page's tables (変更, 同意の記録) scroll sideways in the same wrapper as the staff lists", async ({
  page,
}) => {
  const { applicationNumber } = await scenario(page.request, "resubmitted");
  await startAs(page, "staff");
  const wrapperStyle = (name: string | RegExp) =>
    page.getByRole("table", { name }).evaluate((table) => {
      const style = getComputedStyle(table.parentElement!);
      return { overflowX: style.overflowX, marginBottom: style.marginBottom };
    });

  await page.goto("/staff/applications");
  const listStyle = await wrapperStyle(/^申請一覧/);
  expect(listStyle.overflowX).toBe("auto");
  await openReview(page, applicationNumber!);
  expect(await wrapperStyle("第1版からの変更")).toEqual(listStyle);
  expect(await wrapperStyle("同意の記録")).toEqual(listStyle);
});
