// コンビニ払い: what the applicant takes to the store (the chain's number and 確認番号, amount,
// expiry) and how to pay there, in the chain's own words (lib/payments/konbini.ts), in the page's
// language (messages/<language>/payment.json, konbini).
import { useLocale, useTranslations } from "next-intl";
import { paymentText } from "@/components/payment/payment-text";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { withRuby } from "@/lib/i18n/ruby";
import type { KonbiniChain } from "@/lib/payments/konbini";

/** The message group of a chain's steps: Lawson and Ministop share Loppi's. */
function stepsKey(chain: KonbiniChain) {
  return chain.key === "lawson" || chain.key === "ministop" ? "loppi" : chain.key;
}

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
  const t = useTranslations("payment");
  const text = paymentText(t, useLocale());
  const store = t(`konbini.storeName.${chain.key}`);
  const steps = stepsKey(chain);
  return (
    <section aria-labelledby="konbini-voucher-title">
      <h2 className="section-title" id="konbini-voucher-title">
        {withRuby(t("konbini.title", { store }))}
      </h2>
      <p>{withRuby(t("konbini.intro", { store }))}</p>
      <SummaryList>
        <SummaryRow term={t("konbini.store")}>{store}</SummaryRow>
        <SummaryRow term={t(`konbini.numberLabel.${chain.key}`)} valueClassName="application-number">
          {voucher.number}
        </SummaryRow>
        {chain.needsConfirmationNumber && voucher.confirmationNumber ? (
          <SummaryRow term={t("konbini.confirmationNumber")} valueClassName="application-number">
            {voucher.confirmationNumber}
          </SummaryRow>
        ) : null}
        <SummaryRow term={t("konbini.amount")}>{withRuby(text.yenTaxIncluded(amount))}</SummaryRow>
        <SummaryRow term={t("konbini.expiresAt")}>
          {expiresAt ? withRuby(text.japanTime(expiresAt)) : ""}
        </SummaryRow>
      </SummaryList>
      <h3>{withRuby(t("konbini.howTo", { store }))}</h3>
      <ol>
        {(["1", "2", "3", "4"] as const).map((step) => (
          <li key={step}>{withRuby(t(`konbini.steps.${steps}.${step}`, { store }))}</li>
        ))}
      </ol>
    </section>
  );
}
