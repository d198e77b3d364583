// How an outbox template name reads to staff. A name missing here (a template added later) is
// shown as it is, so the page never breaks; add its label here when adding a template.
const emailTemplateLabels: Record<string, string> = {
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
  return emailTemplateLabels[template] ?? template;
}
