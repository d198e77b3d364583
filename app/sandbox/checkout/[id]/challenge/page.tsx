// The payment sandbox's 3-D Secure challenge (issue 12): the card issuer's page, 認証する / 認証しない.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { Button } from "@/components/ui/button";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { answerSandboxChallengeAction } from "@/lib/actions/answer-sandbox-challenge";
import {
  loadSandboxPayment,
  sandboxPageLanguage,
  type SandboxPageProps,
} from "@/lib/payments/sandbox/checkout";
import { checkoutPath } from "@/lib/payments/sandbox/intent";
import { sandboxAmount, sandboxWords, withSandboxLanguage } from "@/lib/payments/sandbox/words";

export async function generateMetadata({ searchParams }: SandboxPageProps): Promise<Metadata> {
  return { title: sandboxWords(await sandboxPageLanguage(searchParams)).challengePageTitle };
}

export default async function SandboxChallengePage({ params, searchParams }: SandboxPageProps) {
  const { id } = await params;
  const language = await sandboxPageLanguage(searchParams);
  const words = sandboxWords(language);
  const payment = await loadSandboxPayment(id);
  if (!payment || payment.method !== "card") notFound();
  // Nothing to authenticate: the card page says where the payment stands.
  if (payment.status !== "requires_action") redirect(withSandboxLanguage(checkoutPath(payment.id), language));

  return (
    <SandboxShell language={language}>
      <h1 className="page-title">{words.challengeTitle}</h1>
      <p>{words.challengeBody}</p>
      <SummaryList>
        <SummaryRow term={words.purpose}>
          <span lang="ja">{payment.description}</span>
        </SummaryRow>
        <SummaryRow term={words.amount}>{sandboxAmount(language, payment.amount)}</SummaryRow>
        <SummaryRow term={words.cardNumber}>
          {words.cardEnding}
          {payment.cardLast4 ?? ""}
        </SummaryRow>
      </SummaryList>
      <form action={answerSandboxChallengeAction} className="form">
        <input type="hidden" name="paymentId" value={payment.id} />
        <input type="hidden" name="locale" value={language} />
        <div className="form__actions">
          <Button type="submit" name="decision" value="approve">
            {words.approve}
          </Button>
          <Button type="submit" name="decision" value="reject" variant="secondary">
            {words.reject}
          </Button>
        </div>
      </form>
    </SandboxShell>
  );
}
