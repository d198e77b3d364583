// 申請の取下げ: while the office has not started reviewing, the applicant may withdraw the
// application (reason optional). A paid fee is refunded through the provider, a waiting payment
// is cancelled. After it, the page shows the 取下げ status. Words: messages/<language>/payment.json.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { BackToMenuLink } from "@/components/layout/back-to-menu-link";
import { FeeSummary } from "@/components/payment/fee-summary";
import { paymentText, type PaymentTranslator } from "@/components/payment/payment-text";
import { WithdrawForm } from "@/components/payment/withdraw-form";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { loadPaymentOverview, type PaymentOverview } from "@/lib/payments/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payment.withdraw");
  return { title: withoutRuby(t("title")) };
}

/** What 申請を取り下げる will do to this application and its fee. */
function consequencesOf(overview: PaymentOverview, t: PaymentTranslator, locale: string): string[] {
  const lines = [
    t("withdraw.consequenceWithdraw", { applicationNumber: overview.application.applicationNumber }),
  ];
  const { fee, payment } = overview;
  if (fee?.status === "PAID") {
    lines.push(
      t("withdraw.consequenceRefund", {
        amount: paymentText(t, locale).yen(payment?.amount ?? fee.amount),
      }),
    );
  } else if (payment?.status === "PENDING") {
    lines.push(t("withdraw.consequenceCancel"));
  }
  lines.push(t("withdraw.consequenceNotice"));
  return lines;
}

export default async function WithdrawPage() {
  const { applicant, frame } = await loadApplicantPage("/withdraw");
  const overview = await loadPaymentOverview(applicant.id);
  const isWithdrawn = overview?.application.status === "WITHDRAWN";
  const t = await getTranslations("payment");

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">{withRuby(t("withdraw.title"))}</h1>
      {isWithdrawn && overview ? (
        <>
          <Notice tone="success" title={t("withdraw.doneTitle")} role="status">
            <p>
              {withRuby(
                t(overview.fee?.status === "REFUNDED" ? "status.refundedBody" : "status.noPaymentNeeded"),
              )}
            </p>
          </Notice>
          <FeeSummary overview={overview} />
        </>
      ) : overview?.canWithdraw ? (
        <>
          <p>{withRuby(t("withdraw.intro"))}</p>
          <FeeSummary overview={overview} />
          <ClientMessages paths={["payment.withdrawForm", "payment.validation", "payment.errors.withdraw"]}>
            <WithdrawForm consequences={consequencesOf(overview, t, await getLocale())} />
          </ClientMessages>
        </>
      ) : (
        <Notice tone="info" title={t("withdraw.noneTitle")}>
          <p>{withRuby(t("withdraw.noneBody"))}</p>
        </Notice>
      )}
      <BackToMenuLink />
    </ApplicantFrame>
  );
}
