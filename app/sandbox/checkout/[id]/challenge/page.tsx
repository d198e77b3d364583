// The payment sandbox's 3-D Secure challenge (issue 12): the card issuer's page, 認証する / 認証しない.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { Button } from "@/components/ui/button";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { answerSandboxChallengeAction } from "@/lib/actions/answer-sandbox-challenge";
import { formatYen } from "@/lib/fees";
import { loadSandboxPayment } from "@/lib/payments/sandbox/checkout";
import { checkoutPath } from "@/lib/payments/sandbox/intent";

export const metadata: Metadata = { title: "本人認証（3Dセキュア）（サンドボックス）" };

export default async function SandboxChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const payment = await loadSandboxPayment(id);
  if (!payment || payment.method !== "card") notFound();
  // Nothing to authenticate: the card page says where the payment stands.
  if (payment.status !== "requires_action") redirect(checkoutPath(payment.id));

  return (
    <SandboxShell>
      <h1 className="page-title">本人認証（3Dセキュア）</h1>
      <p>カード会社による本人認証のテスト画面です。認証するかどうかを選んでください。</p>
      <SummaryList>
        <SummaryRow term="お支払い内容">{payment.description}</SummaryRow>
        <SummaryRow term="金額">{formatYen(payment.amount)}</SummaryRow>
        <SummaryRow term="カード番号">末尾 {payment.cardLast4 ?? ""}</SummaryRow>
      </SummaryList>
      <form action={answerSandboxChallengeAction} className="form">
        <input type="hidden" name="paymentId" value={payment.id} />
        <div className="form__actions">
          <Button type="submit" name="decision" value="approve">
            認証する
          </Button>
          <Button type="submit" name="decision" value="reject" variant="secondary">
            認証しない
          </Button>
        </div>
      </form>
    </SandboxShell>
  );
}
