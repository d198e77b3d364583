// 申請者の詳細's two summaries: the account (state, password, issuance) and the application.
import Link from "next/link";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { formatJstDateTime } from "@/lib/format/date";
import { APPLICATION_STATUS_LABELS } from "@/lib/labels";
import type { ApplicantDetail } from "@/lib/staff/find-applicant-detail";

function accountState({ applicant, isLocked }: ApplicantDetail): string {
  if (applicant.disabledAt) return `利用停止（${formatJstDateTime(applicant.disabledAt)}から）`;
  if (isLocked && applicant.lockedUntil) return `ロック中（${formatJstDateTime(applicant.lockedUntil)}まで）`;
  return applicant.mustChangePassword ? "パスワード変更前" : "利用中";
}

function passwordState({ applicant }: ApplicantDetail): string {
  if (applicant.mustChangePassword) {
    return applicant.tempPasswordExpiresAt
      ? `申請用パスワードのまま（有効期限 ${formatJstDateTime(applicant.tempPasswordExpiresAt)}）`
      : "申請用パスワードのまま";
  }
  return applicant.passwordChangedAt
    ? `変更済み（${formatJstDateTime(applicant.passwordChangedAt)}）`
    : "変更済み";
}

export function ApplicantAccountSummary({ detail }: { detail: ApplicantDetail }) {
  const { applicant } = detail;
  return (
    <SummaryList>
      <SummaryRow term="申請ログインID" valueClassName="list-table__code">
        {applicant.loginId}
      </SummaryRow>
      <SummaryRow term="氏名">{applicant.name}</SummaryRow>
      <SummaryRow term="メールアドレス" valueClassName="list-table__email">
        {applicant.email}
      </SummaryRow>
      <SummaryRow term="状態">{accountState(detail)}</SummaryRow>
      <SummaryRow term="パスワード">{passwordState(detail)}</SummaryRow>
      <SummaryRow term="続けて間違えたログインの回数">{applicant.failedLoginCount}回</SummaryRow>
      <SummaryRow term="発行日時">{formatJstDateTime(applicant.issuedAt)}</SummaryRow>
      <SummaryRow term="発行者">
        {applicant.issuedBy
          ? `${applicant.issuedBy.name}（${applicant.issuedBy.email}）`
          : "職員以外（利用申し込みによる発行など）"}
      </SummaryRow>
    </SummaryList>
  );
}

export function ApplicantApplicationSummary({
  application,
}: {
  application: ApplicantDetail["applicant"]["application"];
}) {
  if (!application) return <p>まだ申請を始めていません。</p>;
  const sent = application.status !== "DRAFT" && application.applicationNumber;
  return (
    <SummaryList>
      <SummaryRow term="申請の状態">{APPLICATION_STATUS_LABELS[application.status]}</SummaryRow>
      <SummaryRow term="申請番号">
        {sent ? (
          <Link href={`/staff/applications/${application.id}`} prefetch={false}>
            {application.applicationNumber}
          </Link>
        ) : (
          "まだ申請していません"
        )}
      </SummaryRow>
      {application.lastSentAt ? (
        <SummaryRow term="最後に申請した日時">{formatJstDateTime(application.lastSentAt)}</SummaryRow>
      ) : null}
    </SummaryList>
  );
}
