// Back from the provider's card page (or its 3-D Secure challenge): asks the provider how the
// payment stands (the webhook may not have arrived yet), then says paid, declined with the
// provider's reason and a way to try again, or still being confirmed.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { BackToMenuLink } from "@/components/layout/back-to-menu-link";
import { DeclinedReason } from "@/components/payment/declined-reason";
import { FeeSummary } from "@/components/payment/fee-summary";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { loadPaymentOverview, refreshPaymentAfterReturn } from "@/lib/payments/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payment.return");
  return { title: withoutRuby(t("title")) };
}

const paymentIdSchema = z.uuid();

export default async function PaymentReturnPage({ searchParams }: PageProps<"/payment/return">) {
  const { applicant, frame } = await loadApplicantPage("/payment/return");
  const reference = paymentIdSchema.safeParse((await searchParams).payment);
  if (reference.success) await refreshPaymentAfterReturn(applicant.id, reference.data);
  const overview = await loadPaymentOverview(applicant.id);
  const payment = overview?.payment ?? null;
  const isPaid = overview?.fee?.status === "PAID";
  const declined = !isPaid && payment?.status === "PENDING" ? payment.lastErrorMessage : null;
  const t = await getTranslations("payment");

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">{withRuby(t("return.title"))}</h1>
      {isPaid ? (
        <Notice tone="success" title={t("status.paidTitle")} role="status">
          <p>{withRuby(t("return.paidBody"))}</p>
        </Notice>
      ) : declined ? (
        <Notice tone="error" title={t("status.declinedTitle")} role="alert">
          <DeclinedReason message={declined} />
          <p>{withRuby(t("status.declinedRetry"))}</p>
        </Notice>
      ) : (
        <Notice tone="info" title={t("return.pendingTitle")}>
          <p>{withRuby(t("return.pendingBody"))}</p>
        </Notice>
      )}
      {overview ? <FeeSummary overview={overview} /> : null}
      <p>
        <ButtonLink href="/payment" variant={isPaid ? "secondary" : "primary"}>
          {withRuby(t(declined ? "return.retry" : "return.back"))}
        </ButtonLink>
      </p>
      <BackToMenuLink />
    </ApplicantFrame>
  );
}
