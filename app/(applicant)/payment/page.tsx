// 登録料のお支払い: the fee of the applicant's own application (amount, 申請番号, 支払期限 in Japan
// time, status), the method choice, the live コンビニ code or 払込票 state, and the receipt once paid.
// loadPaymentOverview applies expiry by the clock first, so the page never shows a stale 支払待ち.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { BackToMenuLink } from "@/components/layout/back-to-menu-link";
import { FeeSummary } from "@/components/payment/fee-summary";
import { KonbiniVoucher } from "@/components/payment/konbini-voucher";
import { PaymentMethodForm } from "@/components/payment/payment-method-form";
import { PaymentStatusNotice } from "@/components/payment/payment-status-notice";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatYen } from "@/lib/fees";
import { KONBINI_OPTIONS, konbiniChain } from "@/lib/payments/konbini";
import { slipStatusLabel } from "@/lib/payments/labels";
import { loadPaymentOverview } from "@/lib/payments/service";

export const metadata: Metadata = { title: "登録料のお支払い" };

export default async function PaymentPage() {
  const { applicant, frame } = await loadApplicantPage("/payment");
  const overview = await loadPaymentOverview(applicant.id);
  const payment = overview?.payment ?? null;
  const livePending = payment?.status === "PENDING" ? payment : null;
  const chain = livePending?.method === "KONBINI" ? konbiniChain(livePending.konbiniStore) : null;

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">登録料のお支払い</h1>
      {!overview ? (
        <Notice tone="info" title="お支払いが必要な申請はありません">
          <p>申請を送信すると、ここで登録料をお支払いいただけます。</p>
        </Notice>
      ) : (
        <>
          <PaymentStatusNotice overview={overview} />
          <FeeSummary overview={overview} />
          {chain && livePending?.voucher ? (
            <KonbiniVoucher
              chain={chain}
              voucher={livePending.voucher}
              amount={livePending.amount}
              expiresAt={livePending.expiresAt}
            />
          ) : null}
          {livePending?.method === "SLIP" ? (
            <section aria-labelledby="slip-title">
              <h2 className="section-title" id="slip-title">
                払込票でのお支払い
              </h2>
              <p>
                払込票を、登録カードの送付先に郵送します。届いた払込票で、支払期限までにお支払いください。
              </p>
              <SummaryList>
                <SummaryRow term="払込票の状態">{slipStatusLabel(livePending.slipSentAt)}</SummaryRow>
                <SummaryRow term="お支払い金額">
                  {`${formatYen(livePending.amount)}（税込、払込手数料${formatYen(livePending.handlingFee)}を含む）`}
                </SummaryRow>
              </SummaryList>
            </section>
          ) : null}
          {overview.receiptAvailable ? (
            <p>
              {/* A plain link: a route handler's file, not a page to prefetch. */}
              <a className="button button--secondary" href="/payment/receipt" download>
                領収書をダウンロード
              </a>
            </p>
          ) : null}
          {overview.canPay && overview.fee ? (
            <section aria-labelledby="payment-method-title">
              <h2 className="section-title" id="payment-method-title">
                {livePending ? "お支払い方法の変更" : "お支払い方法の選択"}
              </h2>
              {livePending?.method === "KONBINI" || livePending?.method === "SLIP" ? (
                <p className="field__hint">
                  別のお支払い方法を選ぶと、いまお知らせしている番号（払込票）は使えなくなります。
                </p>
              ) : null}
              <PaymentMethodForm
                methods={overview.methods}
                konbiniOptions={KONBINI_OPTIONS.filter((option) =>
                  overview.konbiniStores.includes(option.value),
                )}
                slipHint={`払込票を郵送します。登録料に払込手数料${formatYen(overview.slipHandlingFee)}が加わります（合計${formatYen(overview.fee.amount + overview.slipHandlingFee)}）。`}
                feeLockVersion={overview.fee.lockVersion}
                current={
                  livePending
                    ? { method: livePending.method, konbiniStore: livePending.konbiniStore ?? "" }
                    : {}
                }
              />
            </section>
          ) : null}
          {overview.canWithdraw ? (
            <p>
              <a href="/withdraw">申請の取下げ</a>
            </p>
          ) : null}
        </>
      )}
      <BackToMenuLink />
    </ApplicantFrame>
  );
}
