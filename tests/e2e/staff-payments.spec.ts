// Payment on the staff side (issue 12), from kit scenarios: 申請一覧 lists paid applications unless
// 支払状況 says otherwise; 返金 from the review page (reason required, 返金済み, the audit entry,
// the applicant's email); 払込票の発送 one by one and by a Shift_JIS CSV (a result per row, the same
// file again changes nothing); お支払いの照合's CSV (BOM, CRLF, the day's row). Each page is checked
// with axe.
import iconv from "iconv-lite";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  ApplicationReviewPage,
  ApplicationsPage,
  PaymentPage,
  SlipsPage,
  StaffPaymentsPage,
} from "../../packages/playwright-kit/src/index";
import { expectNoAxeViolations } from "./fixtures/axe";
import { query } from "./fixtures/db";
import { scenario, startAs, type Scenario } from "./fixtures/kit";
import { summaryValue, waitForMail } from "./fixtures/payment";
import { appUrl } from "./support/environment";

test.describe.configure({ timeout: 180_000 });

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The list's row of an application (searched for by its 申請番号 with the given 支払状況). */
async function findInList(page: Page, applicationNumber: string, paymentLabel?: string) {
  const list = new ApplicationsPage(page);
  await list.goto();
  await list.query.fill(applicationNumber);
  if (paymentLabel) await list.paymentStatus.selectOption({ label: paymentLabel });
  await list.search.click();
  return page.getByRole("row").filter({ has: list.applicationLink(applicationNumber) });
}

async function applicationIdOf(applicationNumber: string): Promise<string> {
  const [row] = await query<{ id: string }>("SELECT id FROM application WHERE application_number = $1", [
    applicationNumber,
  ]);
  if (!row) throw new Error(`no application ${applicationNumber}`);
  return row.id;
}

/** An unpaid applicant who chooses 払込票 on 登録料のお支払い (in a browser of their own). */
async function applicantChoosingSlip(browser: Browser): Promise<Scenario> {
  const page = await newPage(browser);
  const applicant = await startAs(page, "submitted", { payment: "unpaid" });
  const payment = new PaymentPage(page);
  await payment.goto();
  await payment.method("払込票").check();
  await payment.submit.click();
  await expect(payment.main).toContainText("発送準備中");
  await page.context().close();
  return applicant;
}

