// 申請内容登録: the registration type, the task list and the 本人情報 page.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { query } from "./fixtures/db";
import { cardImage } from "./fixtures/images";
import { startAs } from "./fixtures/kit";

const fifteenYearsAgoPlus = (days: number) => {
  const jst = new Date(Date.now() + 9 * 3_600_000);
  const date = new Date(Date.UTC(jst.getUTCFullYear() - 15, jst.getUTCMonth(), jst.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
};

test("registration type, then 本人情報 with normalisation, 郵便番号 lookup and saving", async ({ page }) => {
  const applicant = await startAs(page, "consented");

  // The type comes first; nothing chosen is refused.
  await expectNoAxeViolations(page, "registration type");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#registrationType-error")).toContainText("登録方式");
  await page.getByLabel("簡略型登録").check();
  await page.getByRole("button", { name: "次へ" }).click();
  const tasks = page.getByRole("list").filter({ hasText: "本人情報" });
  await expect(tasks.getByRole("listitem").first()).toContainText("未入力");
  await expect(tasks).toContainText("所属事業者情報");
  await expect(tasks).not.toContainText("学歴");
  await expectNoAxeViolations(page, "task list");

  // 本人情報: every required field is named when nothing is filled in.
  await page.getByRole("link", { name: "本人情報" }).click();
  await page.getByRole("button", { name: "次へ" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "日本国籍の有無を選んでください。" })).toBeVisible();
  await expectNoAxeViolations(page, "本人情報 with errors");

  await page.getByLabel("はい").check();
  await page.getByLabel("氏名（姓）").fill("建設");
  await page.getByLabel("氏名（名）").fill("一郎");
  await page.getByLabel("フリガナ（セイ）").fill("けんせつ");
  await page.getByLabel("フリガナ（メイ）").fill("ｲﾁﾛｳ");
  await page.getByLabel("生年月日").fill(fifteenYearsAgoPlus(1));
  await page.getByLabel("男性").check();
  await page.getByLabel("郵便番号").fill("１１３－００２１");
  await page.getByRole("button", { name: "郵便番号から住所を入力" }).click();
  await expect(page.getByLabel("都道府県")).toHaveValue("東京都");
  await expect(page.getByLabel("市区町村・番地")).toHaveValue("文京区本駒込");
  await page.getByLabel("市区町村・番地").fill("文京区本駒込２－２８－８");
  await page.getByLabel("電話番号").fill("０９０－１２３４－５６７８");
  await page.getByLabel("メールアドレス").fill(applicant.email);

  // Fourteen years old (15 tomorrow): refused with the reason; what was typed stays.
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#birthDate-error")).toContainText("15歳以上");
  await expect(page.getByLabel("氏名（姓）")).toHaveValue("建設");

  // A reload at once (before any background save) keeps exactly what was typed.
  await page.getByLabel("生年月日").fill(fifteenYearsAgoPlus(0));
  await page.reload();
  await expect(page.getByLabel("フリガナ（メイ）")).toHaveValue("ｲﾁﾛｳ");
  await expect(page.getByLabel("市区町村・番地")).toHaveValue("文京区本駒込２－２８－８");
  await expect(page.getByLabel("生年月日")).toHaveValue(fifteenYearsAgoPlus(0));
  // The background save reaches the server too: a new tab (no sessionStorage) sees it.
  await expect(page.getByText("入力内容を自動保存しました")).toBeVisible({ timeout: 10_000 });
  const other = await page.context().newPage();
  await other.goto("/registration/content/personal-info");
  await expect(other.getByLabel("フリガナ（メイ）")).toHaveValue("イチロウ");
  await expect(other.getByLabel("生年月日")).toHaveValue(fifteenYearsAgoPlus(0));
  await other.close();

  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveURL(/\/registration\/content$/);
  await expect(tasks.getByRole("listitem").first()).toContainText("入力済み");

  const rows = await query<Record<string, unknown>>(
    `SELECT p.* FROM application_personal_info p JOIN application a ON a.id = p.application_id
     JOIN applicant u ON u.id = a.applicant_id WHERE u.login_id = $1`,
    [applicant.loginId],
  );
  expect(rows[0]).toMatchObject({
    is_complete: true,
    is_japanese: true,
    family_name_kana: "ケンセツ",
    given_name_kana: "イチロウ",
    postal_code: "1130021",
    prefecture: "東京都",
    phone: "09012345678",
    roman_family_name: null,
  });
});

test("foreign nationals give ローマ字氏名, 国籍, 在留資格 and 在留期間満了日", async ({ page }) => {
  await startAs(page, "consented");
  await page.getByLabel("詳細型登録").check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("list").filter({ hasText: "本人情報" })).toContainText("学歴");
  await page.getByRole("link", { name: "本人情報" }).click();

  const foreign = page.getByRole("region", { name: "外国籍の方" });
  await expect(foreign).toBeHidden();
  await page.getByLabel("いいえ").check();
  await expect(foreign).toBeVisible();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#romanFamilyName-error")).toContainText("ローマ字（姓）を入力してください。");
  await expect(page.locator("#nationality-error")).toBeVisible();
  await expectNoAxeViolations(page, "本人情報 foreign national errors");
  await page.getByLabel("ローマ字（姓）").fill("nguyen");
  await page.getByLabel("国籍", { exact: true }).selectOption("VN");
  await page.getByLabel("在留資格").selectOption("特定技能1号");
  await page.getByRole("button", { name: "一時保存" }).click();
  await expect(page.getByText("一時保存しました。")).toBeVisible();
  // Saved as normalised (upper case), without the fields still missing.
  await page.reload();
  await expect(page.getByLabel("ローマ字（姓）")).toHaveValue("NGUYEN");
  await expect(page.getByLabel("国籍", { exact: true })).toHaveValue("VN");
  await expect(page.getByLabel("在留資格")).toHaveValue("特定技能1号");
});

