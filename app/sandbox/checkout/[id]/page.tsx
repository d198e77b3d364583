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
import {
  loadSandboxPayment,
  returnUrlOf,
  sandboxPageLanguage,
  type SandboxPageProps,
} from "@/lib/payments/sandbox/checkout";
import { challengePath } from "@/lib/payments/sandbox/intent";
import {
  sandboxAmount,
  sandboxDeclineMessage,
  sandboxWords,
  withSandboxLanguage,
} from "@/lib/payments/sandbox/words";

/** The page's title in the language the merchant asked for (?locale=, lib/payments/sandbox/words.ts). */
export async function generateMetadata({ searchParams }: SandboxPageProps): Promise<Metadata> {
  return { title: sandboxWords(await sandboxPageLanguage(searchParams)).pageTitle };
}

export default async function SandboxCheckoutPage({ params, searchParams }: SandboxPageProps) {
  const { id } = await params;
  const payment = await loadSandboxPayment(id);
  if (!payment || payment.method !== "card") notFound();
  const { error } = await searchParams;
  const language = await sandboxPageLanguage(searchParams);
  const words = sandboxWords(language);

  const summary = (
    <SummaryList>
      {/* The merchant's own words, as it gave them (the portal's are Japanese). */}
      <SummaryRow term={words.purpose}>
        <span lang="ja">{payment.description}</span>
      </SummaryRow>
      <SummaryRow term={words.amount}>{sandboxAmount(language, payment.amount)}</SummaryRow>
    </SummaryList>
  );

  if (payment.status !== "requires_payment_method") {
    const paid = payment.status === "succeeded";
    return (
      <SandboxShell language={language}>
        <h1 className="page-title">{words.title}</h1>
        {summary}
        {payment.status === "requires_action" ? (
          <Notice tone="info" title={words.challengeNeeded}>
            <p>
              <ButtonLink href={withSandboxLanguage(challengePath(payment.id), language)}>
                {words.toChallenge}
              </ButtonLink>
            </p>
          </Notice>
        ) : (
          <Notice tone={paid ? "success" : "warning"} title={paid ? words.paidTitle : words.closedTitle}>
            <p>{paid ? words.paidBody : words.closedBody}</p>
          </Notice>
        )}
        <p>
          <a href={returnUrlOf(payment)}>{words.back}</a>
        </p>
      </SandboxShell>
    );
  }

  return (
    <SandboxShell language={language}>
      <h1 className="page-title">{words.title}</h1>
      {summary}
      <SandboxCardForm
        paymentId={payment.id}
        language={language}
        initialError={
          error === "authentication_failed"
            ? { field: "cardNumber", message: sandboxDeclineMessage(language, "authentication_failed") }
            : undefined
        }
      />
      <p>
        <a href={returnUrlOf(payment)}>{words.cancel}</a>
      </p>
      <TestCardTable language={language} />
    </SandboxShell>
  );
}
