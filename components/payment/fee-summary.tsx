// The fee of an application as the applicant sees it (payment page): what it is for, the amount
// 税込, the 支払期限 in Japan time, its status and, once chosen, the method.
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { formatYen } from "@/lib/fees";
import { formatJstDateTimeJa } from "@/lib/format/date";
import { APPLICATION_STATUS_LABELS } from "@/lib/labels";
import { FEE_PURPOSE_LABELS, FEE_STATUS_LABELS } from "@/lib/payments/labels";
import { paymentMethodText } from "@/lib/payments/payment-method-text";
import type { PaymentOverview } from "@/lib/payments/service";

export function FeeSummary({ overview }: { overview: PaymentOverview }) {
  const { application, fee, payment } = overview;
  return (
    <SummaryList>
      <SummaryRow term="申請番号" valueClassName="application-number">
        {application.applicationNumber}
      </SummaryRow>
      <SummaryRow term="申請状況">{APPLICATION_STATUS_LABELS[application.status]}</SummaryRow>
      {fee ? (
        <>
          <SummaryRow term="お支払い内容">{FEE_PURPOSE_LABELS[fee.purpose]}</SummaryRow>
          <SummaryRow term="金額">{`${formatYen(fee.amount)}（税込）`}</SummaryRow>
          <SummaryRow term="支払期限">{`${formatJstDateTimeJa(fee.dueAt)}（日本時間）`}</SummaryRow>
          <SummaryRow term="支払状況">{FEE_STATUS_LABELS[fee.status]}</SummaryRow>
          {payment && payment.status !== "CANCELED" ? (
            <SummaryRow term="お支払い方法">{paymentMethodText(payment)}</SummaryRow>
          ) : null}
          {fee.paidAt ? (
            <SummaryRow term="支払日時">{`${formatJstDateTimeJa(fee.paidAt)}（日本時間）`}</SummaryRow>
          ) : null}
          {payment?.refundedAt ? (
            <SummaryRow term="返金">
              {`${formatYen(payment.refundAmount ?? payment.amount)}を${formatJstDateTimeJa(payment.refundedAt)}に返金しました`}
            </SummaryRow>
          ) : null}
        </>
      ) : (
        <SummaryRow term="支払状況">お支払いの必要はありません</SummaryRow>
      )}
    </SummaryList>
  );
}
