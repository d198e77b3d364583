// Sessions: a password change ends the applicant's sessions in every browser,
// ログアウト ends the session on the server (a replayed cookie is dead), and the idle warning lets
// the user extend before the page logs out by itself.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { changePassword, logIn, newPassword, sessionCookie } from "./fixtures/journey";
import { setClock, startAs, testNs } from "./fixtures/kit";

// Each test starts from a scenario (tests/e2e/fixtures/kit.ts): an applicant made by the test kit
// and signed in with a one-time sign-in URL.

test("a password change ends the applicant's session in the other browser too", async ({ page, browser }) => {
  const applicant = await startAs(page, "active");
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
  await startAs(page, "active");
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
  await startAs(page, "active");

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

test("the server ends a session idle for more than 30 minutes (the namespace's server clock moved on)", async ({
  page,
}) => {
  // A namespace of its own: the clock moves for this test alone. The browser's own countdown is
  // the test above; here no page is open while the time passes, so only the server decides.
  const ns = testNs();
  await startAs(page, "active", { ns });

  // 29 minutes later the session is alive, and this page view counts as activity.
  await setClock(page.request, { offsetSeconds: 29 * 60 }, ns);
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/menu$/);

  // 29 + 31 minutes: more than 30 minutes since the last activity.
  await setClock(page.request, { offsetSeconds: 60 * 60 }, ns);
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await page.goto("/registration");
  await expect(page).toHaveURL(/\/login(\?|$)/);
});
