// The payment sandbox's hosted card page (issue 12): what a provider's checkout page is. Answers 404
// unless the sandbox is the configured provider and the id names one of its card payments.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SandboxCardForm } from "@/components/sandbox/sandbox-card-form";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { TestCardTable } from "@/components/sandbox/test-card-table";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { formatYen } from "@/lib/fees";
import { DECLINE_MESSAGES } from "@/lib/payments/decline-messages";
import { loadSandboxPayment, returnUrlOf } from "@/lib/payments/sandbox/checkout";
import { challengePath } from "@/lib/payments/sandbox/intent";

export const metadata: Metadata = { title: "カードでのお支払い（サンドボックス）" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SandboxCheckoutPage({ params, searchParams }: Props) {
  const { id } = await params;
  const payment = await loadSandboxPayment(id);
  if (!payment || payment.method !== "card") notFound();
  const { error } = await searchParams;

  const summary = (
    <SummaryList>
      <SummaryRow term="お支払い内容">{payment.description}</SummaryRow>
      <SummaryRow term="金額">{formatYen(payment.amount)}</SummaryRow>
    </SummaryList>
  );

  if (payment.status !== "requires_payment_method") {
    const paid = payment.status === "succeeded";
    return (
      <SandboxShell>
        <h1 className="page-title">カードでのお支払い</h1>
        {summary}
        {payment.status === "requires_action" ? (
          <Notice tone="info" title="本人認証（3Dセキュア）が必要です">
            <p>
              <ButtonLink href={challengePath(payment.id)}>本人認証へ進む</ButtonLink>
            </p>
          </Notice>
        ) : (
          <Notice
            tone={paid ? "success" : "warning"}
            title={paid ? "このお支払いは完了しています" : "このお支払いは受け付けられません"}
          >
            <p>
              {paid
                ? "お申し込みのページに戻って、お支払いの状況を確認してください。"
                : "取り消されたか、期限が切れています。お申し込みのページに戻って、もう一度お支払い手続きをしてください。"}
            </p>
          </Notice>
        )}
        <p>
          <a href={returnUrlOf(payment)}>お申し込みのページに戻る</a>
        </p>
      </SandboxShell>
    );
  }

  return (
    <SandboxShell>
      <h1 className="page-title">カードでのお支払い</h1>
      {summary}
      <SandboxCardForm
        paymentId={payment.id}
        initialError={
          error === "authentication_failed"
            ? { field: "cardNumber", message: DECLINE_MESSAGES.authentication_failed }
            : undefined
        }
      />
      <p>
        <a href={returnUrlOf(payment)}>お支払いをやめて、お申し込みのページに戻る</a>
      </p>
      <TestCardTable />
    </SandboxShell>
  );
}
