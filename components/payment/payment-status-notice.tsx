// The one message at the top of the payment page that says where the applicant stands: paid,
// waiting, card declined (the provider's reason), expired (choose again), refunded, withdrawn.
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { DeclinedReason } from "@/components/payment/declined-reason";
import { withRuby } from "@/lib/i18n/ruby";
import type { PaymentOverview } from "@/lib/payments/service";

export function PaymentStatusNotice({ overview }: { overview: PaymentOverview }) {
  const { application, fee, payment } = overview;
  const t = useTranslations("payment.status");
  if (application.status === "WITHDRAWN") {
    return (
      <Notice tone="info" title={t("withdrawnTitle")}>
        {fee?.status === "REFUNDED" ? (
          <p>{withRuby(t("refundedBody"))}</p>
        ) : (
          <p>{withRuby(t("noPaymentNeeded"))}</p>
        )}
      </Notice>
    );
  }
  if (!fee) return null;
  switch (fee.status) {
    case "PAID":
      return (
        <Notice tone="success" title={t("paidTitle")} role="status">
          <p>{withRuby(t("paidBody"))}</p>
        </Notice>
      );
    case "REFUNDED":
      return (
        <Notice tone="info" title={t("refundedTitle")}>
          <p>{withRuby(t("refundedBody"))}</p>
        </Notice>
      );
    case "CANCELED":
      return (
        <Notice tone="info" title={t("canceledTitle")}>
          <p>{withRuby(t("noPaymentNeeded"))}</p>
        </Notice>
      );
    case "EXPIRED":
      return (
        <Notice tone="warning" title={t("expiredTitle")}>
          <p>{withRuby(t("expiredBody"))}</p>
        </Notice>
      );
    case "UNPAID":
      break;
  }
  if (payment?.status === "PENDING" && payment.method === "CARD" && payment.lastErrorMessage) {
    return (
      <Notice tone="error" title={t("declinedTitle")} role="alert">
        <DeclinedReason message={payment.lastErrorMessage} />
        <p>{withRuby(t("declinedRetry"))}</p>
      </Notice>
    );
  }
  if (payment?.status === "FLAGGED") {
    return (
      <Notice tone="warning" title={t("flaggedTitle")}>
        <p>{withRuby(t("flaggedBody"))}</p>
      </Notice>
    );
  }
  return (
    <Notice tone="info" title={t("unpaidTitle")}>
      <p>{withRuby(t("unpaidBody"))}</p>
    </Notice>
  );
}