test("申請一覧: paid applications by default (the review queue); 支払待ち and すべて show an unpaid one", async ({
  page,
  request,
}) => {
  const unpaid = await scenario(request, "submitted", { payment: "unpaid" });
  const paid = await scenario(request, "submitted");
  await startAs(page, "staff");

  const paidRow = await findInList(page, paid.applicationNumber!);
  await expect(new ApplicationsPage(page).paymentStatus).toHaveValue("paid");
  await expect(paidRow.getByRole("cell", { name: "支払済み", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "申請一覧 (支払済み)");

  await findInList(page, unpaid.applicationNumber!);
  await expect(page.getByText("該当する申請はありません。")).toBeVisible();
  await expect(page.getByRole("link", { name: unpaid.applicationNumber! })).toHaveCount(0);

  const allRow = await findInList(page, unpaid.applicationNumber!, "すべて");
  await expect(page).toHaveURL(/[?&]payment=all(&|$)/);
  await expect(allRow.getByRole("cell", { name: "支払待ち", exact: true })).toBeVisible();
  await expect(new ApplicationsPage(page).paymentStatus).toHaveValue("all");

  const waitingRow = await findInList(page, unpaid.applicationNumber!, "支払待ち");
  await expect(waitingRow).toHaveCount(1);
  await findInList(page, paid.applicationNumber!, "支払待ち");
  await expect(page.getByText("該当する申請はありません。")).toBeVisible();
});

test("返金 from the review page: reason and confirmation required, then 返金済み, audited, and emailed", async ({
  page,
  request,
}) => {
  const applicant = await scenario(request, "submitted");
  const applicationNumber = applicant.applicationNumber!;
  await startAs(page, "staff");
  await (await findInList(page, applicationNumber)).getByRole("link", { name: applicationNumber }).click();
  const review = new ApplicationReviewPage(page);
  await review.expectLoaded();
  const section = review.payment;
  await expect(summaryValue(section, "支払状況")).toHaveText("支払済み");
  await expect(summaryValue(section, "金額（税込）")).toHaveText("2,500円");
  await expect(summaryValue(section, "支払日時")).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  await expect(summaryValue(section, "決済サービスの参照番号")).toHaveText(/^\S+（サンドボックス）$/);
  await expectNoAxeViolations(page, "申請内容の審査 (支払済み)");

  // Neither reason nor confirmation: both errors, beside the fields and in the summary.
  await review.refund.click();
  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary.getByRole("link", { name: "返金の理由を入力してください。" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /チェックを入れてください/ })).toBeVisible();
  await expect(review.refundReason).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "申請内容の審査 (返金 errors)");
  // The reason alone is not enough: the typed reason comes back with the confirmation's error.
  await review.refundReason.fill("申請者から二重の申し込みと連絡があったため");
  await review.refund.click();
  // The answer to this press has arrived once the reason's error is gone (the confirmation's error
  // was already shown by the first press); checking the box before it arrives would be undone by
  // the form's reset when it does.
  await expect(summary.getByRole("link", { name: "返金の理由を入力してください。" })).toHaveCount(0);
  await expect(summary.getByRole("link", { name: /チェックを入れてください/ })).toBeVisible();
  await expect(review.refundReason).toHaveValue("申請者から二重の申し込みと連絡があったため");
  const applicationId = await applicationIdOf(applicationNumber);
  const [feeBefore] = await query<{ status: string }>(
    "SELECT status FROM application_fee WHERE application_id = $1",
    [applicationId],
  );
  expect(feeBefore?.status).toBe("PAID");

  await review.refundConfirm.check();
  await review.refund.click();
  await expect(page.getByRole("status").filter({ hasText: "返金しました" })).toBeVisible();
  await expect(summaryValue(section, "支払状況")).toHaveText("返金済み");
  await expect(summaryValue(section, "返金額")).toHaveText("2,500円");
  await expect(summaryValue(section, "返金日時")).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  await expect(review.refund).toHaveCount(0);
  await expectNoAxeViolations(page, "申請内容の審査 (返金済み)");

  const audits = await query<{ actor_type: string; details: { reason?: string; amount?: number } }>(
    "SELECT actor_type, details FROM audit_log WHERE action = 'payment.refunded' AND target_id = $1",
    [applicationId],
  );
  expect(audits).toHaveLength(1);
  expect(audits[0]).toMatchObject({
    actor_type: "staff",
    details: { reason: "申請者から二重の申し込みと連絡があったため", amount: 2500 },
  });
  await waitForMail(request, applicant.email, "返金", [applicationNumber]);

  // Out of the default queue now, and shown as 返金済み under its filter.
  const refundedRow = await findInList(page, applicationNumber, "返金済み");
  await expect(refundedRow.getByRole("cell", { name: "返金済み", exact: true })).toBeVisible();
});

test("払込票の発送: one marked 発送済み from its row, one from a Shift_JIS CSV; the same CSV again changes nothing", async ({
  page,
  browser,
}) => {
  const first = await applicantChoosingSlip(browser);
  const second = await applicantChoosingSlip(browser);
  await startAs(page, "staff");
  await page
    .getByRole("navigation", { name: "職員メニュー" })
    .getByRole("link", { name: "お支払い" })
    .click();
  const payments = new StaffPaymentsPage(page);
  await payments.expectLoaded();
  await payments.slipsLink.click();

  const slips = new SlipsPage(page);
  await slips.expectLoaded();
  const firstRow = slips.slips.getByRole("row").filter({ hasText: first.applicationNumber! });
  await expect(firstRow).toContainText("〒");
  await expect(firstRow).toContainText("2,700円（うち手数料 200円）");
  await expect(firstRow).toContainText("発送準備中");
  await expect(slips.slips.getByRole("row").filter({ hasText: second.applicationNumber! })).toHaveCount(1);
  await expectNoAxeViolations(page, "払込票の発送");

  await slips.markSent(first.applicationNumber!).click();
  await expect(page.getByRole("status")).toContainText(
    `申請番号 ${first.applicationNumber!}：発送済みにしました`,
  );
  await expect(slips.markSent(first.applicationNumber!)).toHaveCount(0);
  await expect(slips.markSent(second.applicationNumber!)).toBeVisible();

  const csv = iconv.encode(
    `申請番号\r\n${second.applicationNumber!}\r\n${first.applicationNumber!}\r\n`,
    "cp932",
  );
  const upload = async () => {
    await slips.csvFile.setInputFiles({ name: "発送済み.csv", mimeType: "text/csv", buffer: csv });
    await slips.uploadCsv.click();
    await expect(slips.csvResults).toBeVisible();
  };
  await upload();
  const results = slips.csvResults;
  await expect(results.getByRole("row").filter({ hasText: second.applicationNumber! })).toContainText(
    "発送済みにしました",
  );
  await expect(results.getByRole("row").filter({ hasText: first.applicationNumber! })).toContainText(
    "発送済みです",
  );
  await expectNoAxeViolations(page, "払込票の発送 (CSV の結果)");
  await upload();
  await expect(results.getByRole("row").filter({ hasText: second.applicationNumber! })).toContainText(
    "発送済みです",
  );
  await expect(page.getByRole("status").filter({ hasText: "行を読み込み" })).toContainText(
    "2行を読み込み、0件を発送済みにしました。",
  );

  const sent = await query<{ application_number: string; slip_sent_at: Date | null }>(
    `SELECT a.application_number, p.slip_sent_at FROM payment p
     JOIN application_fee f ON f.id = p.fee_id JOIN application a ON a.id = f.application_id
     WHERE p.method = 'SLIP' AND a.application_number = ANY($1)`,
    [[first.applicationNumber, second.applicationNumber]],
  );
  expect(sent).toHaveLength(2);
  expect(sent.every((row) => row.slip_sent_at !== null)).toBe(true);
  const audits = await query<{ count: string }>(
    "SELECT count(*) FROM audit_log WHERE action = 'payment.slip-sent' AND details->>'applicationNumber' = ANY($1)",
    [[first.applicationNumber, second.applicationNumber]],
  );
  expect(Number(audits[0]?.count)).toBe(2);
});

