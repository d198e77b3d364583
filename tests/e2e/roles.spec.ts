// Roles (every page and server action checks the session and role itself): an applicant
// cannot open staff pages or run staff actions, staff cannot open applicant pages, and an
// applicant who still holds the emailed password cannot run any other action.
import { expect, test } from "@playwright/test";
import { countAudit, findApplicantByLoginId, findLoginIdsByEmail } from "./fixtures/db";
import { uniqueEmail } from "./fixtures/journey";
import { startAs } from "./fixtures/kit";
import {
  callServerAction,
  postFormAsBrowser,
  readFormFields,
  readServerActionId,
} from "./fixtures/server-actions";
import { e2eStaff } from "./support/environment";

// Each test starts from scenarios (tests/e2e/fixtures/kit.ts): accounts made by the test kit and
// signed in with one-time sign-in URLs, instead of issuing and logging in through the UI.

const STAFF_PAGES = [
  "/staff",
  "/staff/applicants",
  "/staff/applicants/issue",
  "/staff/applicants/bulk",
  "/staff/applications",
  "/staff/emails",
  "/staff/payments",
  "/staff/payments/slips",
  "/staff/consents",
  "/staff/audit",
];
const APPLICANT_PAGES = ["/menu", "/registration", "/correction", "/notices", "/password/change"];
// /staff/consents and /staff/audit are also 管理者-only: a 職員 gets 404 (admin-records.spec.ts).

test("an applicant opening staff pages is sent to the staff login and sees no staff data", async ({
  page,
}) => {
  const applicant = await startAs(page, "active");
  for (const path of STAFF_PAGES) {
    await page.goto(path);
    await expect(page, `${path} as an applicant`).toHaveURL(/\/staff\/login(\?|$)/);
    await expect(page.getByRole("heading", { name: "職員ログイン", level: 1 })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    // Not even in the HTML sent before the redirect.
    const raw = await page.request.get(path, { maxRedirects: 0 });
    expect(raw.status(), `${path} raw status`).toBeGreaterThanOrEqual(300);
    const body = await raw.text();
    for (const secret of [
      applicant.email,
      applicant.loginId,
      e2eStaff.name,
      "申請者一覧（新しく発行した順）",
      "申請一覧（送信日時の新しい順）",
      "メール送信状況（最新50件）",
    ]) {
      expect(body, `${path} raw body`).not.toContain(secret);
    }
  }
  // The applicant's own session is untouched.
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/menu$/);
});

test("staff opening applicant pages are sent to the applicant login", async ({ page }) => {
  await startAs(page, "staff");
  for (const path of APPLICANT_PAGES) {
    await page.goto(path);
    await expect(page, `${path} as staff`).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByRole("heading", { name: "ログイン", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "メニュー" })).toHaveCount(0);
  }
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff$/);
});

test("an applicant replaying the staff 発行する form creates no applicant", async ({ page, browser }) => {
  // The form as staff see it.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await startAs(staff, "staff");
  await staff.goto("/staff/applicants/issue");
  const issueForm = staff.locator("form", { has: staff.getByRole("button", { name: "発行する" }) });
  expect(await readServerActionId(staff, issueForm)).toMatch(/^[0-9a-f]{40,}$/);
  const fields = await readFormFields(issueForm);

  // The applicant posts it with their own cookies.
  await startAs(page, "active");
  const forgedEmail = uniqueEmail("forged");
  const forged = await postFormAsBrowser(page, "/staff/applicants/issue", {
    ...fields,
    name: "偽造 太郎",
    email: forgedEmail,
  });
  expect(forged.status(), "the forged post is not a success page").not.toBe(200);
  expect(forged.headers().location ?? "").toMatch(/\/staff\/login(\?|$)/);
  expect(await findLoginIdsByEmail(forgedEmail)).toEqual([]);

  // The same post with staff cookies does issue an ID: the replay itself works.
  const controlEmail = uniqueEmail("replayed-by-staff");
  const control = await postFormAsBrowser(staff, "/staff/applicants/issue", {
    ...fields,
    name: "再送 太郎",
    email: controlEmail,
  });
  expect(control.headers().location ?? "").toMatch(/\/staff\/applicants\/issue\/[0-9a-f-]{36}$/);
  expect(await findLoginIdsByEmail(controlEmail)).toHaveLength(1);
  expect(await findLoginIdsByEmail(forgedEmail)).toEqual([]);
  await staffContext.close();
});

test("before the forced change, a direct post of the registration 「はい」 action is refused", async ({
  page,
  browser,
}) => {
  // An active applicant renders /registration and reads the form of 「はい」.
  const active = await startAs(page, "active");
  await page.goto("/registration");
  const yesForm = page.locator("form", { has: page.getByRole("button", { name: "はい" }) });
  const actionId = await readServerActionId(page, yesForm);
  const fields = await readFormFields(yesForm);
  expect(Object.keys(fields)).toContain(`$ACTION_ID_${actionId}`);

  // An applicant who has logged in with the emailed password but not changed it.
  const pendingContext = await browser.newContext();
  const pending = await pendingContext.newPage();
  // (The scenario's sign-in URL counts as the login with the emailed password.)
  const issued = await startAs(pending, "issued");
  await expect(pending).toHaveURL(/\/password\/change$/);
  const pendingId = (await findApplicantByLoginId(issued.loginId)).id;

  const asForm = await postFormAsBrowser(pending, "/registration", fields);
  expect(asForm.status(), "the form post is not a success page").not.toBe(200);
  expect(asForm.headers().location ?? "").toMatch(/\/password\/change$/);
  const asAction = await callServerAction(pending, "/registration", actionId);
  expect(asAction.headers()["x-action-redirect"] ?? asAction.headers().location ?? "").toMatch(
    /\/password\/change/,
  );
  expect(await countAudit("registration.notice-accepted", pendingId)).toBe(0);
  // Still held on the change page.
  await pending.goto("/menu");
  await expect(pending).toHaveURL(/\/password\/change$/);

  // The same post by the active applicant is recorded: the call itself works.
  const activeId = (await findApplicantByLoginId(active.loginId)).id;
  const before = await countAudit("registration.notice-accepted", activeId);
  const control = await postFormAsBrowser(page, "/registration", fields);
  // 「はい」 goes on to the first unfinished step.
  expect(control.headers().location ?? "").toMatch(/\/registration\/consent\/personal-info$/);
  expect(await countAudit("registration.notice-accepted", activeId)).toBe(before + 1);
  const controlAction = await callServerAction(page, "/registration", actionId);
  expect(controlAction.headers()["x-action-redirect"] ?? controlAction.headers().location ?? "").toMatch(
    /\/registration\/consent\/personal-info/,
  );
  expect(await countAudit("registration.notice-accepted", activeId)).toBe(before + 2);
  await pendingContext.close();
});
