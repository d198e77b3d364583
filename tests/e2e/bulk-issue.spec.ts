// 申請用ログインID一括発行: a Shift_JIS CSV as Excel in Japan saves it, the progress page, the
// result CSV, the ID emails, uploading the same file again, and the pages without JavaScript.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { expectNoAxeViolations } from "./fixtures/axe";
import { ID_EMAIL_SUBJECT, issueApplicant, uniqueEmail } from "./fixtures/journey";
import { startAs } from "./fixtures/kit";
import { extractField, listEmails, waitForEmail, waitForOutboxSettled } from "./fixtures/mailbox";

const FILE_NAME = "技能者一覧.csv";

const csvFile = (text: string, name = FILE_NAME) => ({
  name,
  mimeType: "text/csv",
  buffer: iconv.encode(text, "cp932"),
});

/** The value beside a term of the page's summary lists (状態, 発行, 不正, 重複). */
const valueOf = (page: Page, term: string) => page.locator(`dt:text-is('${term}') + dd`);

async function uploadAndWait(page: Page, file: ReturnType<typeof csvFile>) {
  await page.goto("/staff/applicants/bulk");
  await page.getByLabel("CSVファイル").setInputFiles(file);
  await page.getByRole("button", { name: "読み込んで発行する" }).click();
  await expect(page).toHaveURL(/\/staff\/applicants\/bulk\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "一括発行の状況", level: 1 })).toBeVisible();
  // The page follows the job by itself (polling); BCRYPT_COST=10 makes six rows a matter of seconds.
  await expect(valueOf(page, "状態")).toHaveText("完了", { timeout: 60_000 });
}

test("一括発行: Shift_JIS CSV, progress, result CSV, ID emails, and the same file again issues nothing", async ({
  page,
}) => {
  await startAs(page, "staff");
  // An address that already has an ID, issued earlier through the single form.
  const existing = uniqueEmail("bulk-existing");
  await issueApplicant(page, "既存 太郎", existing);

  const good = [
    { name: "髙橋 一郎", email: uniqueEmail("bulk-a") },
    { name: "山﨑 花子", email: uniqueEmail("bulk-b") },
    { name: "建設 次郎", email: uniqueEmail("bulk-c") },
  ];
  const csv = [
    "氏名,メールアドレス",
    ...good.map((row) => `"${row.name}",${row.email}`),
    "不正 三郎,not-an-email",
    `同じ 四郎,${good[0]!.email.toUpperCase()}`,
    `既存 太郎,${existing}`,
  ].join("\r\n");

  await page.goto("/staff/applicants/bulk");
  await expect(page.getByRole("heading", { name: "申請用ログインID一括発行", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "一括発行 upload page");

  // Whole-file problems come back to the form: nothing picked, then a file without the header.
  await page.getByRole("button", { name: "読み込んで発行する" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeFocused();
  await expect(page.locator("#csvFile-error")).toContainText("CSVファイルを選んでください。");
  await page.getByLabel("CSVファイル").setInputFiles(csvFile("名前,メール\r\n建設 太郎,taro@example.jp\r\n"));
  await page.getByRole("button", { name: "読み込んで発行する" }).click();
  await expect(page.locator("#csvFile-error")).toContainText("「氏名」「メールアドレス」の列がありません");
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page, "一括発行 upload page with an error");

  await uploadAndWait(page, csvFile(csv));
  await expect(valueOf(page, "発行")).toHaveText("3件");
  await expect(valueOf(page, "不正")).toHaveText("1件");
  await expect(valueOf(page, "重複")).toHaveText("2件");
  await expect(page.getByLabel("処理済みの行")).toHaveAttribute("value", "6");
  await expect(page.getByText("6行中 6行を処理しました")).toBeVisible();
  const problems = page.getByRole("table", { name: "発行しなかった行（行の順）" });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems.getByRole("row", { name: /not-an-email/ })).toContainText("不正");
  await expect(problems.getByRole("row", { name: /同じ 四郎/ })).toContainText(
    "同じファイルの2行目と同じメールアドレスです",
  );
  await expect(problems.getByRole("row", { name: /既存 太郎/ })).toContainText(
    "このメールアドレスには申請ログインIDを発行済みです",
  );
  await expectNoAxeViolations(page, "一括発行 progress page, done");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "結果をCSVでダウンロード" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("技能者一覧_結果.csv");
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records: string[][] = parse(bytes.subarray(3).toString("utf8"));
  expect(records[0]).toEqual(["行", "氏名", "メールアドレス", "結果", "理由", "申請ログインID"]);
  expect(records.slice(1).map((record) => [record[0], record[1], record[3]])).toEqual([
    ["2", "髙橋 一郎", "発行"],
    ["3", "山﨑 花子", "発行"],
    ["4", "建設 次郎", "発行"],
    ["5", "不正 三郎", "不正"],
    ["6", "同じ 四郎", "重複"],
    ["7", "既存 太郎", "重複"],
  ]);

  // Each issued row got its ID email, with the login ID the result CSV names.
  for (const [index, row] of good.entries()) {
    const mail = await waitForEmail({ to: row.email, subject: ID_EMAIL_SUBJECT });
    expect(extractField(mail.text, "申請ログインID")).toBe(records[index + 1]?.[5]);
    expect(mail.text).toContain(row.name);
  }
  expect(await listEmails(existing)).toHaveLength(1);

  // The same file again: every address has an ID now, so nothing is issued and nothing is sent.
  await uploadAndWait(page, csvFile(csv));
  await expect(valueOf(page, "発行")).toHaveText("0件");
  await expect(valueOf(page, "不正")).toHaveText("1件");
  await expect(valueOf(page, "重複")).toHaveText("5件");
  // The job is done: any email it wrongly queued is in the outbox; once that is sent out, count.
  for (const row of good) {
    await waitForOutboxSettled(row.email);
    expect(await listEmails(row.email)).toHaveLength(1);
  }
  await waitForOutboxSettled(existing);
  expect(await listEmails(existing)).toHaveLength(1);

  await page.goto("/staff/applicants/bulk");
  // Both uploads are listed (no other test uploads a file of this name).
  await expect(page.getByRole("link", { name: FILE_NAME })).toHaveCount(2);
});

test("一括発行 without JavaScript: upload, follow with 最新の状態に更新, read the result", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await startAs(plain, "staff");
  const email = uniqueEmail("bulk-plain");

  await plain.goto("/staff/applicants/bulk");
  await plain.getByRole("button", { name: "読み込んで発行する" }).click();
  await expect(plain.locator("#csvFile-error")).toContainText("CSVファイルを選んでください。");

  await plain
    .getByLabel("CSVファイル")
    .setInputFiles(csvFile(`氏名,メールアドレス\r\n無効 太郎,${email}\r\n`, "nojs.csv"));
  await plain.getByRole("button", { name: "読み込んで発行する" }).click();
  await expect(plain).toHaveURL(/\/staff\/applicants\/bulk\/[0-9a-f-]{36}$/);
  await expect
    .poll(
      async () => {
        const refresh = plain.getByRole("link", { name: "最新の状態に更新" });
        if (await refresh.isVisible()) await refresh.click();
        return valueOf(plain, "状態").textContent();
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe("完了");
  await expect(valueOf(plain, "発行")).toHaveText("1件");
  await expect(plain.getByRole("link", { name: "結果をCSVでダウンロード" })).toBeVisible();
  await waitForEmail({ to: email, subject: ID_EMAIL_SUBJECT });
  await context.close();
});
