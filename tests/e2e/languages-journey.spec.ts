// The sign-in journey and the registration wizard in English and Vietnamese (issue 15), driven by
// the words each page shows in that language (tests/e2e/support/words.ts turns the Japanese names
// into the language's through the message catalogues): issued applicant → login → password change
// → login again → menu → 10_登録申請 → both consents → 簡略型 → every group → check page → 申請する →
// 申請完了, with axe on the way.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { scenario, startAs } from "./fixtures/kit";
import { fillSimpleGroups } from "./support/simple-wizard";
import { wordsFor, type Words } from "./support/words";
import { LOCALE_COOKIE, LOCALE_INFO, type Locale } from "../../lib/i18n/locales";

test.describe.configure({ timeout: 240_000 });

const NEW_PASSWORD = "Kensetsu-Career7!";

async function openFromMenu(page: Page, w: Words, name: string) {
  const toggle = page.getByRole("button", { name: w("メニューを開く") });
  const link = page.getByRole("link", { name: w(name) });
  await expect(async () => {
    if (!(await link.isVisible()) && (await toggle.isVisible())) await toggle.click();
    await link.click({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

async function logIn(page: Page, w: Words, loginId: string, password: string) {
  await page.goto("/login");
  await page.getByLabel(w("ログインID", "auth.login")).fill(loginId);
  await page.getByLabel(w("パスワード", "auth.login"), { exact: true }).fill(password);
  await page.getByRole("button", { name: w("ログイン", "auth.login.submit"), exact: true }).click();
}

for (const locale of ["en", "vi"] as const satisfies Locale[]) {
  test.describe(`in ${LOCALE_INFO[locale].selfName}`, () => {
    let w: Words;
    test.beforeAll(() => {
      w = wordsFor(locale);
    });
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    });

    test("an issued applicant logs in, changes the password and logs in again", async ({ page }) => {
      const applicant = await scenario(page.request, "issued", {});
      await logIn(page, w, applicant.loginId!, applicant.password);
      await expect(page).toHaveURL(/\/password\/change$/);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page, `password change (${locale})`);
      await page.getByLabel(w("現在のパスワード"), { exact: true }).fill(applicant.password);
      await page.getByLabel(w("新しいパスワード"), { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(w("新しいパスワード確認"), { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: w("パスワード変更") }).click();
      await expect(page).toHaveURL(/\/login\?reason=password-changed$/);
      await expect(page.getByRole("status")).toContainText(
        w("パスワードを変更しました。新しいパスワードでログインしてください。"),
      );
      await logIn(page, w, applicant.loginId!, NEW_PASSWORD);
      await expect(page).toHaveURL(/\/menu$/);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page, `menu (${locale})`);
    });

    test("the 簡略型 wizard from the menu to 申請完了", async ({ page }) => {
      const applicant = await startAs(page, "active");
      await openFromMenu(page, w, "10_登録申請");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w("登録方式についての注意事項"));
      await page.getByRole("button", { name: w("はい") }).click();
      for (const [step, address] of [
        ["個人情報", /\/registration\/consent\/personal-info$/],
        ["システム利用規約", /\/registration\/consent\/terms$/],
      ] as const) {
        await expect(page).toHaveURL(address);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        // After a client-side navigation the title follows the page a moment later.
        await expect(page).toHaveTitle(/\S/);
        await expectNoAxeViolations(page, `${step} (${locale})`);
        await page.getByLabel(w("確認しました")).check();
        await page.getByRole("button", { name: w("同意する") }).click();
      }
      await expect(page).toHaveURL(/\/registration\/content$/);
      await page.getByLabel(w("簡略型登録", "content.page")).check();
      await page.getByRole("button", { name: w("次へ") }).click();
      await expect(page.getByRole("heading", { name: w("入力する項目") })).toBeVisible();

      await fillSimpleGroups(page, w, applicant.email, (name) =>
        expectNoAxeViolations(page, `${name} (${locale})`),
      );

      await page.getByRole("link", { name: w("申請内容の確認へ進む", "content.page") }).click();
      await expect(page).toHaveURL(/\/registration\/confirm$/);
      await expectNoAxeViolations(page, `申請内容送信 (${locale})`);
      await page.getByRole("button", { name: w("申請する") }).click();
      await expect(page).toHaveURL(/\/registration\/complete$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w("申請完了"));
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page, `申請完了 (${locale})`);
    });
  });
}
