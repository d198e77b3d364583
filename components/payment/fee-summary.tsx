// The fee of an application as the applicant sees it (payment page): what it is for, the amount
// 税込, the 支払期限 in Japan time, its status and, once chosen, the method.
import { useLocale, useTranslations } from "next-intl";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { paymentText } from "@/components/payment/payment-text";
import { withRuby } from "@/lib/i18n/ruby";
import type { PaymentOverview } from "@/lib/payments/service";

export function FeeSummary({ overview }: { overview: PaymentOverview }) {
  const { application, fee, payment } = overview;
  const t = useTranslations("payment");
  const text = paymentText(t, useLocale());
  return (
    <SummaryList>
      <SummaryRow term={t("summary.applicationNumber")} valueClassName="application-number">
        {application.applicationNumber}
      </SummaryRow>
      <SummaryRow term={t("summary.applicationStatus")}>
        {withRuby(t(`applicationStatus.${application.status}`))}
      </SummaryRow>
      {fee ? (
        <>
          <SummaryRow term={t("summary.purpose")}>{withRuby(t(`feePurpose.${fee.purpose}`))}</SummaryRow>
          <SummaryRow term={t("summary.amount")}>{withRuby(text.yenTaxIncluded(fee.amount))}</SummaryRow>
          <SummaryRow term={t("summary.dueAt")}>{withRuby(text.japanTime(fee.dueAt))}</SummaryRow>
          <SummaryRow term={t("summary.feeStatus")}>{withRuby(t(`feeStatus.${fee.status}`))}</SummaryRow>
          {payment && payment.status !== "CANCELED" ? (
            <SummaryRow term={t("summary.method")}>{withRuby(text.method(payment))}</SummaryRow>
          ) : null}
          {fee.paidAt ? (
            <SummaryRow term={t("summary.paidAt")}>{withRuby(text.japanTime(fee.paidAt))}</SummaryRow>
          ) : null}
          {payment?.refundedAt ? (
            <SummaryRow term={t("summary.refund")}>
              {withRuby(
                t("summary.refundValue", {
                  amount: text.yen(payment.refundAmount ?? payment.amount),
                  dateTime: text.dateTime(payment.refundedAt),
                }),
              )}
            </SummaryRow>
          ) : null}
        </>
      ) : (
        <SummaryRow term={t("summary.feeStatus")}>{withRuby(t("summary.noFee"))}</SummaryRow>
      )}
    </SummaryList>
  );
}
