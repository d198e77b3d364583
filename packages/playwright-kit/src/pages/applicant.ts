// Page objects of the applicant side (app/(applicant)/**/page.tsx), by roles and labels only.
import type { Locator } from "@playwright/test";
import { ApplicantPage, PublicPage } from "./base.js";

export class LoginPage extends PublicPage {
  readonly path = "/login";
  readonly headingName = "ログイン";
  get loginId(): Locator {
    return this.field("ログインID");
  }
  get password(): Locator {
    return this.field("パスワード");
  }
  get submit(): Locator {
    return this.button("ログイン");
  }
  get forgotPasswordLink(): Locator {
    return this.link("パスワードを忘れた場合");
  }
  get usageRequestLink(): Locator {
    return this.link("申請ログインIDをお持ちでない方（利用申し込み）");
  }
  async login(loginId: string, password: string): Promise<void> {
    await this.loginId.fill(loginId);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export class UsageRequestPage extends PublicPage {
  readonly path = "/usage-request";
  readonly headingName = "利用申し込み";
  get name(): Locator {
    return this.field("氏名");
  }
  get email(): Locator {
    return this.field("メールアドレス");
  }
  get submit(): Locator {
    return this.button("申し込む");
  }
}

export class ForgotPasswordPage extends PublicPage {
  readonly path = "/password/forgot";
  readonly headingName = "パスワードを忘れた場合";
  get loginId(): Locator {
    return this.field("ログインID");
  }
  get email(): Locator {
    return this.field("メールアドレス");
  }
  get submit(): Locator {
    return this.button("申請用パスワードを再発行する");
  }
  get backToLogin(): Locator {
    return this.link("ログイン画面に戻る");
  }
}

export class ApplicantPasswordChangePage extends ApplicantPage {
  readonly path = "/password/change";
  readonly headingName = "パスワード変更";
  get currentPassword(): Locator {
    return this.field("現在のパスワード");
  }
  get newPassword(): Locator {
    return this.field("新しいパスワード");
  }
  get confirmPassword(): Locator {
    return this.field("新しいパスワード確認");
  }
  get submit(): Locator {
    return this.button("パスワード変更");
  }
  async change(current: string, next: string): Promise<void> {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.confirmPassword.fill(next);
    await this.submit.click();
  }
}

export class MenuPage extends ApplicantPage {
  readonly path = "/menu";
  readonly headingName = "技能者情報登録 インターネット申請";
  get registrationLink(): Locator {
    return this.menuLink("10_登録申請");
  }
  get correctionLink(): Locator {
    return this.menuLink("20_申請の修正");
  }
  get noticesLink(): Locator {
    return this.menu.getByRole("link", { name: /^通知/ });
  }
  /** In 申請状況, while the registration fee waits to be paid (or its deadline passed). */
  get paymentLink(): Locator {
    return this.main.getByRole("link", { name: "登録料のお支払い", exact: true });
  }
  /** In 申請状況, while the application may still be withdrawn. */
  get withdrawLink(): Locator {
    return this.main.getByRole("link", { name: "申請の取下げ", exact: true });
  }
  /** In 申請状況, after 登録完了 of a 簡略型 registration (and while its move is being written). */
  get upgradeLink(): Locator {
    return this.main.getByRole("link", { name: "詳細型への移行", exact: true });
  }
}

export class NoticesPage extends ApplicantPage {
  readonly path = "/notices";
  readonly headingName = "通知";
  get pager(): Locator {
    return this.page.getByRole("navigation", { name: "通知のページ" });
  }
  notice(title: string | RegExp): Locator {
    return this.main.getByRole("link", { name: title });
  }
}

export class NoticeDetailPage extends ApplicantPage {
  readonly path = "/notices/:id";
  readonly headingName: string | RegExp = /.+/;
  get backToList(): Locator {
    return this.link("通知の一覧に戻る");
  }
}

export class RegistrationNoticePage extends ApplicantPage {
  readonly path = "/registration";
  readonly headingName = "登録方式についての注意事項";
  get yes(): Locator {
    return this.button("はい");
  }
}

abstract class ConsentPage extends ApplicantPage {
  get documentText(): Locator {
    return this.page.getByRole("region", { name: /の本文$/ });
  }
  get confirmed(): Locator {
    return this.field("確認しました");
  }
  get agree(): Locator {
    return this.button("同意する");
  }
  get disagree(): Locator {
    return this.button("同意しない");
  }
  async consent(): Promise<void> {
    await this.confirmed.check();
    await this.agree.click();
  }
}

export class PersonalInfoConsentPage extends ConsentPage {
  readonly path = "/registration/consent/personal-info";
  readonly headingName = "個人情報の取り扱い等の同意情報";
}

export class TermsConsentPage extends ConsentPage {
  readonly path = "/registration/consent/terms";
  readonly headingName = "システム利用規約同意情報";
}

export class ConsentDeclinedPage extends ApplicantPage {
  readonly path = "/registration/consent/declined";
  readonly headingName = "登録申請を進めることができません";
  get backToTerms(): Locator {
    return this.link("システム利用規約同意に戻る");
  }
}

/** 申請内容登録: the registration type, then the task list of the content pages. */
export class ContentTaskListPage extends ApplicantPage {
  readonly path = "/registration/content";
  readonly headingName = "申請内容登録";
  get steps(): Locator {
    return this.page.getByRole("navigation", { name: "申請の手順" });
  }
  get simpleType(): Locator {
    return this.field("簡略型登録");
  }
  get detailedType(): Locator {
    return this.field("詳細型登録");
  }
  get next(): Locator {
    return this.button("次へ");
  }
  get taskList(): Locator {
    return this.main.getByRole("list").filter({ hasText: "本人情報" });
  }
  task(label: string): Locator {
    return this.taskList.getByRole("link", { name: label, exact: true });
  }
  get toConfirm(): Locator {
    return this.link("申請内容の確認へ進む");
  }
  async chooseType(type: "簡略型登録" | "詳細型登録"): Promise<void> {
    await this.field(type).check();
    await this.next.click();
  }
}

/** A content page of the wizard: breadcrumb, 一時保存 and 次へ. */
abstract class ContentPage extends ApplicantPage {
  get breadcrumb(): Locator {
    return this.page.getByRole("navigation", { name: "現在位置" });
  }
  get saveDraft(): Locator {
    return this.button("一時保存");
  }
  get next(): Locator {
    return this.button("次へ");
  }
}

export class PersonalInfoPage extends ContentPage {
  readonly path = "/registration/content/personal-info";
  readonly headingName = "本人情報";
  get japaneseNationalityYes(): Locator {
    return this.field("はい");
  }
  get japaneseNationalityNo(): Locator {
    return this.field("いいえ");
  }
  get familyName(): Locator {
    return this.field("氏名（姓）");
  }
  get givenName(): Locator {
    return this.field("氏名（名）");
  }
  get familyNameKana(): Locator {
    return this.field("フリガナ（セイ）");
  }
  get givenNameKana(): Locator {
    return this.field("フリガナ（メイ）");
  }
  get birthDate(): Locator {
    return this.field("生年月日");
  }
  get male(): Locator {
    return this.field("男性");
  }
  get female(): Locator {
    return this.field("女性");
  }
  get postalCode(): Locator {
    return this.field("郵便番号");
  }
  get fillAddress(): Locator {
    return this.button("郵便番号から住所を入力");
  }
  get prefecture(): Locator {
    return this.field("都道府県");
  }
  get address(): Locator {
    return this.field("市区町村・番地");
  }
  get phone(): Locator {
    return this.field("電話番号");
  }
  get email(): Locator {
    return this.field("メールアドレス");
  }
  get foreignNational(): Locator {
    return this.page.getByRole("region", { name: "外国籍の方" });
  }
  get nationality(): Locator {
    return this.field("国籍");
  }
  get residenceStatus(): Locator {
    return this.field("在留資格");
  }
}

export class IdentityDocumentPage extends ContentPage {
  readonly path = "/registration/content/identity-document";
  readonly headingName = "本人確認書類";
  get driversLicence(): Locator {
    return this.field("運転免許証");
  }
  get driversLicenceFront(): Locator {
    return this.field("運転免許証の表面");
  }
  get driversLicenceBack(): Locator {
    return this.field("運転免許証の裏面");
  }
}

export class FacePhotoPage extends ContentPage {
  readonly path = "/registration/content/face-photo";
  readonly headingName = "顔写真";
  get photo(): Locator {
    return this.field("顔写真");
  }
  get removePhoto(): Locator {
    return this.button("顔写真を削除");
  }
}

export class EmployerPage extends ContentPage {
  readonly path = "/registration/content/employer";
  readonly headingName = "所属事業者情報";
  get hasEmployer(): Locator {
    return this.field("所属する事業者がある");
  }
  get soleProprietor(): Locator {
    return this.field("一人親方");
  }
  get employerName(): Locator {
    return this.field("事業者名");
  }
  get employerId(): Locator {
    return this.field("事業者ID");
  }
}

export class JobTypesPage extends ContentPage {
  readonly path = "/registration/content/job-types";
  readonly headingName = "職種";
  jobType(n: number): Locator {
    return this.field(`職種${n}`);
  }
}

export class SocialInsurancePage extends ContentPage {
  readonly path = "/registration/content/social-insurance";
  readonly headingName = "社会保険・建退共・中退共";
  get kyokaiKenpo(): Locator {
    return this.field("協会けんぽ");
  }
  get healthInsuranceDocument(): Locator {
    return this.field("健康保険の証明書類");
  }
  get employeesPension(): Locator {
    return this.field("厚生年金");
  }
  get employmentInsuranceInsured(): Locator {
    return this.field("被保険者");
  }
  get employmentInsuranceNumber(): Locator {
    return this.field("雇用保険の被保険者番号");
  }
  get kentaikyoJoined(): Locator {
    return this.field("建退共に加入");
  }
  get kentaikyoNumber(): Locator {
    return this.field("建退共の被共済者番号");
  }
  get kentaikyoNotJoined(): Locator {
    return this.field("建退共に未加入");
  }
  get chutaikyoNotJoined(): Locator {
    return this.field("中退共に未加入");
  }
}

/** The detailed-type pages made of rows (学歴, 労災保険特別加入, 健康診断, 保有資格, 研修, 表彰). */
abstract class RowGroupPage extends ContentPage {
  abstract readonly addLabel: string;
  /** The row-numbered label, e.g. field("学校名", 1) → 「学校名（1件目）」. */
  rowField(label: string, row: number): Locator {
    return this.field(`${label}（${row}件目）`);
  }
  get addRow(): Locator {
    return this.button(this.addLabel);
  }
  removeRow(row: number): Locator {
    return this.button(new RegExp(`${row}件目を削除$`));
  }
}

export class EducationPage extends RowGroupPage {
  readonly path = "/registration/content/education";
  readonly headingName = "学歴";
  readonly addLabel = "学歴を追加";
}

export class WorkersCompPage extends ContentPage {
  readonly path = "/registration/content/workers-comp";
  readonly headingName = "労災保険特別加入";
  get joined(): Locator {
    return this.field("加入している");
  }
  get notJoined(): Locator {
    return this.field("加入していない");
  }
}

export class HealthChecksPage extends RowGroupPage {
  readonly path = "/registration/content/health-checks";
  readonly headingName = "健康診断受診履歴";
  readonly addLabel = "健康診断を追加";
}

export class QualificationsPage extends RowGroupPage {
  readonly path = "/registration/content/qualifications";
  readonly headingName = "保有資格（登録基幹技能者を含む）";
  readonly addLabel = "保有資格を追加";
  certificateImage(row: number): Locator {
    return this.field(`保有資格 ${row}件目の資格証の画像`);
  }
}

export class TrainingsPage extends RowGroupPage {
  readonly path = "/registration/content/trainings";
  readonly headingName = "研修受講履歴";
  readonly addLabel = "研修を追加";
}

export class AwardsPage extends RowGroupPage {
  readonly path = "/registration/content/awards";
  readonly headingName = "表彰履歴";
  readonly addLabel = "表彰を追加";
}

/** 申請内容送信: the check page with 変更 links and 申請する / 再申請する. */
export class ConfirmPage extends ApplicantPage {
  readonly path = "/registration/confirm";
  readonly headingName = "申請内容送信";
  get submit(): Locator {
    return this.button("申請する");
  }
  get resubmit(): Locator {
    return this.button("再申請する");
  }
  change(label: string): Locator {
    return this.link(`変更「${label}」`);
  }
}

export class CompletePage extends ApplicantPage {
  readonly path = "/registration/complete";
  readonly headingName = "申請完了";
  get nextSteps(): Locator {
    return this.page.getByRole("heading", { name: "このあとの流れ" });
  }
  /** Shown while the registration fee waits to be paid. */
  get toPayment(): Locator {
    return this.link("登録料のお支払いへ進む");
  }
}

/** 20_申請の修正: the returned items and the way to 再申請. */
export class CorrectionPage extends ApplicantPage {
  readonly path = "/correction";
  readonly headingName = "20_申請の修正";
  get itemsHeading(): Locator {
    return this.page.getByRole("heading", { name: "修正が必要な項目" });
  }
  fix(groupLabel: string): Locator {
    return this.link(`${groupLabel}を修正する`);
  }
  get toConfirm(): Locator {
    return this.link("申請内容の確認へ進む");
  }
}

/** 登録料のお支払い (issue 12): the fee, the method choice, the コンビニ code, the receipt. */
export class PaymentPage extends ApplicantPage {
  readonly path = "/payment";
  readonly headingName = "登録料のお支払い";
  /** The radio of a method: クレジットカード, コンビニ払い or 払込票. */
  method(label: "クレジットカード" | "コンビニ払い" | "払込票"): Locator {
    return this.page.getByRole("group", { name: /お支払い方法/ }).getByLabel(label, { exact: true });
  }
  get konbiniStore(): Locator {
    return this.field("コンビニ");
  }
  get submit(): Locator {
    return this.button("お支払い手続きへ進む");
  }
  get receiptLink(): Locator {
    return this.link("領収書をダウンロード");
  }
  async payByKonbini(chain: string): Promise<void> {
    await this.method("コンビニ払い").check();
    await this.konbiniStore.selectOption({ label: chain });
    await this.submit.click();
  }
}

/** お支払い結果: back from the provider's card page. */
export class PaymentReturnPage extends ApplicantPage {
  readonly path = "/payment/return";
  readonly headingName = "お支払い結果";
  get retry(): Locator {
    return this.link("もう一度お支払い手続きをする");
  }
}

/**
 * 詳細型への移行: what it is and its fee, 移行を始める; then the six 詳細型 groups as a task list
 * and 申請内容の確認へ進む once they are done.
 */
export class UpgradePage extends ApplicantPage {
  readonly path = "/upgrade";
  readonly headingName = "詳細型への移行";
  get start(): Locator {
    return this.button("移行を始める");
  }
  /** A 詳細型 group's page (学歴, 労災保険特別加入, …) in the task list. */
  group(label: string): Locator {
    return this.main.getByRole("list").getByRole("link", { name: label, exact: true });
  }
  get toConfirm(): Locator {
    return this.link("申請内容の確認へ進む");
  }
}

/** 申請の取下げ: reason (optional) → 確認へ進む → 申請を取り下げる. */
export class WithdrawPage extends ApplicantPage {
  readonly path = "/withdraw";
  readonly headingName = "申請の取下げ";
  get reason(): Locator {
    return this.field("取下げの理由");
  }
  get toConfirm(): Locator {
    return this.button("確認へ進む");
  }
  get withdraw(): Locator {
    return this.button("申請を取り下げる");
  }
  get back(): Locator {
    return this.button("戻る");
  }
}
