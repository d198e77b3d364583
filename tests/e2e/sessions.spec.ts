// Sessions (SPEC §2.3, §5): a password change ends the applicant's sessions in every browser,
// ログアウト ends the session on the server (a replayed cookie is dead), and the idle warning lets
// the user extend before the page logs out by itself.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { activeApplicant, changePassword, logIn, newPassword, sessionCookie } from "./fixtures/journey";

// Each test makes its applicants through the UI (staff sign-in, issue, email, login, change):
// about 20 s alone, and two to three times that with two workers on a two-CPU machine.

test("a password change ends the applicant's session in the other browser too", async ({ page, browser }) => {
  const applicant = await activeApplicant(page);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await logIn(other, applicant.loginId, applicant.password);
  await expect(other).toHaveURL(/\/menu$/);

  await page.goto("/password/change");
  const changed = newPassword();
  await changePassword(page, applicant.password, changed);
  await expect(page).toHaveURL(/\/login\?reason=password-changed$/);

  await other.goto("/menu");
  await expect(other).toHaveURL(/\/login(\?|$)/);
  await other.goto("/registration");
  await expect(other).toHaveURL(/\/login(\?|$)/);

  // The new password works.
  await logIn(other, applicant.loginId, changed);
  await expect(other).toHaveURL(/\/menu$/);
  await otherContext.close();
});

test("ログアウト ends the session on the server: the old cookie replayed elsewhere is refused", async ({
  page,
  browser,
}) => {
  await activeApplicant(page);
  const cookie = await sessionCookie(page);
  expect(cookie, "session cookie").toBeDefined();

  // The cookie works in another browser while the session lives (so the replay below is real).
  const replayContext = await browser.newContext();
  await replayContext.addCookies([cookie!]);
  const replay = await replayContext.newPage();
  await replay.goto("/menu");
  await expect(replay).toHaveURL(/\/menu$/);

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?reason=logged-out$/);
  await expect(page.getByRole("status")).toContainText("ログアウトしました。");
  expect(await sessionCookie(page)).toBeUndefined();
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/login(\?|$)/);

  await replay.goto("/menu");
  await expect(replay).toHaveURL(/\/login(\?|$)/);
  const freshContext = await browser.newContext();
  await freshContext.addCookies([cookie!]);
  const fresh = await freshContext.newPage();
  await fresh.goto("/menu");
  await expect(fresh).toHaveURL(/\/login(\?|$)/);
  await replayContext.close();
  await freshContext.close();
});

test("the idle warning lets the user extend, and the page logs out by itself when time is up", async ({
  page,
}) => {
  // Defaults (lib/env.ts): 30 minutes idle, warning 120 seconds before.
  await page.clock.install();
  await activeApplicant(page);

  const dialog = page.getByRole("dialog", { name: "まもなく自動的にログアウトします" });
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("28:30");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/あと(\d+分)?\d+秒でログアウトします/);
  const extend = dialog.getByRole("button", { name: "ログイン状態を延長する" });
  await expect(extend).toBeFocused();
  await expectNoAxeViolations(page, "idle warning dialog");

  await extend.click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/menu$/);

  // Without the extension these 28:30 would be past the first deadline.
  await page.clock.fastForward("28:30");
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\/menu$/);

  await page.clock.fastForward("02:00");
  await expect(page).toHaveURL(/\/login\?reason=idle$/);
  await expect(page.getByRole("status")).toContainText(
    "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。",
  );
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/login(\?|$)/);
});
