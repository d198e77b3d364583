// 登録料のお支払い: the fee of the applicant's own application (amount, 申請番号, 支払期限 in Japan
// time, status), the method choice, the live コンビニ code or 払込票 state, and the receipt once paid.
// loadPaymentOverview applies expiry by the clock first, so the page never shows a stale 支払待ち.
// The words are messages/<language>/payment.json's (issue 15); the receipt itself stays Japanese.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { BackToMenuLink } from "@/components/layout/back-to-menu-link";
import { FeeSummary } from "@/components/payment/fee-summary";
import { KonbiniVoucher } from "@/components/payment/konbini-voucher";
import { PaymentMethodForm } from "@/components/payment/payment-method-form";
import { PaymentStatusNotice } from "@/components/payment/payment-status-notice";
import { paymentText } from "@/components/payment/payment-text";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { isLocale, LOCALE_INFO } from "@/lib/i18n/locales";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { KONBINI_STORES, konbiniChain } from "@/lib/payments/konbini";
import { loadPaymentOverview } from "@/lib/payments/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payment.page");
  return { title: withoutRuby(t("title")) };
}

export default async function PaymentPage() {
  const { applicant, frame } = await loadApplicantPage("/payment");
  const overview = await loadPaymentOverview(applicant.id);
  const payment = overview?.payment ?? null;
  const livePending = payment?.status === "PENDING" ? payment : null;
  const chain = livePending?.method === "KONBINI" ? konbiniChain(livePending.konbiniStore) : null;
  const t = await getTranslations("payment");
  const locale = await getLocale();
  const text = paymentText(t, locale);
  // The receipt is a formal document in Japanese: a page in another language says so beside its link.
  const receiptIsInOtherLanguage = isLocale(locale) && LOCALE_INFO[locale].htmlLang !== "ja";

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">{withRuby(t("page.title"))}</h1>
      {!overview ? (
        <Notice tone="info" title={t("page.nothingTitle")}>
          <p>{withRuby(t("page.nothingBody"))}</p>
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
                {withRuby(t("page.slipTitle"))}
              </h2>
              <p>{withRuby(t("page.slipBody"))}</p>
              <SummaryList>
                <SummaryRow term={t("page.slipStatus")}>
                  {withRuby(t(livePending.slipSentAt ? "slipStatus.sent" : "slipStatus.preparing"))}
                </SummaryRow>
                <SummaryRow term={t("page.slipAmount")}>
                  {withRuby(
                    t("page.slipAmountValue", {
                      amount: text.yen(livePending.amount),
                      handlingFee: text.yen(livePending.handlingFee),
                    }),
                  )}
                </SummaryRow>
              </SummaryList>
            </section>
          ) : null}
          {overview.receiptAvailable ? (
            <>
              <p>
                {/* A plain link: a route handler's file, not a page to prefetch. */}
                <a className="button button--secondary" href="/payment/receipt" download>
                  {withRuby(t("page.receiptDownload"))}
                </a>
              </p>
              {receiptIsInOtherLanguage ? <p>{withRuby(t("page.receiptLanguage"))}</p> : null}
            </>
          ) : null}
          {overview.canPay && overview.fee ? (
            <section aria-labelledby="payment-method-title">
              <h2 className="section-title" id="payment-method-title">
                {withRuby(t(livePending ? "page.methodTitleChange" : "page.methodTitleChoose"))}
              </h2>
              {livePending?.method === "KONBINI" || livePending?.method === "SLIP" ? (
                <p className="field__hint">{withRuby(t("page.methodChangeHint"))}</p>
              ) : null}
              <ClientMessages paths={["payment.form", "payment.validation", "payment.errors.startPayment"]}>
                <PaymentMethodForm
                  methods={overview.methods}
                  konbiniOptions={KONBINI_STORES.filter((store) =>
                    overview.konbiniStores.includes(store),
                  ).map((store) => ({ value: store, label: withoutRuby(t(`konbini.storeName.${store}`)) }))}
                  slipHint={t("page.slipHint", {
                    handlingFee: text.yen(overview.slipHandlingFee),
                    total: text.yen(overview.fee.amount + overview.slipHandlingFee),
                  })}
                  feeLockVersion={overview.fee.lockVersion}
                  current={
                    livePending
                      ? { method: livePending.method, konbiniStore: livePending.konbiniStore ?? "" }
                      : {}
                  }
                />
              </ClientMessages>
            </section>
          ) : null}
          {overview.canWithdraw ? (
            <p>
              <a href="/withdraw">{withRuby(t("page.withdrawLink"))}</a>
            </p>
          ) : null}
        </>
      )}
      <BackToMenuLink />
    </ApplicantFrame>
  );
}
