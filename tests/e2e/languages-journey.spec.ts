// The sign-in journey and the registration wizard in English and Vietnamese (issue 15), driven by
// the words each page shows in that language (tests/e2e/support/words.ts turns the Japanese names
// into the language's through the message catalogues): issued applicant → login → password change
// → login again → menu → 10_登録申請 → both consents → 簡略型 → every group → check page → 申請する →
// 申請完了, with axe on the way.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { scenario, startAs } from "./fixtures/kit";
import { cardImage, facePhotoImage } from "./fixtures/images";
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

      const tasks = page.getByRole("list").filter({ hasText: w("本人情報", "content.groups") });
      const group = async (name: string, fill: () => Promise<void>) => {
        await tasks.getByRole("link", { name: w(name, "content.groups") }).click();
        await fill();
        await expectNoAxeViolations(page, `${name} (${locale})`);
        await page.getByRole("button", { name: w("次へ") }).click();
        await expect(page).toHaveURL(/\/registration\/content$/);
        await expect(
          tasks
            .getByRole("listitem")
            .filter({ hasText: w(name, "content.groups") })
            .first(),
        ).toContainText(w("入力済み"));
      };
      await group("本人情報", async () => {
        await page.getByLabel(w("はい")).check();
        await page.getByLabel(w("氏名（姓）"), { exact: true }).fill("建設");
        await page.getByLabel(w("氏名（名）"), { exact: true }).fill("花子");
        await page.getByLabel(w("フリガナ（セイ）"), { exact: true }).fill("けんせつ");
        await page.getByLabel(w("フリガナ（メイ）"), { exact: true }).fill("はなこ");
        await page.getByLabel(w("生年月日"), { exact: true }).fill("1988-05-20");
        await page.getByLabel(w("女性")).check();
        await page.getByLabel(w("郵便番号"), { exact: true }).fill("1130021");
        await page.getByRole("button", { name: w("郵便番号から住所を入力") }).click();
        await expect(page.getByLabel(w("都道府県"), { exact: true })).toHaveValue("東京都");
        await page.getByLabel(w("市区町村・番地")).fill("文京区本駒込2-28-8");
        await page.getByLabel(w("電話番号"), { exact: true }).fill("09012345678");
        await page.getByLabel(w("メールアドレス"), { exact: true }).fill(applicant.email);
      });
      await group("本人確認書類", async () => {
        await page.getByLabel(w("運転免許証", "documents.identity"), { exact: true }).check();
        await page.getByLabel(w("運転免許証の表面", "documents.identity")).setInputFiles(cardImage);
        await page.getByLabel(w("運転免許証の裏面", "documents.identity")).setInputFiles(cardImage);
      });
      await group("顔写真", async () => {
        await page
          .getByLabel(w("顔写真", "documents.face.label"), { exact: true })
          .setInputFiles(facePhotoImage);
      });
      await group("所属事業者情報", async () => {
        await page.getByLabel(w("所属する事業者がある")).check();
        await page.getByLabel(w("事業者名"), { exact: true }).fill("株式会社 建設工業");
      });
      await group("職種", async () => {
        await page.getByLabel(w("職種{number}", undefined, { number: 1 })).selectOption("06-01");
      });
      await group("社会保険（健康保険・年金保険・雇用保険）", async () => {
        await page.getByLabel(w("協会けんぽ")).check();
        await page.getByLabel(w("健康保険の証明書類"), { exact: true }).setInputFiles(cardImage);
        await page.getByLabel(w("厚生年金")).check();
        await page.getByLabel(w("被保険者"), { exact: true }).check();
        await page.getByLabel(w("雇用保険の被保険者番号")).fill("1234-567890-1");
        await page.getByLabel(w("建退共に未加入")).check();
        await page.getByLabel(w("中退共に未加入")).check();
      });

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
