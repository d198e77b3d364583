// 同意記録 and 監査ログ are for 管理者 (ADMIN) only (issue 9, item 9): a 職員 (STAFF) sees no links to
// them and gets the 404 page, also from the CSV route; the export is a POST form (a GET of the
// download address exports nothing and writes no audit row), and the download works in Chromium
// under the CSP's form-action 'self'.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { countAudit, query } from "./fixtures/db";
import { startAs } from "./fixtures/kit";
import { postFormAsBrowser } from "./fixtures/server-actions";

const ADMIN_ONLY = [
  { path: "/staff/consents", navLabel: "同意記録", homeLink: "同意記録をCSVで出力する" },
  { path: "/staff/audit", navLabel: "監査ログ", homeLink: "監査ログを検索する" },
];

async function staffIdOf(email: string): Promise<string> {
  const [row] = await query<{ id: string }>("SELECT id FROM staff_user WHERE email = $1", [email]);
  if (!row) throw new Error(`no staff ${email}`);
  return row.id;
}

const staffNav = (page: Page) => page.getByRole("navigation", { name: "職員メニュー" });

test("a 職員 (STAFF) has no 同意記録 or 監査ログ: no links, the 404 page, and the export refused", async ({
  page,
}) => {
  const staffId = await staffIdOf((await startAs(page, "staff")).email);
  for (const { path, navLabel, homeLink } of ADMIN_ONLY) {
    await page.goto("/staff");
    await expect(staffNav(page).getByRole("link", { name: navLabel, exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: homeLink })).toHaveCount(0);

    const response = await page.goto(path);
    expect(response?.status(), `${path} as a 職員`).toBe(404);
    await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /ダウンロード|検索する/ })).toHaveCount(0);
  }

  // The export itself, posted the way the form would: the 404 answer, no file, no audit row.
  const before = await countAudit("consents.exported", staffId);
  const posted = await postFormAsBrowser(page, "/staff/consents/export", { from: "", to: "" });
  expect(posted.status()).toBe(404);
  expect(posted.headers()["content-disposition"]).toBeUndefined();
  expect(await posted.text()).not.toContain("申請ログインID");
  expect(await countAudit("consents.exported", staffId)).toBe(before);
  // Other staff pages still work for them.
  expect((await page.goto("/staff/applicants"))?.status()).toBe(200);
});

test("a 管理者 sees both, a GET of the download address exports nothing, and the POST form downloads", async ({
  page,
}) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  const adminId = await staffIdOf((await startAs(page, "admin")).email);
  for (const { path, navLabel, homeLink } of ADMIN_ONLY) {
    await page.goto("/staff");
    await expect(staffNav(page).getByRole("link", { name: navLabel, exact: true })).toBeVisible();
    await page.getByRole("link", { name: homeLink }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      path === "/staff/audit" ? "監査ログ" : "同意記録の出力",
    );
  }

  // A GET (a link, a prefetch, the address bar) only goes back to the form.
  const before = await countAudit("consents.exported", adminId);
  const got = await page.request.get("/staff/consents/export?from=2026-01-01&to=2026-01-31", {
    maxRedirects: 0,
  });
  expect(got.status()).toBe(303);
  expect(got.headers().location).toBe("/staff/consents?from=2026-01-01&to=2026-01-31");
  expect(got.headers()["content-disposition"]).toBeUndefined();
  await page.goto("/staff/consents/export");
  await expect(page).toHaveURL(/\/staff\/consents$/);
  await expect(page.getByRole("heading", { name: "同意記録の出力", level: 1 })).toBeVisible();
  expect(await countAudit("consents.exported", adminId)).toBe(before);

  // The page's form posts (allowed by form-action 'self'), and Chromium saves the file.
  const pageResponse = await page.goto("/staff/consents");
  expect(pageResponse?.headers()["content-security-policy"] ?? "").toContain("form-action 'self'");
  await expect(
    page.locator("form", { has: page.getByRole("button", { name: "同意記録をCSVでダウンロード" }) }),
  ).toHaveAttribute("method", "post");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "同意記録をCSVでダウンロード" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^consent-records-\d{8}\.csv$/);
  const text = (await readFile(await download.path())).toString("utf8");
  expect(
    text.startsWith(
      "\uFEFF申請ログインID,氏名,同意書,版,内容ハッシュ,同意日時,IPアドレス,ユーザーエージェント\r\n",
    ),
  ).toBe(true);
  expect(await countAudit("consents.exported", adminId)).toBe(before + 1);
  expect(problems).toEqual([]);
});