test("お支払いの照合: the day's totals and its CSV (BOM, CRLF, the payment's row); a bad day is refused", async ({
  page,
  request,
}) => {
  const applicant = await scenario(request, "submitted");
  const [paid] = await query<{ paid_at: Date; day: string }>(
    `SELECT p.paid_at, to_char(p.paid_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day FROM payment p
     JOIN application_fee f ON f.id = p.fee_id JOIN application a ON a.id = f.application_id
     WHERE a.application_number = $1 AND p.status = 'PAID'`,
    [applicant.applicationNumber],
  );
  if (!paid) throw new Error("the scenario's fee has no paid payment");

  // Nobody signed in: sent to the staff login (by the proxy without a cookie, by the route itself
  // with one that holds no staff session), with no file.
  for (const cookie of [undefined, "authjs.session-token=not-a-session"]) {
    const anonymous = await request.get(`${appUrl}/staff/payments/reconciliation.csv?date=${paid.day}`, {
      maxRedirects: 0,
      headers: cookie ? { cookie } : {},
    });
    expect([303, 307]).toContain(anonymous.status());
    expect(anonymous.headers()["location"]).toMatch(/\/staff\/login/);
    expect(await anonymous.text()).not.toContain("申請番号");
  }

  await startAs(page, "staff");
  const payments = new StaffPaymentsPage(page);
  await payments.goto();
  await payments.date.fill(paid.day);
  await payments.show.click();
  await expect(payments.totals).toBeVisible();
  const totalRow = payments.totals.getByRole("row").filter({ hasText: "合計" });
  await expect(totalRow).toContainText(/\d+件/);
  await expectNoAxeViolations(page, "お支払いの照合");

  const href = await payments.csvLink.getAttribute("href");
  expect(href).toBe(`/staff/payments/reconciliation.csv?date=${paid.day}`);
  const response = await page.request.get(`${appUrl}${href!}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toContain(`payments-${paid.day.replaceAll("-", "")}.csv`);
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.subarray(3).toString("utf8");
  const lines = text.split("\r\n");
  expect(lines[0]).toBe(
    "申請番号,氏名,支払方法,コンビニ,金額,手数料,状態,支払日時,返金日時,返金額,決済サービス,参照番号",
  );
  expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  const row = lines.find((line) => line.startsWith(`${applicant.applicationNumber!},`));
  expect(row).toBeDefined();
  const cells = row!.split(",");
  expect(cells[4]).toBe("2500");
  expect(cells[6]).toBe("支払済み");
  expect(cells[7]).toMatch(new RegExp(`^${paid.day.replaceAll("-", "/")} \\d{2}:\\d{2}:\\d{2}$`));
  expect(cells[10]).toBe("サンドボックス");

  // A day that is not on the calendar: the error beside the field and in the summary, no totals.
  await page.goto("/staff/payments?date=2026-02-30");
  await expect(page.getByRole("alert").getByRole("link", { name: /カレンダーにある日/ })).toBeVisible();
  await expect(payments.totals).toHaveCount(0);
  await expectNoAxeViolations(page, "お支払いの照合 (bad day)");
});
