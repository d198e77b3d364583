// Lockout: five wrong passwords in a row lock the account for 30 minutes, and while it
// is locked even the right password is refused. The lock is told only to the right password:
// a wrong ID, a wrong password and a wrong password for a locked account all look the same. A lock
// stops new sign-ins only; an open session goes on.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { findApplicantByLoginId } from "./fixtures/db";
import { submitLogin, unknownLoginId } from "./fixtures/journey";
import { joinNamespace, scenario, setClock, startAs, testNs } from "./fixtures/kit";

const INVALID_LOGIN =
  "ログインIDまたはパスワードが正しくありません。入力内容を確認して、もう一度ログインしてください。";
const LOCK_MINUTES = 30;

const loginAnswer = (page: Page) => page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });

test("five wrong passwords in a row lock the account for 30 minutes; only the right password is told", async ({
  page,
}) => {
  const applicant = await scenario(page.request, "issued");

  const lockedAt = Date.now();
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await submitLogin(page, applicant.loginId, `Wrong-Passw0rd-${attempt}`);
    await expect(loginAnswer(page), `attempt ${attempt} gets the generic answer`).toContainText(
      INVALID_LOGIN,
    );
    await expect(loginAnswer(page)).not.toContainText("ロック");
  }

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

  // The right password changes nothing while the lock holds, and is the one answer that says so.
  await submitLogin(page, applicant.loginId, applicant.password);
  await expect(page).toHaveURL(/\/login$/);
  const answer = loginAnswer(page);
  await expect(answer).toContainText(`${LOCK_MINUTES}分間ロック`);
  // The time from which to try again, in Japan time (YYYY/MM/DD HH:MM).
  await expect(answer).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}（日本時間）以降に/);
  await expect(answer).toContainText(retryText);
  await expect(answer).toBeFocused();
  await expectNoAxeViolations(page, "login locked");
  const after = await findApplicantByLoginId(applicant.loginId);
  expect(after.locked_until?.getTime()).toBe(row.locked_until!.getTime());
  expect(after.must_change_password).toBe(true);
});

test("an unknown ID hammered six times gets the same answers as a real ID hammered six times", async ({
  page,
}) => {
  const applicant = await scenario(page.request, "issued");
  const unknownId = unknownLoginId();
  const answers = async (loginId: string) => {
    const seen: { text: string; status: number }[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await page.goto("/login");
      const response = await submitLogin(page, loginId, `Wrong-Passw0rd-${attempt}`);
      seen.push({ text: (await loginAnswer(page).innerText()).trim(), status: response.status() });
    }
    return seen;
  };
  const real = await answers(applicant.loginId);
  const unknown = await answers(unknownId);
  expect(unknown).toEqual(real);
  expect(real.every(({ text }) => text.includes(INVALID_LOGIN) && !text.includes("ロック"))).toBe(true);
  expect((await findApplicantByLoginId(applicant.loginId)).locked_until).not.toBeNull();
});

test("a lock leaves an open session alone", async ({ page, browser }) => {
  const applicant = await startAs(page, "active");
  const attackerContext = await browser.newContext();
  const attacker = await attackerContext.newPage();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitLogin(attacker, applicant.loginId, `Wrong-Passw0rd-${attempt}`);
    await expect(loginAnswer(attacker)).toContainText(INVALID_LOGIN);
  }
  expect((await findApplicantByLoginId(applicant.loginId)).locked_until).not.toBeNull();
  await attackerContext.close();

  // The owner, signed in before the lock, carries on.
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/menu$/);
  await page.reload();
  await expect(page).toHaveURL(/\/menu$/);
});

test("an unknown ID and a wrong password get the same message and the same HTTP status", async ({ page }) => {
  const applicant = await scenario(page.request, "issued");

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

test("the lock lifts by itself after 30 minutes (the namespace's server clock moved on)", async ({
  page,
}) => {
  // A namespace of its own: the clock moves for this test alone.
  const ns = testNs();
  const applicant = await scenario(page.request, "locked", { ns });
  await joinNamespace(page, ns);

  await submitLogin(page, applicant.loginId, applicant.password);
  await expect(loginAnswer(page)).toContainText(`${LOCK_MINUTES}分間ロック`);

  // 29 minutes on: still locked.
  await setClock(page.request, { offsetSeconds: (LOCK_MINUTES - 1) * 60 }, ns);
  await page.goto("/login");
  await submitLogin(page, applicant.loginId, applicant.password);
  await expect(loginAnswer(page)).toContainText(`${LOCK_MINUTES}分間ロック`);

  // 31 minutes on: the right password opens the menu again.
  await setClock(page.request, { offsetSeconds: (LOCK_MINUTES + 1) * 60 }, ns);
  await page.goto("/login");
  await page.getByLabel("ログインID").fill(applicant.loginId);
  await page.getByLabel("パスワード", { exact: true }).fill(applicant.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/menu$/);
  expect((await findApplicantByLoginId(applicant.loginId)).failed_login_count).toBe(0);
});
