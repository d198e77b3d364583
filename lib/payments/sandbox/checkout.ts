// What the sandbox's own pages and their actions share (issue 12): the guard (the pages exist only
// while the sandbox is the configured provider), loading a payment by the id in the address, and
// where the payer goes back to.
import "server-only";
import type { DeclineCode } from "@/lib/payments/decline-messages";
import { isSandboxProvider } from "@/lib/payments/sandbox/config";
import { retrieveSandboxPayment, type SandboxPayment } from "@/lib/payments/sandbox/store";
import { sandboxPaymentIdSchema } from "@/lib/schemas/sandbox-payment";
import { sandboxLanguage, type SandboxLanguage } from "@/lib/payments/sandbox/words";

/** What a sandbox page of one payment is given. */
export interface SandboxPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The language the merchant asked for, from the hosted page's address (?locale=). */
export async function sandboxPageLanguage(
  searchParams: SandboxPageProps["searchParams"],
): Promise<SandboxLanguage> {
  const { locale } = await searchParams;
  return sandboxLanguage(typeof locale === "string" ? locale : undefined);
}

/** The payment a sandbox page is about, or null (not the sandbox, a malformed or unknown id). */
export async function loadSandboxPayment(id: unknown): Promise<SandboxPayment | null> {
  if (!isSandboxProvider()) return null;
  const parsed = sandboxPaymentIdSchema.safeParse(id);
  if (!parsed.success) return null;
  return retrieveSandboxPayment(parsed.data);
}

/** The merchant's return address with `?payment=<our reference>`, as the provider sends the payer back. */
export function returnUrlOf(payment: SandboxPayment): string {
  const relative = !/^https?:\/\//i.test(payment.returnUrl);
  const url = new URL(payment.returnUrl, "http://sandbox.invalid");
  url.searchParams.set("payment", payment.reference);
  return relative ? `${url.pathname}${url.search}` : url.toString();
}

/** Which field of the card form a decline is about (the rest is about the card itself). */
export function declineField(code: DeclineCode): "cardNumber" | "expiry" | "cvc" {
  if (code === "expired_card") return "expiry";
  if (code === "incorrect_cvc") return "cvc";
  return "cardNumber";
}
