// パスワードを忘れた場合: the same answer whether or not the ID and address match, an
// email with a new 申請用パスワード only on a match, the old password and sessions alive until the
// emailed one is used, then the forced change again with every other session ended, and a per-ID
// throttle.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { findApplicantByLoginId } from "./fixtures/db";
import { logIn, requestReissue, uniqueEmail, unknownLoginId } from "./fixtures/journey";
import { joinNamespace, scenario, setClock, startAs, testNs } from "./fixtures/kit";
import { extractField, listEmails, waitForEmail, waitForOutboxSettled } from "./fixtures/mailbox";

// The applicant comes from a scenario (tests/e2e/fixtures/kit.ts): made by the test kit, password
// already changed, signed in with a one-time sign-in URL.

const REISSUE_SUBJECT = "申請用パスワード再発行のお知らせ";
const INVALID_LOGIN = "ログインIDまたはパスワードが正しくありません。";
const THROTTLED = "ログインの試行回数が多すぎます。しばらく時間をおいてから、もう一度お試しください。";

test("a match emails a new 申請用パスワード; a mismatch gets the same answer and no email", async ({
  page,
  browser,
}) => {
  const applicant = await startAs(page, "active");
  const context = await browser.newContext();
  const visitor = await context.newPage();

  // From the login page link.
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "パスワードを忘れた場合" }).click();
  await expect(visitor).toHaveURL(/\/password\/forgot$/);
  await expect(visitor.getByRole("heading", { name: "パスワードを忘れた場合", level: 1 })).toBeVisible();
  await expectNoAxeViolations(visitor, "forgot password");

  // Empty submit: the summary takes focus and each field says what is missing.
  await visitor.getByRole("button", { name: "申請用パスワードを再発行する" }).click();
  const summary = visitor.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "ログインIDを入力してください。" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "メールアドレスを入力してください。" })).toBeVisible();
  await expect(visitor.locator("#loginId-error")).toContainText("ログインIDを入力してください。");
  await expect(visitor.locator("#email-error")).toContainText("メールアドレスを入力してください。");
  await expectNoAxeViolations(visitor, "forgot password with errors");

  const answerOf = async () => {
    await expect(visitor).toHaveURL(/\/password\/forgot\?sent=1$/);
    await expect(visitor.getByRole("status")).toContainText("受け付けました");
    // After a client-side navigation the title follows the page a moment later.
    await expect(visitor).toHaveTitle(/パスワードを忘れた場合/);
    return {
      url: visitor.url(),
      title: await visitor.title(),
      main: await visitor.locator("main").innerText(),
    };
  };

  // A wrong address for a real ID, and an unknown ID: the answer a match gets, and no email.
  const wrongAddress = uniqueEmail("not-the-applicant");
  const strangerAddress = uniqueEmail("stranger");
  await waitForOutboxSettled(applicant.email); // the scenario's own emails are out
  const mailsBefore = (await listEmails(applicant.email)).length;
  await requestReissue(visitor, applicant.loginId, wrongAddress);
  const wrongAddressAnswer = await answerOf();
  await requestReissue(visitor, unknownLoginId(), strangerAddress);
  const unknownIdAnswer = await answerOf();
  for (const address of [applicant.email, wrongAddress, strangerAddress]) await waitForOutboxSettled(address);
  expect(await listEmails(applicant.email)).toHaveLength(mailsBefore);
  expect(await listEmails(wrongAddress)).toHaveLength(0);
  expect(await listEmails(strangerAddress)).toHaveLength(0);
  // The mismatch changed nothing: the password set earlier still stands.
  expect((await findApplicantByLoginId(applicant.loginId)).must_change_password).toBe(false);

  // The match: the same answer, and the email.
  await requestReissue(visitor, applicant.loginId, applicant.email);
  const matchAnswer = await answerOf();
  await expectNoAxeViolations(visitor, "forgot password answer");
  expect(wrongAddressAnswer).toEqual(matchAnswer);
  expect(unknownIdAnswer).toEqual(matchAnswer);

  const mail = await waitForEmail({ to: applicant.email, subject: REISSUE_SUBJECT, after: mailsBefore });
  expect(extractField(mail.text, "申請ログインID")).toBe(applicant.loginId);
  const reissued = extractField(mail.text, "申請用パスワード");
  expect(reissued).not.toBe(applicant.password);

  // Nothing has changed yet: the open session goes on, and the password the applicant set still
  // logs in (knowing the ID and the address is not enough to lock the owner out).
  expect((await findApplicantByLoginId(applicant.loginId)).must_change_password).toBe(false);
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/menu$/);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await logIn(owner, applicant.loginId, applicant.password);
  await expect(owner).toHaveURL(/\/menu$/);

  // The emailed password forces a change again and ends every other session.
  await logIn(visitor, applicant.loginId, reissued);
  await expect(visitor).toHaveURL(/\/password\/change$/);
  await expect(visitor.getByRole("heading", { name: "パスワード変更", level: 1 })).toBeVisible();
  await visitor.goto("/menu");
  await expect(visitor).toHaveURL(/\/password\/change$/);
  for (const signedIn of [page, owner]) {
    await signedIn.goto("/menu");
    await expect(signedIn).toHaveURL(/\/login/);
  }

  // From now on the old password is dead, and the emailed one worked once.
  await logIn(owner, applicant.loginId, applicant.password);
  await expect(owner.getByRole("alert").first()).toContainText(INVALID_LOGIN);
  await logIn(owner, applicant.loginId, reissued);
  await expect(owner.getByRole("alert").first()).toContainText("使用済み");
  await ownerContext.close();
  await context.close();
});

test("the same login ID asked for a sixth time within the hour is throttled", async ({ page }) => {
  // RESET_LIMIT_PER_HOUR defaults to 5 per login ID (lib/env.ts); the count is kept by the ID as
  // typed, before it is looked up, so an unknown ID is throttled like a real one.
  const loginId = unknownLoginId();
  const email = uniqueEmail("throttle");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await requestReissue(page, loginId, email);
    await expect(page, `request ${attempt} is answered as usual`).toHaveURL(/\/password\/forgot\?sent=1$/);
    await expect(page.getByRole("status")).toContainText("受け付けました");
  }

  await requestReissue(page, loginId, email);
  await expect(page.getByRole("alert").filter({ hasText: THROTTLED })).toBeVisible();
  await expect(page).toHaveURL(/\/password\/forgot$/);
  await expect(page.getByText("受け付けました")).toHaveCount(0);
  await expect(page.getByLabel("ログインID")).toHaveValue(loginId);
  await expectNoAxeViolations(page, "forgot password throttled");
});

test("an unused 申請用パスワード expires after TEMP_PASSWORD_DAYS (the namespace's server clock moved on)", async ({
  page,
}) => {
  // TEMP_PASSWORD_DAYS defaults to 14 (lib/env.ts). A namespace of its own: the clock moves for
  // this test alone.
  const ns = testNs();
  const applicant = await scenario(page.request, "issued", { ns });
  await joinNamespace(page, ns);

  await setClock(page.request, { offsetSeconds: 15 * 86_400 }, ns);
  await logIn(page, applicant.loginId, applicant.password);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("alert").first()).toContainText(
    "申請用パスワードの有効期限が切れています。「パスワードを忘れた場合」から申請用パスワードを再発行してください。",
  );

  // Back to 13 days: the same password still opens the forced change.
  await setClock(page.request, { offsetSeconds: 13 * 86_400 }, ns);
  await logIn(page, applicant.loginId, applicant.password);
  await expect(page).toHaveURL(/\/password\/change$/);
});
