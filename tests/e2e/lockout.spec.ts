// Lockout (SPEC §2.2): five wrong passwords in a row lock the account for 30 minutes, and while it
// is locked even the right password is refused. A wrong ID and a wrong password look the same.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { findApplicantByLoginId } from "./fixtures/db";
import { issueApplicantInNewPage, submitLogin, unknownLoginId } from "./fixtures/journey";

const INVALID_LOGIN =
  "ログインIDまたはパスワードが正しくありません。入力内容を確認して、もう一度ログインしてください。";
const LOCK_MINUTES = 30;

const loginAnswer = (page: Page) => page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });

test("five wrong passwords in a row lock the account for 30 minutes, even against the right password", async ({
  page,
}) => {
  const applicant = await issueApplicantInNewPage(page);

  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await submitLogin(page, applicant.loginId, `Wrong-Passw0rd-${attempt}`);
    await expect(loginAnswer(page), `attempt ${attempt} is not locked yet`).toContainText(INVALID_LOGIN);
    await expect(loginAnswer(page)).not.toContainText("ロック");
  }
  expect((await findApplicantByLoginId(applicant.loginId)).locked_until).toBeNull();

  const lockedAt = Date.now();
  await submitLogin(page, applicant.loginId, "Wrong-Passw0rd-5");
  const answer = loginAnswer(page);
  await expect(answer).toContainText(`${LOCK_MINUTES}分間ロック`);
  // The time from which to try again, in Japan time (YYYY/MM/DD HH:MM).
  await expect(answer).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}（日本時間）以降に/);
  await expect(answer).toBeFocused();
  await expectNoAxeViolations(page, "login locked");

  const row = await findApplicantByLoginId(applicant.loginId);
  expect(row.locked_until, "locked_until is set").not.toBeNull();
  const lockedForMs = row.locked_until!.getTime() - lockedAt;
  expect(Math.abs(lockedForMs - LOCK_MINUTES * 60_000)).toBeLessThanOrEqual(2 * 60_000);
  const retryShown = new Date(row.locked_until!.getTime() + 9 * 3_600_000);
  const retryText = `${retryShown.getUTCFullYear()}/${String(retryShown.getUTCMonth() + 1).padStart(2, "0")}/${String(
    retryShown.getUTCDate(),
  ).padStart(
    2,
    "0",
  )} ${String(retryShown.getUTCHours()).padStart(2, "0")}:${String(retryShown.getUTCMinutes()).padStart(2, "0")}`;
  await expect(answer).toContainText(retryText);

  // The right password changes nothing while the lock holds.
  await submitLogin(page, applicant.loginId, applicant.temporaryPassword);
  await expect(page).toHaveURL(/\/login$/);
  await expect(loginAnswer(page)).toContainText(`${LOCK_MINUTES}分間ロック`);
  await expect(loginAnswer(page)).toContainText(retryText);
  const after = await findApplicantByLoginId(applicant.loginId);
  expect(after.locked_until?.getTime()).toBe(row.locked_until!.getTime());
  expect(after.must_change_password).toBe(true);
});

test("an unknown ID and a wrong password get the same message and the same HTTP status", async ({ page }) => {
  const applicant = await issueApplicantInNewPage(page);

  const wrongPassword = await submitLogin(page, applicant.loginId, "Wrong-Passw0rd!");
  const wrongPasswordText = (await loginAnswer(page).innerText()).trim();
  expect(wrongPasswordText).toContain(INVALID_LOGIN);

  await page.goto("/login");
  const unknownId = await submitLogin(page, unknownLoginId(), "Wrong-Passw0rd!");
  const unknownIdText = (await loginAnswer(page).innerText()).trim();

  expect(unknownIdText).toBe(wrongPasswordText);
  expect(unknownId.status()).toBe(wrongPassword.status());
  expect(unknownId.headers()["content-type"]).toBe(wrongPassword.headers()["content-type"]);
});
