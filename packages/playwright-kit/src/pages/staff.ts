// Page objects of the staff area (app/staff/**/page.tsx), by roles and labels only.
import type { Locator } from "@playwright/test";
import { PublicPage, StaffPage } from "./base.js";

export class StaffLoginPage extends PublicPage {
  readonly path = "/staff/login";
  readonly headingName = "職員ログイン";
  get email(): Locator {
    return this.field("メールアドレス");
  }
  get password(): Locator {
    return this.field("パスワード");
  }
  get submit(): Locator {
    return this.button("ログイン");
  }
  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export class StaffHomePage extends StaffPage {
  readonly path = "/staff";
  readonly headingName = "職員メニュー";
  get issueLink(): Locator {
    return this.main.getByRole("link", { name: "申請用ログインIDを発行する" });
  }
  get bulkIssueLink(): Locator {
    return this.main.getByRole("link", { name: "申請用ログインIDをCSVで一括発行する" });
  }
  get applicantsLink(): Locator {
    return this.main.getByRole("link", { name: "申請者の一覧を見る" });
  }
  get applicationsLink(): Locator {
    return this.main.getByRole("link", { name: "申請の一覧を見る" });
  }
  get emailsLink(): Locator {
    return this.main.getByRole("link", { name: "メールの送信状況を見る" });
  }
  /** 管理者 only. */
  get consentsLink(): Locator {
    return this.main.getByRole("link", { name: "同意記録をCSVで出力する" });
  }
  get auditLink(): Locator {
    return this.main.getByRole("link", { name: "監査ログを検索する" });
  }
  get accountsLink(): Locator {
    return this.main.getByRole("link", { name: "職員アカウントを管理する" });
  }
}

export class StaffPasswordChangePage extends StaffPage {
  readonly path = "/staff/password/change";
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
}

export class IssueApplicantPage extends StaffPage {
  readonly path = "/staff/applicants/issue";
  readonly headingName = "申請用ログインID発行";
  get name(): Locator {
    return this.field("氏名");
  }
  get email(): Locator {
    return this.field("メールアドレス");
  }
  get submit(): Locator {
    return this.button("発行する");
  }
  async issue(name: string, email: string): Promise<void> {
    await this.name.fill(name);
    await this.email.fill(email);
    await this.submit.click();
  }
}

export class IssuedApplicantPage extends StaffPage {
  readonly path = "/staff/applicants/issue/:applicantId";
  readonly headingName = "申請用ログインIDを発行しました";
}

export class BulkIssuePage extends StaffPage {
  readonly path = "/staff/applicants/bulk";
  readonly headingName = "申請用ログインID一括発行";
  get csvFile(): Locator {
    return this.field("CSVファイル");
  }
  get submit(): Locator {
    return this.button("読み込んで発行する");
  }
}

export class BulkIssueJobPage extends StaffPage {
  readonly path = "/staff/applicants/bulk/:jobId";
  readonly headingName = "一括発行の状況";
  get refresh(): Locator {
    return this.link("最新の状態に更新");
  }
  get downloadResult(): Locator {
    return this.link("結果をCSVでダウンロード");
  }
  get processedRows(): Locator {
    return this.field("処理済みの行");
  }
  get skippedRows(): Locator {
    return this.page.getByRole("table", { name: "発行しなかった行（行の順）" });
  }
}

/** List pages share the search form and the pager. */
abstract class StaffListPage extends StaffPage {
  get query(): Locator {
    return this.field("検索語");
  }
  get search(): Locator {
    return this.button("検索する");
  }
  get pager(): Locator {
    return this.page.getByRole("navigation", { name: "ページ送り" });
  }
  async searchFor(text: string): Promise<void> {
    await this.query.fill(text);
    await this.search.click();
  }
}

export class ApplicantsPage extends StaffListPage {
  readonly path = "/staff/applicants";
  readonly headingName = "申請者一覧";
  get searchForm(): Locator {
    return this.page.getByRole("search", { name: "申請者の検索" });
  }
  applicantLink(loginId: string): Locator {
    return this.link(loginId);
  }
}

export class ApplicantDetailPage extends StaffPage {
  readonly path = "/staff/applicants/:applicantId";
  readonly headingName = "申請者の詳細";
  get unlock(): Locator {
    return this.button("ロックを解除する");
  }
  get disable(): Locator {
    return this.button("利用を停止する");
  }
  get enable(): Locator {
    return this.button("利用停止を解除する");
  }
  get reissuePassword(): Locator {
    return this.button("パスワードを再発行する");
  }
  get confirmDisable(): Locator {
    return this.page.getByRole("checkbox", { name: /利用を停止すると、この申請者はログインできなくなる/ });
  }
  get confirmReissue(): Locator {
    return this.page.getByRole("checkbox", { name: /再発行すると、今のパスワードは使えなくなる/ });
  }
}

export class ApplicationsPage extends StaffListPage {
  readonly path = "/staff/applications";
  readonly headingName = "申請一覧";
  get searchForm(): Locator {
    return this.page.getByRole("search", { name: "申請の検索" });
  }
  get status(): Locator {
    return this.field("状態");
  }
  /** 支払状況: 支払済み (the default: the review queue), 支払待ち, 期限切れ, 返金済み, 取消, すべて. */
  get paymentStatus(): Locator {
    return this.field("支払状況");
  }
  applicationLink(applicationNumber: string): Locator {
    return this.link(applicationNumber);
  }
}

/** 申請内容の審査: the versions, the differences and 承認 / 不備. */
export class ApplicationReviewPage extends StaffPage {
  readonly path = "/staff/applications/:applicationId";
  readonly headingName = "申請内容の審査";
  get approve(): Locator {
    return this.button("承認");
  }
  get returnForCorrection(): Locator {
    return this.button("不備");
  }
  reason(reason: string): Locator {
    return this.page.getByRole("checkbox", { name: reason });
  }
  reasonComment(reason: string): Locator {
    return this.field(`「${reason}」へのコメント`);
  }
  version(n: number): Locator {
    return this.page.getByRole("heading", { name: `申請内容（第${n}版）` });
  }
  changesSince(n: number): Locator {
    return this.page.getByRole("table", { name: `第${n}版からの変更` });
  }
  /** The 支払い section (支払状況, 支払方法, 金額, 支払日時, 参照番号, 返金). */
  get payment(): Locator {
    return this.page.getByRole("region", { name: "支払い" });
  }
  get refundReason(): Locator {
    return this.field("返金の理由");
  }
  get refundConfirm(): Locator {
    return this.page.getByRole("checkbox", { name: /返金すると取り消せないことを確認しました/ });
  }
  get refund(): Locator {
    return this.button("返金する");
  }
}

/** お支払いの照合: one day's totals by method and the day's CSV. */
export class StaffPaymentsPage extends StaffPage {
  readonly path = "/staff/payments";
  readonly headingName = "お支払いの照合";
  get date(): Locator {
    return this.field("日付");
  }
  get show(): Locator {
    return this.button("表示する");
  }
  get totals(): Locator {
    return this.page.getByRole("table", { name: /の支払方法ごとの件数と金額$/ });
  }
  get csvLink(): Locator {
    return this.main.getByRole("link", { name: /の明細をCSVでダウンロード$/ });
  }
  get slipsLink(): Locator {
    return this.main.getByRole("link", { name: "払込票の発送" });
  }
}

/** 払込票の発送: the slips to mail, 発送済みにする per row, and a CSV of 申請番号. */
export class SlipsPage extends StaffPage {
  readonly path = "/staff/payments/slips";
  readonly headingName = "払込票の発送";
  get slips(): Locator {
    return this.page.getByRole("table", { name: /発送を待っている払込票/ });
  }
  markSent(applicationNumber: string): Locator {
    return this.button(`発送済みにする（申請番号 ${applicationNumber}）`);
  }
  get csvFile(): Locator {
    return this.field("CSVファイル");
  }
  get uploadCsv(): Locator {
    return this.button("CSVを読み込んで発送済みにする");
  }
  get csvResults(): Locator {
    return this.page.getByRole("table", { name: /読み込みの結果/ });
  }
}

export class EmailsPage extends StaffListPage {
  readonly path = "/staff/emails";
  readonly headingName = "メール送信状況";
  get searchForm(): Locator {
    return this.page.getByRole("search", { name: "メールの検索" });
  }
  get results(): Locator {
    return this.page.getByRole("region", { name: /メール送信状況/ });
  }
  get status(): Locator {
    return this.field("状態");
  }
  get retry(): Locator {
    return this.button(/^再送する/);
  }
}

/** 管理者 only. */
export class ConsentsPage extends StaffPage {
  readonly path = "/staff/consents";
  readonly headingName = "同意記録の出力";
  get from(): Locator {
    return this.field("同意日（から）");
  }
  get to(): Locator {
    return this.field("同意日（まで）");
  }
  get download(): Locator {
    return this.button("同意記録をCSVでダウンロード");
  }
}

/** 管理者 only. */
export class AuditPage extends StaffPage {
  readonly path = "/staff/audit";
  readonly headingName = "監査ログ";
  get searchForm(): Locator {
    return this.page.getByRole("search", { name: "監査ログの検索" });
  }
  get action(): Locator {
    return this.field("操作");
  }
  get actor(): Locator {
    return this.field("実行者");
  }
  get targetId(): Locator {
    return this.field("対象ID");
  }
  get search(): Locator {
    return this.button("検索する");
  }
  get results(): Locator {
    return this.page.getByRole("region", { name: /監査ログの検索結果/ });
  }
}

/** 管理者 only. */
export class StaffAccountsPage extends StaffPage {
  readonly path = "/staff/accounts";
  readonly headingName = "職員アカウント";
  get createLink(): Locator {
    return this.link("職員アカウントを作成する");
  }
}

export class NewStaffAccountPage extends StaffPage {
  readonly path = "/staff/accounts/new";
  readonly headingName = "職員アカウントの作成";
  get name(): Locator {
    return this.field("氏名");
  }
  get email(): Locator {
    return this.field("メールアドレス");
  }
  get roleStaff(): Locator {
    return this.page.getByRole("radio", { name: "職員", exact: true });
  }
  get roleAdmin(): Locator {
    return this.page.getByRole("radio", { name: "管理者", exact: true });
  }
  get submit(): Locator {
    return this.button("作成する");
  }
}

export class StaffAccountDetailPage extends StaffPage {
  readonly path = "/staff/accounts/:staffId";
  readonly headingName = "職員アカウントの詳細";
  get disable(): Locator {
    return this.button("利用を停止する");
  }
  get enable(): Locator {
    return this.button("利用停止を解除する");
  }
}
