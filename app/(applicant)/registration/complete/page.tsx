// After 申請する: the 申請番号, the status and what happens next. Only the signed-in applicant's
// own application is ever shown (there is no id in the address to guess).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { isEditableStatus } from "@/lib/applications/draft-application";
import { registrationFee } from "@/lib/applications/submit-application";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatYen, registrationFees } from "@/lib/fees";
import { formatJstDateTimeJa } from "@/lib/format/date";
import { APPLICATION_STATUS_LABELS, REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { FEE_STATUS_LABELS } from "@/lib/payments/labels";
import { loadPaymentOverview } from "@/lib/payments/service";
import { findResumePath } from "@/lib/registration/progress";

export const metadata: Metadata = { title: "申請完了" };

export default async function CompletionPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/complete");
  // One query: the sent application (申請中, 再申請, 登録完了, 取下げ) with its fee. A returned one
  // (不備) is the correction page's, a draft the wizard's.
  const overview = await loadPaymentOverview(applicant.id);
  const application =
    overview && !isEditableStatus(overview.application.status) ? overview.application : null;
  if (!application) redirect(await findResumePath(applicant.id));
  const fee = overview?.fee ?? null;
  // 申請する leads on to paying: the fee is waiting (or its deadline passed and a method can be chosen again).
  const leadsToPayment = overview?.canPay === true && (fee?.status === "UNPAID" || fee?.status === "EXPIRED");
  // 詳細型への移行 sent (not yet approved): the type it was sent as and the 移行 fee.
  const isMoveSent = application.upgradeStartedAt !== null && application.status !== "COMPLETED";
  const noticeTitle =
    application.status === "COMPLETED"
      ? "登録が完了しました"
      : application.status === "WITHDRAWN"
        ? "申請を取り下げました"
        : application.status === "RESUBMITTED"
          ? "再申請を受け付けました"
          : "申請を受け付けました";

  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName="申請完了" />
      <h1 className="page-title">申請完了</h1>
      <Notice tone="success" title={noticeTitle}>
        <p>
          申請番号：<strong className="application-number">{application.applicationNumber}</strong>
        </p>
        {application.technicianId ? (
          <p>
            技能者ID：<strong className="application-number">{application.technicianId}</strong>
          </p>
        ) : null}
        <p>お問い合わせの際は、この申請番号をお知らせください。</p>
      </Notice>
      {leadsToPayment && fee ? (
        <Notice tone="warning" title="登録料のお支払いが必要です">
          <p>
            {`支払期限（${formatJstDateTimeJa(fee.dueAt)}）までに登録料をお支払いください。お支払いが確認できてから審査が始まります。`}
          </p>
          <p>
            <ButtonLink href="/payment">登録料のお支払いへ進む</ButtonLink>
          </p>
        </Notice>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>申請番号</dt>
          <dd>{application.applicationNumber}</dd>
        </div>
        <div className="summary-list__row">
          <dt>申請状況</dt>
          <dd>{APPLICATION_STATUS_LABELS[application.status]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>登録方式</dt>
          <dd>
            {isMoveSent
              ? "詳細型登録（簡略型登録からの移行）"
              : application.registrationType
                ? REGISTRATION_TYPE_LABELS[application.registrationType]
                : ""}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{isMoveSent ? "移行の手数料" : "登録料"}</dt>
          <dd>
            {isMoveSent
              ? `${formatYen(registrationFees.upgrade)}（税込）`
              : application.registrationType
                ? `${formatYen(registrationFee(application.registrationType))}（税込）`
                : ""}
          </dd>
        </div>
        {fee ? (
          <div className="summary-list__row">
            <dt>支払状況</dt>
            <dd>{FEE_STATUS_LABELS[fee.status]}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>申請日時</dt>
          <dd>{application.submittedAt ? formatJstDateTimeJa(application.submittedAt) : ""}</dd>
        </div>
        {application.status === "RESUBMITTED" && application.lastSentAt ? (
          <div className="summary-list__row">
            <dt>再申請日時</dt>
            <dd>{formatJstDateTimeJa(application.lastSentAt)}</dd>
          </div>
        ) : null}
        {application.technicianId ? (
          <div className="summary-list__row">
            <dt>技能者ID</dt>
            <dd>{application.technicianId}</dd>
          </div>
        ) : null}
      </dl>
      {application.status === "COMPLETED" || application.status === "WITHDRAWN" ? null : (
        <>
          <h2 className="section-title">このあとの流れ</h2>
          <ol>
            <li>
              「登録料のお支払い」から登録料をお支払いください。お支払いが確認できてから審査が始まります。
            </li>
            <li>申請を受け付けたことを、登録されたメールアドレスにお知らせしました。</li>
            <li>登録事務局が申請内容を審査します。審査中は申請内容を変更できません。</li>
            <li>
              審査が終わると、メールと「通知」でお知らせします。登録が完了すると技能者IDが発行されます。
            </li>
            <li>申請内容に不備があった場合は、「20_申請の修正」から修正して、もう一度申請してください。</li>
          </ol>
        </>
      )}
      {overview?.canWithdraw ? (
        <p>
          審査が始まる前であれば、申請を取り下げることができます：<Link href="/withdraw">申請の取下げ</Link>
        </p>
      ) : null}
      <p>
        <ButtonLink href="/menu" variant="secondary">
          メニューへ戻る
        </ButtonLink>
      </p>
    </ApplicantFrame>
  );
}
