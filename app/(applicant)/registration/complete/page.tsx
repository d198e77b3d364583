// After 申請する: the 申請番号, the status and what happens next. Only the signed-in applicant's
// own application is ever shown (there is no id in the address to guess).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatJstDateTimeFor } from "@/components/ui/japanese-data";
import { yenDigits } from "@/components/registration/check-words";
import { isEditableStatus } from "@/lib/applications/draft-application";
import { registrationFee } from "@/lib/applications/submit-application";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { registrationFees } from "@/lib/fees";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { loadPaymentOverview } from "@/lib/payments/service";
import { findResumePath } from "@/lib/registration/progress";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.complete");
  return { title: withoutRuby(t("title")) };
}

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
  const t = await getTranslations("review");
  const locale = await getLocale();
  const dateTime = (at: Date) => formatJstDateTimeFor(locale, at);
  const noticeTitle = t(
    application.status === "COMPLETED"
      ? "complete.noticeCompleted"
      : application.status === "WITHDRAWN"
        ? "complete.noticeWithdrawn"
        : application.status === "RESUBMITTED"
          ? "complete.noticeResubmitted"
          : "complete.noticeReceived",
  );
  const feeAmount = (amount: number) => withRuby(t("fee.amount", { amount: yenDigits(amount) }));

  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName={t("complete.title")} />
      <h1 className="page-title">{withRuby(t("complete.title"))}</h1>
      <Notice tone="success" title={noticeTitle}>
        <p>
          {withRuby(t("complete.applicationNumberPrefix"))}
          <strong className="application-number">{application.applicationNumber}</strong>
        </p>
        {application.technicianId ? (
          <p>
            {withRuby(t("complete.technicianIdPrefix"))}
            <strong className="application-number">{application.technicianId}</strong>
          </p>
        ) : null}
        <p>{withRuby(t("complete.contact"))}</p>
      </Notice>
      {leadsToPayment && fee ? (
        <Notice tone="warning" title={t("complete.payTitle")}>
          <p>{withRuby(t("complete.payBody", { due: dateTime(fee.dueAt) }))}</p>
          <p>
            <ButtonLink href="/payment">{withRuby(t("complete.payButton"))}</ButtonLink>
          </p>
        </Notice>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{withRuby(t("complete.applicationNumber"))}</dt>
          <dd>{application.applicationNumber}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{withRuby(t("complete.status"))}</dt>
          <dd>{withRuby(t(`applicationStatus.${application.status}`))}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{withRuby(t("complete.type"))}</dt>
          <dd>
            {isMoveSent
              ? withRuby(t("registrationType.upgrade"))
              : application.registrationType
                ? withRuby(t(`registrationType.${application.registrationType}`))
                : ""}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{withRuby(t(isMoveSent ? "fee.upgradeFee" : "fee.fee"))}</dt>
          <dd>
            {isMoveSent
              ? feeAmount(registrationFees.upgrade)
              : application.registrationType
                ? feeAmount(registrationFee(application.registrationType))
                : ""}
          </dd>
        </div>
        {fee ? (
          <div className="summary-list__row">
            <dt>{withRuby(t("complete.feeStatus"))}</dt>
            <dd>{withRuby(t(`feeStatus.${fee.status}`))}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{withRuby(t("complete.submittedAt"))}</dt>
          <dd>{application.submittedAt ? dateTime(application.submittedAt) : ""}</dd>
        </div>
        {application.status === "RESUBMITTED" && application.lastSentAt ? (
          <div className="summary-list__row">
            <dt>{withRuby(t("complete.resubmittedAt"))}</dt>
            <dd>{dateTime(application.lastSentAt)}</dd>
          </div>
        ) : null}
        {application.technicianId ? (
          <div className="summary-list__row">
            <dt>{withRuby(t("complete.technicianId"))}</dt>
            <dd>{application.technicianId}</dd>
          </div>
        ) : null}
      </dl>
      {application.status === "COMPLETED" || application.status === "WITHDRAWN" ? null : (
        <>
          <h2 className="section-title">{withRuby(t("complete.nextTitle"))}</h2>
          <ol>
            <li>{withRuby(t("complete.next1"))}</li>
            <li>{withRuby(t("complete.next2"))}</li>
            <li>{withRuby(t("complete.next3"))}</li>
            <li>{withRuby(t("complete.next4"))}</li>
            <li>{withRuby(t("complete.next5"))}</li>
          </ol>
        </>
      )}
      {overview?.canWithdraw ? (
        <p>
          {withRuby(t("complete.withdraw"))}
          <Link href="/withdraw">{withRuby(t("complete.withdrawLink"))}</Link>
        </p>
      ) : null}
      <p>
        <ButtonLink href="/menu" variant="secondary">
          {withRuby(t("complete.backToMenu"))}
        </ButtonLink>
      </p>
    </ApplicantFrame>
  );
}
