// The 簡略型 groups of 申請内容登録 filled in a language other than Japanese, by the page's words
// (./words.ts): 本人情報 → 本人確認書類 → 顔写真 → 所属事業者情報 → 職種 → 社会保険・建退共・中退共, each
// from the task list and back to it marked 入力済み. Shared by the language journeys
// (languages-journey.spec.ts, english-journey.spec.ts).
import { expect, type Page } from "@playwright/test";
import { cardImage, facePhotoImage } from "../fixtures/images";
import type { Words } from "./words";

/**
 * From the task list (/registration/content, 簡略型 chosen): every group filled and saved.
 * `checkPage(name)` runs on each group's page once it is filled (axe, the language checks).
 */
export async function fillSimpleGroups(
  page: Page,
  w: Words,
  email: string,
  checkPage: (name: string) => Promise<void>,
) {
  const tasks = page.getByRole("list").filter({ hasText: w("本人情報", "content.groups") });
  const group = async (name: string, fill: () => Promise<void>) => {
    await tasks.getByRole("link", { name: w(name, "content.groups") }).click();
    await expect(page).toHaveURL(/\/registration\/content\/[a-z-]+$/);
    await fill();
    await checkPage(name);
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
    await page.getByLabel(w("メールアドレス"), { exact: true }).fill(email);
  });
  await group("本人確認書類", async () => {
    await page.getByLabel(w("運転免許証", "documents.identity"), { exact: true }).check();
    await page.getByLabel(w("運転免許証の表面", "documents.identity")).setInputFiles(cardImage);
    await page.getByLabel(w("運転免許証の裏面", "documents.identity")).setInputFiles(cardImage);
  });
  await group("顔写真", async () => {
    await page.getByLabel(w("顔写真", "documents.face.label"), { exact: true }).setInputFiles(facePhotoImage);
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
}
