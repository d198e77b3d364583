// 申請用ログインID発行: the result (never the password).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StaffFrame } from "@/components/layout/staff-frame";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { findIssuedApplicant } from "@/lib/staff/find-issued-applicant";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_STATUS_LABELS } from "@/lib/labels";

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
      <SummaryList>
        <SummaryRow term="申請ログインID">{applicant.loginId}</SummaryRow>
        <SummaryRow term="氏名">{applicant.name}</SummaryRow>
        <SummaryRow term="メールアドレス">{applicant.email}</SummaryRow>
        <SummaryRow term="発行日時">{formatJstDateTime(applicant.issuedAt)}</SummaryRow>
        {applicant.tempPasswordExpiresAt ? (
          <SummaryRow term="申請用パスワードの有効期限">
            {formatJstDateTime(applicant.tempPasswordExpiresAt)}
          </SummaryRow>
        ) : null}
        <SummaryRow term="メールの状態">{email ? EMAIL_STATUS_LABELS[email.status] : "不明"}</SummaryRow>
      </SummaryList>
      <p>
        <ButtonLink href="/staff/applicants/issue" variant="secondary">
          続けて発行する
        </ButtonLink>
      </p>
    </StaffFrame>
  );
}
