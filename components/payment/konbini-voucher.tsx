// コンビニ払い: what the applicant takes to the store (the chain's number and 確認番号, amount,
// expiry) and how to pay there, in the chain's own words (lib/payments/konbini.ts).
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { formatYen } from "@/lib/fees";
import { formatJstDateTimeJa } from "@/lib/format/date";
import { KONBINI_CONFIRMATION_LABEL, type KonbiniChain } from "@/lib/payments/konbini";

export function KonbiniVoucher({
  chain,
  voucher,
  amount,
  expiresAt,
}: {
  chain: KonbiniChain;
  voucher: { number: string; confirmationNumber: string };
  amount: number;
  expiresAt: Date | null;
}) {
  return (
    <section aria-labelledby="konbini-voucher-title">
      <h2 className="section-title" id="konbini-voucher-title">
        コンビニでのお支払い（{chain.name}）
      </h2>
      <p>次の番号で、支払期限までに{chain.name}でお支払いください。同じ内容をメールでもお送りしました。</p>
      <SummaryList>
        <SummaryRow term="お支払いいただくコンビニ">{chain.name}</SummaryRow>
        <SummaryRow term={chain.numberLabel} valueClassName="application-number">
          {voucher.number}
        </SummaryRow>
        {chain.needsConfirmationNumber && voucher.confirmationNumber ? (
          <SummaryRow term={KONBINI_CONFIRMATION_LABEL} valueClassName="application-number">
            {voucher.confirmationNumber}
          </SummaryRow>
        ) : null}
        <SummaryRow term="お支払い金額">{`${formatYen(amount)}（税込）`}</SummaryRow>
        <SummaryRow term="お支払い期限">
          {expiresAt ? `${formatJstDateTimeJa(expiresAt)}（日本時間）` : ""}
        </SummaryRow>
      </SummaryList>
      <h3>{chain.name}でのお支払い方法</h3>
      <ol>
        {chain.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}
