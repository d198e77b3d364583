// 申請用ログインID発行: the result (never the password).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StaffFrame } from "@/components/layout/staff-frame";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { findIssuedApplicant } from "@/lib/staff/find-issued-applicant";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { emailStatusLabels } from "@/lib/format/email-status";

export const metadata: Metadata = { title: "申請用ログインIDを発行しました" };

export default async function ApplicantIssuedPage({
  params,
}: PageProps<"/staff/applicants/issue/[applicantId]">) {
  const { frame } = await loadStaffPage("/staff/applicants/issue");
  const { applicantId } = await params;
  const issued = await findIssuedApplicant(applicantId);
  if (!issued) notFound();
  const { applicant, email } = issued;
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">申請用ログインIDを発行しました</h1>
      <Notice tone="success" title="発行しました" role="status">
        <p>
          お知らせメール（申請ログインID・申請用パスワード）の送信を受け付けました。メールは順番に送信されます。
        </p>
      </Notice>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>申請ログインID</dt>
          <dd>{applicant.loginId}</dd>
        </div>
        <div className="summary-list__row">
          <dt>氏名</dt>
          <dd>{applicant.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>メールアドレス</dt>
          <dd>{applicant.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt>発行日時</dt>
          <dd>{formatJstDateTime(applicant.issuedAt)}</dd>
        </div>
        {applicant.tempPasswordExpiresAt ? (
          <div className="summary-list__row">
            <dt>申請用パスワードの有効期限</dt>
            <dd>{formatJstDateTime(applicant.tempPasswordExpiresAt)}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>メールの状態</dt>
          <dd>{email ? emailStatusLabels[email.status] : "不明"}</dd>
        </div>
      </dl>
      <p>
        <ButtonLink href="/staff/applicants/issue" variant="secondary">
          続けて発行する
        </ButtonLink>
      </p>
    </StaffFrame>
  );
}
