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
import { ApplicantEmailTable } from "@/components/staff/applicant-email-table";
import { ApplicantAccountSummary, ApplicantApplicationSummary } from "@/components/staff/applicant-summary";
import { AuditTable } from "@/components/staff/audit-table";
import { Notice } from "@/components/ui/notice";
import { describeAuditEntries } from "@/lib/audit/describe-audit-entries";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import {
  ACCOUNT_DONE_MESSAGES,
  ACCOUNT_ERROR_MESSAGES,
  accountDoneFlag,
  accountErrorFlag,
} from "@/lib/staff/applicant-account-messages";
import { findApplicantDetail } from "@/lib/staff/find-applicant-detail";
import { staffListHref } from "@/lib/staff/list-params";

export const metadata: Metadata = { title: "申請者の詳細" };

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
      <ApplicantAccountSummary detail={detail} />

      <h2>申請</h2>
      <ApplicantApplicationSummary application={applicant.application} />

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
      <ApplicantEmailTable emails={emails} />
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
