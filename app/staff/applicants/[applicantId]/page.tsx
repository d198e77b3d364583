// 申請者の詳細: the account (state, lock, issuance), the application, the latest emails and audit
// entries, and the account actions (ロック解除, パスワード再発行, 利用停止 / 解除).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorSummary } from "@/components/form/error-summary";
import { StaffFrame } from "@/components/layout/staff-frame";
import {
  DISABLE_CONFIRM_ID,
  DisableForm,
  EnableForm,
  REISSUE_CONFIRM_ID,
  ReissueForm,
  UnlockForm,
} from "@/components/staff/applicant-account-forms";
import { AuditTable } from "@/components/staff/audit-table";
import { Notice } from "@/components/ui/notice";
import { APPLICATION_STATUS_LABELS } from "@/lib/applications/status-labels";
import { describeAuditEntries } from "@/lib/audit/describe-audit-entries";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { emailStatusLabels } from "@/lib/format/email-status";
import { emailTemplateLabel } from "@/lib/format/email-template";
import {
  ACCOUNT_DONE_MESSAGES,
  ACCOUNT_ERROR_MESSAGES,
  accountDoneFlag,
  accountErrorFlag,
} from "@/lib/staff/applicant-account-messages";
import { findApplicantDetail, type ApplicantDetail } from "@/lib/staff/find-applicant-detail";
import { staffListHref } from "@/lib/staff/list-params";

export const metadata: Metadata = { title: "申請者の詳細" };

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

