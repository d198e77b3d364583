// The language switcher (issue 15): the browser's language is the first guess; the switcher on
// every applicant page (login included) works from the keyboard and without JavaScript; the choice
// is remembered in a cookie and in the account, and comes back at login on another browser; staff
// pages stay Japanese whatever the browser asks for.
import { expect, test } from "../../packages/playwright-kit/src/index";
import { e2eTestApiToken } from "./support/environment";
import { query } from "./fixtures/db";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";

test.use({ kitOptions: { token: e2eTestApiToken } });

const SWITCHER = "Language / 言語";

async function preferredLocaleOf(loginId: string): Promise<string | null> {
  const rows = await query<{ preferred_locale: string | null }>(
    "SELECT preferred_locale FROM applicant WHERE login_id = $1",
    [loginId],
  );
  return rows[0]?.preferred_locale ?? null;
}

test.describe("guessed from the browser", () => {
  test.use({ locale: "en-US" });

  test("an English browser gets the login page in English; the staff login stays Japanese", async ({
    page,
  }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Log in (ログイン)" })).toBeVisible();
    await expect(page.getByLabel("Login ID (ログインID)")).toBeVisible();

    await page.goto("/staff/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: "職員ログイン" })).toBeVisible();
    // Staff pages are Japanese only: no switcher there.
    await expect(page.getByText(SWITCHER)).toHaveCount(0);
  });
});

test("the switcher works from the keyboard and is remembered in a cookie", async ({ page, context }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  const summary = page.locator("summary", { hasText: SWITCHER });
  await summary.focus();
  await page.keyboard.press("Enter");
  const vietnamese = page.getByRole("button", { name: "Tiếng Việt" });
  await expect(vietnamese).toBeVisible();
  await vietnamese.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  const cookie = (await context.cookies()).find((c) => c.name === LOCALE_COOKIE);
  expect(cookie?.value).toBe("vi");
  expect(cookie?.httpOnly).toBe(true);

  // Another page, a new load: still Vietnamese.
  await page.goto("/password/forgot");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  // Back to Japanese the same way: every language is named in itself, Japanese too.
  await page.locator("summary", { hasText: SWITCHER }).click();
  await page.getByRole("button", { name: "日本語", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the switcher still changes the language", async ({ page }) => {
    await page.goto("/login");
    await page.locator("summary", { hasText: SWITCHER }).click();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Log in (ログイン)" })).toBeVisible();
  });
});

test("the choice made before login goes to the account and comes back at login on another browser", async ({
  page,
  browser,
  kit,
  ns,
}) => {
  const applicant = await kit.createScenario({ persona: "active", ns });
  expect(await preferredLocaleOf(applicant.loginId!)).toBeNull();

  // Chosen on the login page, then logged in: the account keeps it.
  await page.goto("/login");
  await page.locator("summary", { hasText: SWITCHER }).click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Login ID (ログインID)").fill(applicant.loginId!);
  await page.getByLabel("Password (パスワード)").fill(applicant.password);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(page).toHaveURL(/\/menu$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await preferredLocaleOf(applicant.loginId!)).toBe("en");

  // Signed in, switched again: the account follows.
  await page.locator("summary", { hasText: SWITCHER }).click();
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect.poll(() => preferredLocaleOf(applicant.loginId!)).toBe("vi");

  // Another browser with a Japanese guess: Japanese until login, then the account's language.
  const other = await browser.newContext({ locale: "ja-JP" });
  try {
    const second = await other.newPage();
    await second.goto("/login");
    await expect(second.locator("html")).toHaveAttribute("lang", "ja");
    await second.getByLabel("ログインID").fill(applicant.loginId!);
    await second.getByLabel("パスワード", { exact: true }).fill(applicant.password);
    await second.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(second).toHaveURL(/\/menu$/);
    await expect(second.locator("html")).toHaveAttribute("lang", "vi");
  } finally {
    await other.close();
  }
});

test("a made-up language changes nothing", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: LOCALE_COOKIE, value: "xx", url: baseURL! }]);
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});
