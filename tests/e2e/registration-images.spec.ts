// 申請内容登録 › 本人確認書類 and 顔写真: JPEG only, the sides per document type, the stored
// 294×378 photo, the pages without JavaScript, and who may open an uploaded image.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { query } from "./fixtures/db";
import { cardImage, facePhotoImage, pngImage } from "./fixtures/images";
import { logIn } from "./fixtures/journey";
import { startAs } from "./fixtures/kit";
import { chooseRegistrationType, expectTaskDone, taskList } from "./fixtures/wizard";

/** An applicant who has given both consents (a scenario), then chooses 簡略型: the task list. */
async function consentedAtTaskList(page: Page) {
  const applicant = await startAs(page, "consented");
  await chooseRegistrationType(page, "簡略型登録");
  return applicant;
}

const filesOf = (loginId: string) =>
  query<{ id: string; slot: string; width: number; height: number }>(
    `SELECT f.id, f.slot, f.width, f.height FROM application_file f
     JOIN application a ON a.id = f.application_id JOIN applicant u ON u.id = a.applicant_id
     WHERE u.login_id = $1 AND f.replaced_at IS NULL ORDER BY f.slot`,
    [loginId],
  );

test("本人確認書類: the type decides the images, only JPEG is taken, both sides are required", async ({
  page,
}) => {
  const applicant = await consentedAtTaskList(page);
  await taskList(page).getByRole("link", { name: "本人確認書類" }).click();
  await expect(page.getByRole("heading", { name: "本人確認書類", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#documentType-error")).toContainText("本人確認書類の種類を選んでください。");

  await page.getByLabel("運転免許証", { exact: true }).check();
  await expect(page.getByLabel("運転免許証の表面")).toBeVisible();
  await expect(page.getByLabel("運転免許証の裏面")).toBeVisible();
  await page.getByLabel("運転免許証の表面").setInputFiles(pngImage);
  await page.getByRole("button", { name: "次へ" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeFocused();
  await expect(page.locator("#identityFront-error")).toContainText(
    "JPEG形式（.jpg）の画像を選んでください。",
  );
  await expect(page.locator("#identityBack-error")).toContainText("運転免許証の裏面の画像を選んでください。");
  await expectNoAxeViolations(page, "本人確認書類 with errors");

  await page.getByLabel("運転免許証の表面").setInputFiles(cardImage);
  await page.getByLabel("運転免許証の裏面").setInputFiles(cardImage);
  await page.getByRole("button", { name: "次へ" }).click();
  await expectTaskDone(page, "本人確認書類");

  const documents = await query<{ document_type: string; is_complete: boolean }>(
    `SELECT d.document_type, d.is_complete FROM application_identity_document d
     JOIN application a ON a.id = d.application_id JOIN applicant u ON u.id = a.applicant_id
     WHERE u.login_id = $1`,
    [applicant.loginId],
  );
  expect(documents).toEqual([{ document_type: "drivers-license", is_complete: true }]);
  expect((await filesOf(applicant.loginId)).map((file) => file.slot)).toEqual([
    "identity-back",
    "identity-front",
  ]);

  // Back on the page: both images are shown, each with its own remove button.
  await taskList(page).getByRole("link", { name: "本人確認書類" }).click();
  await expect(page.getByRole("img", { name: "登録済みの運転免許証の表面" })).toBeVisible();
  await expect(page.getByRole("button", { name: "運転免許証の裏面を削除" })).toBeVisible();
  await expectNoAxeViolations(page, "本人確認書類 with images");
  await page.getByRole("button", { name: "運転免許証の裏面を削除" }).click();
  await expect(page.getByText("運転免許証の裏面を削除しました。")).toBeVisible();
  await expect(page.getByRole("img", { name: "登録済みの運転免許証の裏面" })).toBeHidden();
  await page.goto("/registration/content");
  await expect(taskList(page).getByRole("listitem").filter({ hasText: "本人確認書類" })).toContainText(
    "未入力",
  );
});

test("顔写真: stored at 294×378, shown to its owner and staff only", async ({ page, browser }) => {
  const applicant = await consentedAtTaskList(page);
  await taskList(page).getByRole("link", { name: "顔写真" }).click();
  await expect(page.getByRole("heading", { name: "顔写真", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#facePhoto-error")).toContainText("顔写真の画像を選んでください。");
  await expectNoAxeViolations(page, "顔写真 with errors");

  await page.getByLabel("顔写真", { exact: true }).setInputFiles(facePhotoImage);
  await page.getByRole("button", { name: "一時保存" }).click();
  await expect(page.getByText("一時保存しました。")).toBeVisible();
  const photo = page.getByRole("img", { name: /^登録される顔写真/ });
  await expect(photo).toBeVisible();
  await expect
    .poll(() =>
      photo.evaluate((image) => [
        (image as HTMLImageElement).naturalWidth,
        (image as HTMLImageElement).naturalHeight,
      ]),
    )
    .toEqual([294, 378]);
  await expectNoAxeViolations(page, "顔写真 with a photo");
  await page.getByRole("button", { name: "次へ" }).click();
  await expectTaskDone(page, "顔写真");

  const [stored] = await filesOf(applicant.loginId);
  expect(stored).toMatchObject({ slot: "face-photo", width: 294, height: 378 });
  const url = `/api/files/${stored!.id}`;

  const own = await page.request.get(url);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("image/jpeg");
  expect(own.headers()["cache-control"]).toBe("private, no-store");
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["content-disposition"]).toMatch(/^inline/);

  // Nobody else learns that the file exists: the same 404 as for an id that is no file.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(url)).status()).toBe(404);
  expect((await anonymous.request.get("/api/files/not-a-uuid")).status()).toBe(404);
  await anonymous.close();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await startAs(other, "active");
  expect((await other.request.get(url)).status()).toBe(404);
  expect((await other.request.get("/api/files/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  await otherContext.close();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await startAs(staff, "staff");
  expect((await staff.request.get(url)).status()).toBe(200);
  await staffContext.close();
});

test("顔写真 without JavaScript: remove, upload and 次へ as plain form posts", async ({ page, browser }) => {
  const applicant = await consentedAtTaskList(page);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await logIn(plain, applicant.loginId, applicant.password);
  await expect(plain).toHaveURL(/\/menu$/);
  await plain.goto("/registration/content/face-photo");

  await plain.getByRole("button", { name: "次へ" }).click();
  await expect(plain.locator("#facePhoto-error")).toContainText("顔写真の画像を選んでください。");
  await plain.getByLabel("顔写真", { exact: true }).setInputFiles(pngImage);
  await plain.getByRole("button", { name: "一時保存" }).click();
  await expect(plain.locator("#facePhoto-error")).toContainText("JPEG形式（.jpg）の画像を選んでください。");

  await plain.getByLabel("顔写真", { exact: true }).setInputFiles(facePhotoImage);
  await plain.getByRole("button", { name: "一時保存" }).click();
  await expect(plain.getByRole("img", { name: /^登録される顔写真/ })).toBeVisible();
  await plain.getByRole("button", { name: "顔写真を削除" }).click();
  await expect(plain.getByRole("img", { name: /^登録される顔写真/ })).toBeHidden();
  expect(await filesOf(applicant.loginId)).toEqual([]);

  await plain.getByLabel("顔写真", { exact: true }).setInputFiles(facePhotoImage);
  await plain.getByRole("button", { name: "次へ" }).click();
  await expect(plain).toHaveURL(/\/registration\/content$/);
  expect((await filesOf(applicant.loginId)).map((file) => file.slot)).toEqual(["face-photo"]);
  await context.close();
});
