// How stored values read on the pages, in the emails and in the CSVs: application, email and bulk
// issuance states, registration types, consent documents, version changes, email templates, staff
// roles and states.
// Only labels live here (no rules), so browser and server code may both import it.
import type {
  ApplicationStatus,
  BulkIssueOutcome,
  BulkIssueStatus,
  ConsentKind,
  EmailStatus,
  RegistrationType,
  StaffRole,
} from "@/lib/generated/prisma/enums";
import type { VersionChange } from "@/lib/review/version-diff";
import type { StaffAccountState } from "@/lib/staff/list-staff-accounts";

/** An application's state, as applicants and staff both read it. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: "入力中",
  SUBMITTED: "申請中",
  RETURNED: "不備",
  RESUBMITTED: "再申請",
  COMPLETED: "登録完了",
  WITHDRAWN: "取下げ",
};

export const REGISTRATION_TYPE_LABELS: Record<RegistrationType, string> = {
  SIMPLE: "簡略型登録",
  DETAILED: "詳細型登録",
};

/** A consent document's name, for a record whose document has no title. */
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  PERSONAL_INFO: "個人情報の取り扱い等の同意",
  TERMS: "システム利用規約",
};

/** What became of an answer between two sent versions. */
export const VERSION_CHANGE_KIND_LABELS: Record<VersionChange["kind"], string> = {
  changed: "変更",
  added: "追加",
  removed: "削除",
};

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  QUEUED: "送信待ち",
  SENDING: "送信中",
  RETRYING: "再送待ち",
  SENT: "送信済み",
  FAILED: "送信失敗",
};

// A template missing here (one added later) shows its name as it is, so the page never breaks;
// add its label here when adding a template.
const EMAIL_TEMPLATE_LABELS: Record<string, string> = {
  "applicant-id-issued": "申請用ログインID・パスワードのお知らせ",
  "password-reissued": "申請用パスワード再発行のお知らせ",
  "password-changed": "パスワード変更のお知らせ",
  "application-received": "申請受付のお知らせ",
  "application-returned": "申請内容不備のお知らせ",
  "registration-completed": "登録完了のお知らせ",
  "staff-account-created": "職員用アカウント発行のお知らせ",
  "usage-request-already-registered": "申請ログインIDのお知らせ（利用申し込み）",
};

export function emailTemplateLabel(template: string): string {
  return EMAIL_TEMPLATE_LABELS[template] ?? template;
}

export const STAFF_ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  STAFF: "職員",
  ADMIN: "管理者",
};

export const STAFF_ACCOUNT_STATE_LABELS: Readonly<Record<StaffAccountState, string>> = {
  ACTIVE: "利用中",
  PENDING: "パスワード変更前",
  LOCKED: "ロック中",
  DISABLED: "利用停止",
};

export const BULK_ISSUE_STATUS_LABELS: Record<BulkIssueStatus, string> = {
  QUEUED: "待機中",
  RUNNING: "処理中",
  DONE: "完了",
  FAILED: "中断",
};

export const BULK_ISSUE_OUTCOME_LABELS: Record<BulkIssueOutcome, string> = {
  ISSUED: "発行",
  INVALID: "不正",
  DUPLICATE: "重複",
};

/** The character encoding a bulk issuance CSV was read in; another one shows as it is stored. */
export const CSV_ENCODING_LABELS: Readonly<Record<string, string>> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8（BOM付き）",
  shift_jis: "Shift_JIS",
};
