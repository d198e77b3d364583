// Back from the provider's card page (or its 3-D Secure challenge): asks the provider how the
// payment stands (the webhook may not have arrived yet), then says paid, declined with the
// provider's reason and a way to try again, or still being confirmed.
import type { Metadata } from "next";
import { z } from "zod";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { BackToMenuLink } from "@/components/layout/back-to-menu-link";
import { FeeSummary } from "@/components/payment/fee-summary";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { loadPaymentOverview, refreshPaymentAfterReturn } from "@/lib/payments/service";

export const metadata: Metadata = { title: "お支払い結果" };

const paymentIdSchema = z.uuid();

export default async function PaymentReturnPage({ searchParams }: PageProps<"/payment/return">) {
  const { applicant, frame } = await loadApplicantPage("/payment/return");
  const reference = paymentIdSchema.safeParse((await searchParams).payment);
  if (reference.success) await refreshPaymentAfterReturn(applicant.id, reference.data);
  const overview = await loadPaymentOverview(applicant.id);
  const payment = overview?.payment ?? null;
  const isPaid = overview?.fee?.status === "PAID";
  const declined = !isPaid && payment?.status === "PENDING" ? payment.lastErrorMessage : null;

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">お支払い結果</h1>
      {isPaid ? (
        <Notice tone="success" title="お支払いが完了しました" role="status">
          <p>
            登録料のお支払いを確認しました（支払済み）。領収書は「登録料のお支払い」からダウンロードできます。
          </p>
        </Notice>
      ) : declined ? (
        <Notice tone="error" title="カードでのお支払いができませんでした" role="alert">
          <p>{declined}</p>
          <p>別のカードを使うか、お支払い方法を選び直して、もう一度お試しください。</p>
        </Notice>
      ) : (
        <Notice tone="info" title="お支払いを確認しています">
          <p>
            決済代行会社からの結果をまだ受け取っていません。しばらくしてから「登録料のお支払い」で支払状況をご確認ください。
          </p>
        </Notice>
      )}
      {overview ? <FeeSummary overview={overview} /> : null}
      <p>
        <ButtonLink href="/payment" variant={isPaid ? "secondary" : "primary"}>
          {declined ? "もう一度お支払い手続きをする" : "登録料のお支払いへ戻る"}
        </ButtonLink>
      </p>
      <BackToMenuLink />
    </ApplicantFrame>
  );
}