function ApplicationSummary({ application }: { application: ApplicantDetail["applicant"]["application"] }) {
  if (!application) return <p>まだ申請を始めていません。</p>;
  const sent = application.status !== "DRAFT" && application.applicationNumber;
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>申請の状態</dt>
        <dd>{APPLICATION_STATUS_LABELS[application.status]}</dd>
      </div>
      <div className="summary-list__row">
        <dt>申請番号</dt>
        <dd>
          {sent ? (
            <Link href={`/staff/applications/${application.id}`} prefetch={false}>
              {application.applicationNumber}
            </Link>
          ) : (
            "まだ申請していません"
          )}
        </dd>
      </div>
      {application.lastSentAt ? (
        <div className="summary-list__row">
          <dt>最後に申請した日時</dt>
          <dd>{formatJstDateTime(application.lastSentAt)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export default async function ApplicantDetailPage({
  params,
  searchParams,
}: PageProps<"/staff/applicants/[applicantId]">) {
  const { applicantId } = await params;
  // Under 申請者一覧 in the staff menu (aria-current="true", not "page").
  const { frame } = await loadStaffPage(`/staff/applicants/${applicantId}`);
  const detail = await findApplicantDetail(applicantId);
  if (!detail) notFound();
  const { done, error } = await searchParams;
  const doneFlag = accountDoneFlag(done);
  const errorFlag = accountErrorFlag(error);
  const { applicant, isLocked, emails } = detail;
  const audit = await describeAuditEntries(detail.audit);

  const confirmErrors = {
    reissue: errorFlag === "confirm-reissue" ? ACCOUNT_ERROR_MESSAGES["confirm-reissue"] : undefined,
    disable: errorFlag === "confirm-disable" ? ACCOUNT_ERROR_MESSAGES["confirm-disable"] : undefined,
  };
  const summary = [
    ...(confirmErrors.reissue ? [{ fieldId: REISSUE_CONFIRM_ID, message: confirmErrors.reissue }] : []),
    ...(confirmErrors.disable ? [{ fieldId: DISABLE_CONFIRM_ID, message: confirmErrors.disable }] : []),
  ];
  const otherError =
    errorFlag && errorFlag !== "confirm-reissue" && errorFlag !== "confirm-disable"
      ? ACCOUNT_ERROR_MESSAGES[errorFlag]
      : null;

  return (
    <StaffFrame {...frame}>
      <p>
        <Link href="/staff/applicants">申請者の一覧に戻る</Link>
      </p>
      <h1 className="page-title">申請者の詳細</h1>
      <ErrorSummary errors={summary} />
      {doneFlag ? (
        <Notice tone="success" title={ACCOUNT_DONE_MESSAGES[doneFlag].title} role="status">
          <p>{ACCOUNT_DONE_MESSAGES[doneFlag].body}</p>
        </Notice>
      ) : null}
      {otherError ? (
        <Notice tone="error" title="操作できませんでした" role="status">
          <p>{otherError}</p>
        </Notice>
      ) : null}

      <h2>アカウント</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>申請ログインID</dt>
          <dd className="list-table__code">{applicant.loginId}</dd>
        </div>
        <div className="summary-list__row">
          <dt>氏名</dt>
          <dd>{applicant.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>メールアドレス</dt>
          <dd className="list-table__email">{applicant.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt>状態</dt>
          <dd>{accountState(detail)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>パスワード</dt>
          <dd>{passwordState(detail)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>続けて間違えたログインの回数</dt>
          <dd>{applicant.failedLoginCount}回</dd>
        </div>
        <div className="summary-list__row">
          <dt>発行日時</dt>
          <dd>{formatJstDateTime(applicant.issuedAt)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>発行者</dt>
          <dd>
            {applicant.issuedBy
              ? `${applicant.issuedBy.name}（${applicant.issuedBy.email}）`
              : "職員以外（利用申し込みによる発行など）"}
          </dd>
        </div>
      </dl>

      <h2>申請</h2>
      <ApplicationSummary application={applicant.application} />

      <h2>アカウントの操作</h2>
      {isLocked && applicant.lockedUntil && !applicant.disabledAt ? (
        <section aria-labelledby="unlock-heading" className="account-actions__section">
          <h3 id="unlock-heading">ロックの解除</h3>
          <UnlockForm applicantId={applicant.id} lockedUntilText={formatJstDateTime(applicant.lockedUntil)} />
        </section>
      ) : null}
      <section aria-labelledby="reissue-heading" className="account-actions__section">
        <h3 id="reissue-heading">パスワードの再発行</h3>
        {applicant.disabledAt ? (
          <p>利用停止中は、パスワードを再発行できません。先に利用停止を解除してください。</p>
        ) : (
          <ReissueForm applicantId={applicant.id} confirmError={confirmErrors.reissue} />
        )}
      </section>
      <section aria-labelledby="disable-heading" className="account-actions__section">
        <h3 id="disable-heading">{applicant.disabledAt ? "利用停止の解除" : "利用の停止"}</h3>
        {applicant.disabledAt ? (
          <EnableForm applicantId={applicant.id} />
        ) : (
          <DisableForm applicantId={applicant.id} confirmError={confirmErrors.disable} />
        )}
      </section>

      <h2>この申請者へのメール</h2>
      {emails.length === 0 ? (
        <p>メールはありません。</p>
      ) : (
        <div className="table-wrapper" role="region" aria-labelledby="applicant-emails-caption" tabIndex={0}>
          <table className="table">
            <caption id="applicant-emails-caption" className="visually-hidden">
              この申請者へのメール（新しい順、最新{emails.length}件）
            </caption>
            <thead>
              <tr>
                <th scope="col">作成日時</th>
                <th scope="col">テンプレート</th>
                <th scope="col">状態</th>
                <th scope="col">試行回数</th>
                <th scope="col">最後のエラー</th>
                <th scope="col">送信日時</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <td className="list-table__date">{formatJstDateTime(email.createdAt)}</td>
                  <td>{emailTemplateLabel(email.template)}</td>
                  <td>{emailStatusLabels[email.status]}</td>
                  <td>{email.attempts}</td>
                  <td className="outbox-table__error">{email.lastError?.slice(0, 160) ?? ""}</td>
                  <td className="list-table__date">{email.sentAt ? formatJstDateTime(email.sentAt) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link href={staffListHref("/staff/emails", { q: applicant.email, status: "all" })} prefetch={false}>
          メール送信状況でこのメールアドレスあてのメールを見る
        </Link>
      </p>

      <h2>この申請者の監査ログ</h2>
      {audit.length === 0 ? (
        <p>記録はありません。</p>
      ) : (
        <AuditTable
          rows={audit}
          caption={`この申請者の監査ログ（新しい順、最新${audit.length}件）`}
          captionId="applicant-audit-caption"
        />
      )}
      {/* The whole audit log is for administrators only (/staff/audit answers 404 to 職員). */}
      {frame.isAdmin ? (
        <ul className="link-list">
          <li>
            <Link href={`/staff/audit?target=${applicant.id}`} prefetch={false}>
              監査ログで、この申請者が対象の記録をすべて見る
            </Link>
          </li>
          <li>
            <Link href={`/staff/audit?actor=${applicant.loginId}`} prefetch={false}>
              監査ログで、この申請者がした操作をすべて見る
            </Link>
          </li>
        </ul>
      ) : null}
    </StaffFrame>
  );
}
