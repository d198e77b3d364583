// How audit entries read to staff: a Japanese label for each known action, actor type and
// target type. An action missing here (added later) is shown by its code alone.

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "login.succeeded": "ログイン",
  "login.failed": "ログイン失敗",
  "login.throttled": "ログイン試行の制限",
  "login.refused-locked": "ログイン拒否（ロック中）",
  "login.refused-temp-used": "ログイン拒否（使用済みの申請用パスワード）",
  "login.refused-temp-expired": "ログイン拒否（期限切れの申請用パスワード）",
  "account.locked": "アカウントのロック",
  logout: "ログアウト",
  "password.changed": "パスワード変更",
  "password.change-failed": "パスワード変更の失敗",
  "password-reissue.throttled": "パスワード再発行の制限",
  "password-reissue.no-match": "パスワード再発行（一致なし）",
  "applicant.issued": "申請用ログインID発行",
  "applicant.bulk-upload": "申請用ログインIDの一括発行（CSV）",
  "applicant.usage-requested": "利用申し込み",
  "applicant.usage-request-mail-cap-reached": "利用申し込みのメール送信上限（1時間）に到達",
  "applicant.password-reissued": "申請用パスワード再発行（本人）",
  "applicant.password-reissued-by-staff": "申請用パスワード再発行（職員）",
  "applicant.unlocked": "ロック解除",
  "applicant.disabled": "利用停止",
  "applicant.enabled": "利用停止の解除",
  "registration.notice-accepted": "登録方式の確認",
  "consent.given": "同意",
  "consents.exported": "同意記録のCSV出力",
  "application.submitted": "申請",
  "application.resubmitted": "再申請",
  "application.upgrade-started": "詳細型への移行の開始",
  "application.upgrade-submitted": "詳細型への移行の申請",
  "application.approved": "承認",
  "application.returned": "不備",
  "application.withdrawn": "取下げ",
  "payment.started": "登録料のお支払い手続き",
  "payment.method-changed": "お支払い方法の変更",
  "payment.paid": "登録料の入金",
  "payment.flagged": "お支払いの要確認",
  "payment.fee-expired": "登録料の支払期限切れ",
  "payment.refunded": "登録料の返金",
  "email.retried": "メール再送",
  "payment.slip-sent": "払込票の発送",
  "payments.reconciliation-exported": "お支払いの照合のCSV出力",
  "staff.created": "職員アカウント作成",
  "staff.updated": "職員アカウント更新",
  "staff.disabled": "職員アカウントの利用停止",
  "staff.enabled": "職員アカウントの利用停止の解除",
  "staff.unlocked": "職員アカウントのロック解除",
};

export const AUDIT_ACTOR_TYPE_LABELS: Record<string, string> = {
  staff: "職員",
  applicant: "申請者",
  system: "システム",
  anonymous: "未ログイン",
};

export const AUDIT_TARGET_TYPE_LABELS: Record<string, string> = {
  applicant: "申請者",
  application: "申請",
  consent_document: "同意書",
  email: "メール",
  staff: "職員",
  usage_request: "利用申し込み",
  bulk_issue_job: "一括発行",
};

export function auditActionLabel(action: string): string | null {
  return AUDIT_ACTION_LABELS[action] ?? null;
}

/** Keys whose values are never shown, whatever a future caller puts in details. */
const HIDDEN_DETAIL_KEY = /pass|secret|token|hash|cookie|ticket/i;

/** details as one compact line: {"a":1,"b":"x"} → a=1, b=x; nested values as JSON. */
export function formatAuditDetails(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object" || Array.isArray(details)) return JSON.stringify(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => {
      if (HIDDEN_DETAIL_KEY.test(key)) return `${key}=（非表示）`;
      const text =
        typeof value === "string"
          ? value
          : JSON.stringify(value, (k, v: unknown) => (k && HIDDEN_DETAIL_KEY.test(k) ? "（非表示）" : v));
      return `${key}=${text}`;
    })
    .join(", ");
}