test("所属事業者情報 and 職種: conditional fields, the code list, 1 to 4 distinct choices", async ({
  page,
}) => {
  const applicant = await startAs(page, "consented");
  await page.getByLabel("簡略型登録").check();
  await page.getByRole("button", { name: "次へ" }).click();
  const tasks = page.getByRole("list").filter({ hasText: "本人情報" });

  await page.getByRole("link", { name: "所属事業者情報" }).click();
  await expect(page.getByRole("heading", { name: "所属事業者情報", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#employmentKind-error")).toContainText("所属を選んでください。");
  await expectNoAxeViolations(page, "所属事業者情報 with errors");
  await page.getByLabel("所属する事業者がある").check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#employerName-error")).toBeVisible();
  await page.getByLabel("事業者名").fill("株式会社 建設工業");
  await page.getByLabel("事業者ID").fill("１２３４５６７８９０１２２２");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveURL(/\/registration\/content$/);
  await expect(tasks.getByRole("listitem").filter({ hasText: "所属事業者情報" })).toContainText("入力済み");

  await page.getByRole("link", { name: "職種" }).click();
  await expect(page.getByRole("heading", { name: "職種", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#jobType1-error")).toContainText("職種を1つ以上選んでください。");
  await expectNoAxeViolations(page, "職種 with errors");
  await page.getByLabel("職種1").selectOption("06-01");
  await page.getByLabel("職種2").selectOption("06-01");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#jobType2-error")).toContainText("同じ職種が2回選ばれています。");
  await page.getByLabel("職種2").selectOption("09-10");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveURL(/\/registration\/content$/);
  await expect(tasks.getByRole("listitem").filter({ hasText: "職種" })).toContainText("入力済み");

  const employer = await query<{ employment_kind: string; employer_id: string; is_complete: boolean }>(
    `SELECT e.employment_kind, e.employer_id, e.is_complete FROM application_employer e
     JOIN application a ON a.id = e.application_id JOIN applicant u ON u.id = a.applicant_id
     WHERE u.login_id = $1`,
    [applicant.loginId],
  );
  expect(employer[0]).toEqual({
    employment_kind: "employee",
    employer_id: "12345678901222",
    is_complete: true,
  });
  const jobTypes = await query<{ position: number; major_code: string; minor_code: string }>(
    `SELECT j.position, j.major_code, j.minor_code FROM application_job_type j
     JOIN application a ON a.id = j.application_id JOIN applicant u ON u.id = a.applicant_id
     WHERE u.login_id = $1 ORDER BY j.position`,
    [applicant.loginId],
  );
  expect(jobTypes).toEqual([
    { position: 1, major_code: "06", minor_code: "01" },
    { position: 2, major_code: "09", minor_code: "10" },
  ]);
});

test("社会保険・建退共・中退共: numbers asked only when needed, normalised, and unique control names", async ({
  page,
}) => {
  const applicant = await startAs(page, "consented");
  await page.getByLabel("簡略型登録").check();
  await page.getByRole("button", { name: "次へ" }).click();
  await page.getByRole("link", { name: "建退共" }).click();
  await expect(page.getByRole("heading", { name: "社会保険・建退共・中退共", level: 1 })).toBeVisible();
  await expect(page.getByText("黒く塗りつぶして（マスキングして）ください")).toBeVisible();

  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#healthInsurance-error")).toBeVisible();
  await expect(page.locator("#chutaikyo-error")).toBeVisible();
  await expectNoAxeViolations(page, "社会保険 with errors");

  await page.getByLabel("協会けんぽ").check();
  await page.getByLabel("厚生年金").check();
  await page.getByLabel("被保険者", { exact: true }).check();
  await page.getByLabel("建退共に加入", { exact: true }).check();
  await page.getByLabel("中退共に未加入").check();
  // 協会けんぽ needs a proof image of the insurance (numbers masked).
  await page.getByLabel("健康保険の証明書類").setInputFiles(cardImage);
  await page.getByLabel("雇用保険の被保険者番号").fill("１２３４５６７８９０");
  await page.getByLabel("建退共の被共済者番号").fill("98765");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.locator("#employmentInsuranceNumber-error")).toContainText("4桁-6桁-1桁");
  await page.getByLabel("雇用保険の被保険者番号").fill("１２３４５６７８９０１");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveURL(/\/registration\/content$/);
  const tasks = page.getByRole("list").filter({ hasText: "本人情報" });
  await expect(tasks.getByRole("listitem").filter({ hasText: "中退共" })).toContainText("入力済み");

  const rows = await query<Record<string, unknown>>(
    `SELECT s.health_insurance, s.employment_insurance_number, s.kentaikyo, s.kentaikyo_number, s.chutaikyo,
            s.is_complete
     FROM application_social_insurance s JOIN application a ON a.id = s.application_id
     JOIN applicant u ON u.id = a.applicant_id WHERE u.login_id = $1`,
    [applicant.loginId],
  );
  expect(rows[0]).toEqual({
    health_insurance: "協会けんぽ",
    employment_insurance_number: "1234-567890-1",
    kentaikyo: "joined",
    kentaikyo_number: "98765",
    chutaikyo: "not-joined",
    is_complete: true,
  });
  const proofs = await query<Record<string, unknown>>(
    `SELECT f.width, f.height, f.content_type FROM application_file f
     JOIN application a ON a.id = f.application_id JOIN applicant u ON u.id = a.applicant_id
     WHERE u.login_id = $1 AND f.slot = 'health-insurance-proof' AND f.replaced_at IS NULL`,
    [applicant.loginId],
  );
  expect(proofs).toEqual([{ width: 640, height: 400, content_type: "image/jpeg" }]);
});
