// 申請内容の審査: the 支払い section — the fee's status, the payment (method, amount, paid at in
// Japan time, the provider's reference), a refund once made — and 返金 while the fee is paid.
import { RefundForm } from "@/components/staff/refund-form";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { formatYen } from "@/lib/fees";
import { formatJstDateTime } from "@/lib/format/date";
import { konbiniChain } from "@/lib/payments/konbini";
import { FEE_STATUS_LABELS, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS } from "@/lib/payments/labels";
import type { PaymentOverview } from "@/lib/payments/service";

const PROVIDER_LABELS: Record<string, string> = { sandbox: "サンドボックス", stripe: "Stripe" };

export function PaymentPanel({
  applicationId,
  overview,
}: {
  applicationId: string;
  overview: PaymentOverview | null;
}) {
  const fee = overview?.fee ?? null;
  const payment = overview?.payment ?? null;
  const methodText = payment
    ? payment.method === "KONBINI"
      ? `${PAYMENT_METHOD_LABELS.KONBINI}（${konbiniChain(payment.konbiniStore)?.name ?? payment.konbiniStore ?? ""}）`
      : PAYMENT_METHOD_LABELS[payment.method]
    : "（未選択）";
  const canRefund =
    fee?.status === "PAID" && payment?.status === "PAID" && payment.providerPaymentId !== null;
  return (
    <section aria-labelledby="payment-title">
      <h2 className="section-title" id="payment-title">
        支払い
      </h2>
      {!fee ? (
        <p>この申請には登録料の記録がありません。</p>
      ) : (
        <SummaryList>
          <SummaryRow term="支払状況">{FEE_STATUS_LABELS[fee.status]}</SummaryRow>
          {fee.status === "UNPAID" || fee.status === "EXPIRED" ? (
            <SummaryRow term="支払期限">{formatJstDateTime(fee.dueAt)}</SummaryRow>
          ) : null}
          <SummaryRow term="支払方法">{methodText}</SummaryRow>
          <SummaryRow term="金額（税込）">
            {payment && payment.handlingFee > 0
              ? `${formatYen(payment.amount)}（登録料 ${formatYen(payment.feeAmount)}、手数料 ${formatYen(payment.handlingFee)}）`
              : formatYen(payment?.amount ?? fee.amount)}
          </SummaryRow>
          {payment?.status === "FLAGGED" ? (
            <SummaryRow term="お支払いの状態">
              {PAYMENT_STATUS_LABELS.FLAGGED}
              （決済サービスの金額が一致しません。決済サービスの管理画面で確かめてください）
            </SummaryRow>
          ) : null}
          <SummaryRow term="支払日時">
            {payment?.paidAt ? formatJstDateTime(payment.paidAt) : "（未払い）"}
          </SummaryRow>
          <SummaryRow term="決済サービスの参照番号">
            {payment?.providerPaymentId
              ? `${payment.providerPaymentId}（${PROVIDER_LABELS[payment.provider] ?? payment.provider}）`
              : "（なし）"}
          </SummaryRow>
          {payment?.refundedAt ? (
            <>
              <SummaryRow term="返金日時">{formatJstDateTime(payment.refundedAt)}</SummaryRow>
              <SummaryRow term="返金額">{formatYen(payment.refundAmount ?? 0)}</SummaryRow>
            </>
          ) : null}
        </SummaryList>
      )}
      {canRefund && payment ? (
        <section aria-labelledby="refund-title">
          <h3 id="refund-title">返金</h3>
          <RefundForm
            applicationId={applicationId}
            paymentId={payment.id}
            amountText={formatYen(payment.amount)}
          />
        </section>
      ) : null}
    </section>
  );
}
