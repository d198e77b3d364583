// 職員アカウント: an administrator creates a staff account, the temporary password
// arrives by email only, the new staff member must replace it before anything else, and an
// administrator can disable (ending the open session), re-enable and unlock accounts. An ordinary
// staff member sees no link and is refused the pages and the actions.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { query } from "./fixtures/db";
import { changePassword, newPassword, uniqueEmail } from "./fixtures/journey";
import { scenario, startAs } from "./fixtures/kit";
import { extractField, listEmails, waitForEmail } from "./fixtures/mailbox";
import { postFormAsBrowser, readFormFields } from "./fixtures/server-actions";
import { e2eAdmin } from "./support/environment";

const CREATED_SUBJECT = "【建設キャリアアップシステム】職員用アカウント発行のお知らせ";
const INVALID_LOGIN = "メールアドレスまたはパスワードが正しくありません。";

async function staffLogin(page: Page, email: string, password: string) {
  await page.goto("/staff/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
}

/**
 * A staff login that fails: waits for the action's answer (the button is enabled again once it
 * is rendered), so a repeated attempt never overlaps the one before, then checks the message.
 */
async function expectStaffLoginRefused(page: Page, email: string, password: string, message: string) {
  if (!/\/staff\/login(\?|$)/.test(page.url())) await page.goto("/staff/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  const button = page.getByRole("button", { name: "ログイン" });
  await Promise.all([
    page.waitForResponse(
      (candidate) =>
        candidate.request().method() === "POST" && new URL(candidate.url()).pathname === "/staff/login",
    ),
    button.click(),
  ]);
  await expect(button).toBeEnabled();
  await expect(page.locator(".error-summary")).toContainText(message);
  await expect(page).toHaveURL(/\/staff\/login(\?|$)/);
}

async function signInAsAdmin(page: Page) {
  await staffLogin(page, e2eAdmin.email, e2eAdmin.password);
  await expect(page).toHaveURL(/\/staff$/);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

/** The admin (signed in on `admin`) creates a 職員 account; returns its id and emailed password. */
async function createStaffAccount(admin: Page, name: string, email: string) {
  await admin.goto("/staff/accounts/new");
  const before = (await listEmails(email)).length;
  await admin.getByLabel("氏名").fill(name);
  await admin.getByLabel("メールアドレス").fill(email);
  await admin.getByRole("radio", { name: "職員", exact: true }).check();
  await admin.getByRole("button", { name: "作成する" }).click();
  await expect(admin.getByRole("heading", { name: "職員アカウントを作成しました" })).toBeVisible();
  const staffId = /\/staff\/accounts\/([0-9a-f-]{36})\?result=created$/.exec(admin.url())?.[1];
  expect(staffId, `account id in ${admin.url()}`).toBeDefined();
  const mail = await waitForEmail({ to: email, subject: CREATED_SUBJECT, after: before });
  const temporaryPassword = extractField(mail.text, "仮パスワード");
  return { staffId: staffId!, mail, temporaryPassword };
}

/** The id of the staff account with this address. */
async function staffIdOf(email: string) {
  const [row] = await query<{ id: string }>("SELECT id FROM staff_user WHERE email = $1", [email]);
  expect(row, `staff account ${email}`).toBeDefined();
  return row!.id;
}

test("an administrator creates a staff account; the new member must replace the emailed password", async ({
  page,
  browser,
}) => {
  await signInAsAdmin(page);
  await page
    .getByRole("navigation", { name: "職員メニュー" })
    .getByRole("link", { name: "職員アカウント", exact: true })
    .click();
  await expect(page).toHaveURL(/\/staff\/accounts$/);
  await expect(page.getByRole("heading", { name: "職員アカウント", level: 1 })).toBeVisible();
  await expect(page.getByRole("cell", { name: e2eAdmin.email })).toBeVisible();
  await expectNoAxeViolations(page, "職員アカウント一覧");

  await page.getByRole("link", { name: "職員アカウントを作成する" }).click();
  await expect(page).toHaveURL(/\/staff\/accounts\/new$/);
  await expect(page.getByRole("heading", { name: "職員アカウントの作成", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "職員アカウントの作成");

  const email = uniqueEmail("new-staff");
  const created = await createStaffAccount(page, "新規 職員", email);
  expect(extractField(created.mail.text, "メールアドレス")).toBe(email);
  expect(extractField(created.mail.text, "職員用ログインURL")).toMatch(/\/staff\/login$/);
  // The password is in the email only, never on the page.
  await expect(page.locator("body")).not.toContainText(created.temporaryPassword);
  await expect(page.getByRole("status")).toContainText("仮パスワードはこの画面には表示されません");
  await expectNoAxeViolations(page, "職員アカウントの詳細（作成直後）");
  const [row] = await query<{ must_change_password: boolean; role: string }>(
    "SELECT must_change_password, role::text AS role FROM staff_user WHERE id = $1",
    [created.staffId],
  );
  expect(row).toEqual({ must_change_password: true, role: "STAFF" });

  await page.goto("/staff/accounts");
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("パスワード変更前");

  // The same address again: refused beside the field, what was typed kept.
  await page.goto("/staff/accounts/new");
  await page.getByLabel("氏名").fill("重複 職員");
  await page.getByLabel("メールアドレス").fill(email.toUpperCase());
  await page.getByRole("button", { name: "作成する" }).click();
  await expect(page.locator("#email-error")).toContainText("すでにあります");
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.getByLabel("氏名")).toHaveValue("重複 職員");
  await expectNoAxeViolations(page, "職員アカウントの作成（重複エラー）");
  expect(await query("SELECT id FROM staff_user WHERE lower(email) = lower($1)", [email])).toHaveLength(1);

  // The new member: held on the change page until the password is replaced.
  const member = await newPage(browser);
  await staffLogin(member, email, created.temporaryPassword);
  await expect(member).toHaveURL(/\/staff\/password\/change$/);
  await expect(member.getByRole("heading", { name: "パスワード変更", level: 1 })).toBeVisible();
  await expect(member.getByRole("navigation", { name: "職員メニュー" })).toHaveCount(0);
  await expectNoAxeViolations(member, "職員のパスワード変更");
  for (const path of ["/staff", "/staff/applicants", "/staff/applicants/issue"]) {
    await member.goto(path);
    await expect(member, `${path} before the change`).toHaveURL(/\/staff\/password\/change$/);
  }
  const password = newPassword();
  await changePassword(member, created.temporaryPassword, password);
  await expect(member).toHaveURL(/\/staff\/login\?reason=password-changed$/);
  await expect(member.getByRole("status")).toContainText("パスワードを変更しました。");

  // The temporary password is dead; the new one reaches the staff area.
  await expectStaffLoginRefused(member, email, created.temporaryPassword, INVALID_LOGIN);
  await staffLogin(member, email, password);
  await expect(member).toHaveURL(/\/staff$/);
  await expect(member.getByRole("link", { name: "職員アカウント", exact: true })).toHaveCount(0);
  await member.context().close();

  await page.goto("/staff/accounts");
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("利用中");
});

test("disabling an account ends its open session and refuses its sign-in until re-enabled", async ({
  page,
  browser,
}) => {
  // The administrator and the member (password already replaced, signed in) are scenarios; the
  // creation and the first change are the journey of the test above.
  const administrator = await startAs(page, "admin");
  const member = await newPage(browser);
  const { email, password } = await startAs(member, "staff", { name: "停止 職員" });
  const staffId = await staffIdOf(email);

  await page.goto(`/staff/accounts/${staffId}`);
  await expectNoAxeViolations(page, "職員アカウントの詳細");
  await page.getByRole("button", { name: "利用を停止する" }).click();
  await expect(page.getByRole("status")).toContainText("利用を停止しました");
  await expect(page.locator("dt:text-is('状態') + dd")).toHaveText("利用停止");

  // The member's next page is the login page; signing in again gets the generic answer.
  await member.getByRole("link", { name: "申請者一覧" }).first().click();
  await expect(member).toHaveURL(/\/staff\/login(\?|$)/);
  await expect(member.getByRole("heading", { name: "職員ログイン", level: 1 })).toBeVisible();
  await member.goto("/staff/emails");
  await expect(member).toHaveURL(/\/staff\/login(\?|$)/);
  await expectStaffLoginRefused(member, email, password, INVALID_LOGIN);

  await page.getByRole("button", { name: "利用停止を解除する" }).click();
  await expect(page.getByRole("status")).toContainText("利用停止を解除しました");
  await staffLogin(member, email, password);
  await expect(member).toHaveURL(/\/staff$/);
  await member.context().close();

  // Administrators cannot disable their own account: no button, and the list marks them.
  await page.goto(`/staff/accounts/${await staffIdOf(administrator.email)}`);
  await expect(page.getByText("自分のアカウントは利用停止できません。")).toBeVisible();
  await expect(page.getByRole("button", { name: "利用を停止する" })).toHaveCount(0);
});

test("an administrator unlocks a staff account locked by wrong passwords", async ({ page, browser }) => {
  await startAs(page, "admin");
  const { email, password: rightPassword } = await scenario(page.request, "staff", { name: "施錠 職員" });
  const staffId = await staffIdOf(email);

  // The same lockout as applicants: five wrong passwords in a row (LOCKOUT_THRESHOLD).
  const member = await newPage(browser);
  // The lock is told only to the right password; the attempt that locks gets the generic answer.
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await expectStaffLoginRefused(member, email, "Wrong-Pass-42", INVALID_LOGIN);
  }
  await expectStaffLoginRefused(member, email, rightPassword, "ロックしました");

  await page.goto(`/staff/accounts/${staffId}`);
  await expect(page.locator("dt:text-is('状態') + dd")).toContainText("ロック中");
  await page.getByRole("button", { name: "ロックを解除する" }).click();
  await expect(page.getByRole("status")).toContainText("ロックを解除しました");
  await expect(page.getByRole("button", { name: "ロックを解除する" })).toHaveCount(0);

  await staffLogin(member, email, rightPassword);
  await expect(member).toHaveURL(/\/staff$/);
  await member.context().close();
});

test("an ordinary staff member gets no 職員アカウント link, and its pages and actions answer 404", async ({
  page,
  browser,
}) => {
  // The administrator's forms, read where they are allowed.
  const admin = await newPage(browser);
  const administrator = await startAs(admin, "admin");
  const target = {
    staffId: await staffIdOf((await scenario(admin.request, "staff", { name: "対象 職員" })).email),
  };
  await admin.goto("/staff/accounts/new");
  const createFields = await readFormFields(
    admin.locator("form", { has: admin.getByRole("button", { name: "作成する" }) }),
  );
  await admin.goto(`/staff/accounts/${target.staffId}`);
  const disableFields = await readFormFields(
    admin.locator("form", { has: admin.getByRole("button", { name: "利用を停止する" }) }),
  );

  await startAs(page, "staff");
  await expect(
    page.getByRole("navigation", { name: "職員メニュー" }).getByRole("link", { name: "職員アカウント" }),
  ).toHaveCount(0);
  await expect(page.getByRole("link", { name: "職員アカウントを管理する" })).toHaveCount(0);

  for (const path of ["/staff/accounts", "/staff/accounts/new", `/staff/accounts/${target.staffId}`]) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} as a non-admin`).toBe(404);
    await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(administrator.email);
    await expect(page.locator("body")).not.toContainText("対象 職員");
  }

  // Replayed with the ordinary member's cookies, the actions change nothing.
  const forgedEmail = uniqueEmail("forged-staff");
  const forgedCreate = await postFormAsBrowser(page, "/staff/accounts/new", {
    ...createFields,
    name: "偽造 職員",
    email: forgedEmail,
    role: "ADMIN",
  });
  expect(forgedCreate.status()).toBe(404);
  expect(await query("SELECT id FROM staff_user WHERE email = $1", [forgedEmail])).toEqual([]);

  const forgedDisable = await postFormAsBrowser(page, `/staff/accounts/${target.staffId}`, disableFields);
  expect(forgedDisable.status()).toBe(404);
  const [row] = await query<{ disabled_at: Date | null }>(
    "SELECT disabled_at FROM staff_user WHERE id = $1",
    [target.staffId],
  );
  expect(row?.disabled_at).toBeNull();

  // The same replay by the administrator works: the forged posts were refused for the role.
  const control = await postFormAsBrowser(admin, `/staff/accounts/${target.staffId}`, disableFields);
  expect(control.headers().location ?? "").toMatch(/\?result=disabled$/);
  await admin.context().close();
});
