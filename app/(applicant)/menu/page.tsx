// 新パスワードで再ログイン後の初期画面: where an applicant lands after signing in with their own password.
// Once an application is sent, its status and the registration fee's are shown here too, with the
// way to pay while the fee waits (or its deadline passed) and to withdraw while that is allowed.
// Words from common.menuPage (issue 15); the statuses, amounts and dates are the payment pages'
// (messages/<language>/payment.json, components/payment/payment-text.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { paymentText } from "@/components/payment/payment-text";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { upgradeStateOf } from "@/lib/applications/upgrade";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { loadPaymentOverview } from "@/lib/payments/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.menuPage");
  return { title: withoutRuby(t("title")) };
}

export default async function MenuPage() {
  const { applicant, frame } = await loadApplicantPage("/menu");
  const overview = await loadPaymentOverview(applicant.id);
  const t = await getTranslations("common.menuPage");
  const payment = await getTranslations("payment");
  const money = paymentText(payment, await getLocale());
  // An application without an 申請番号 (not sent yet) has nothing to move: "unavailable", as for none.
  const upgrade = upgradeStateOf(overview?.application ?? null);
  const isMoving = upgrade.stage === "in-progress" || upgrade.stage === "sent";
  const fee = overview?.fee ?? null;
  const offersPayment = overview?.canPay === true && (fee?.status === "UNPAID" || fee?.status === "EXPIRED");
  const links = [
    ...(offersPayment
      ? [{ href: "/payment", label: t("pay") }]
      : fee && overview?.application.status !== "WITHDRAWN"
        ? [{ href: "/payment", label: t("paymentStatus") }]
        : []),
    ...(overview?.canWithdraw ? [{ href: "/withdraw", label: t("withdraw") }] : []),
    // 登録完了 of a 簡略型 registration: the move to 詳細型 (started or not yet).
    ...(upgrade.stage === "can-start" || upgrade.stage === "in-progress"
      ? [{ href: "/upgrade", label: t("upgrade") }]
      : []),
  ];
  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">{withRuby(t("heading"))}</h1>
      <p>{withRuby(t("intro"))}</p>
      <p>{withRuby(t("start"))}</p>
      <p className="hint-text">{withRuby(t("hint"))}</p>
      {overview ? (
        <section aria-labelledby="application-status-title">
          <h2 className="section-title" id="application-status-title">
            {withRuby(t("statusTitle"))}
          </h2>
          <SummaryList>
            <SummaryRow term={t("applicationNumber")} valueClassName="application-number">
              {overview.application.applicationNumber}
            </SummaryRow>
            <SummaryRow term={t("status")}>
              {withRuby(payment(`applicationStatus.${overview.application.status}`))}
            </SummaryRow>
            {upgrade.registrationType ? (
              <SummaryRow term={t("registrationType")}>
                {withRuby(
                  isMoving
                    ? t("registrationTypeMoving", {
                        type: payment(`upgrade.type.${upgrade.registrationType}`),
                      })
                    : payment(`upgrade.type.${upgrade.registrationType}`),
                )}
              </SummaryRow>
            ) : null}
            {upgrade.technicianId ? (
              <SummaryRow term={t("technicianId")} valueClassName="application-number">
                {upgrade.technicianId}
              </SummaryRow>
            ) : null}
            {fee ? (
              <>
                <SummaryRow term={payment(`feePurpose.${fee.purpose}`)}>
                  {withRuby(money.yenTaxIncluded(fee.amount))}
                </SummaryRow>
                <SummaryRow term={t("feeStatus")}>{withRuby(payment(`feeStatus.${fee.status}`))}</SummaryRow>
                {offersPayment ? (
                  <SummaryRow term={t("dueAt")}>{withRuby(money.japanTime(fee.dueAt))}</SummaryRow>
                ) : null}
              </>
            ) : null}
          </SummaryList>
          {links.length > 0 ? (
            <ul>
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href}>{withRuby(link.label)}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </ApplicantFrame>
  );
}
