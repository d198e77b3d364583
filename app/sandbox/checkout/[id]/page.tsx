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
import { sandboxLanguage, sandboxWords, withSandboxLanguage } from "@/lib/payments/sandbox/words";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The page's title in the language the merchant asked for (?locale=, lib/payments/sandbox/words.ts). */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const words = sandboxWords(sandboxLanguage(String((await searchParams).locale ?? "")));
  return { title: words.pageTitle };
}

export default async function SandboxCheckoutPage({ params, searchParams }: Props) {
  const { id } = await params;
  const payment = await loadSandboxPayment(id);
  if (!payment || payment.method !== "card") notFound();
  const { error, locale } = await searchParams;
  const language = sandboxLanguage(typeof locale === "string" ? locale : undefined);
  const words = sandboxWords(language);

  const summary = (
    <SummaryList>
      {/* The merchant's own words, as it gave them (the portal's are Japanese). */}
      <SummaryRow term={words.purpose}>
        <span lang="ja">{payment.description}</span>
      </SummaryRow>
      <SummaryRow term={words.amount}>{formatYen(payment.amount)}</SummaryRow>
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
            ? { field: "cardNumber", message: DECLINE_MESSAGES.authentication_failed }
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
