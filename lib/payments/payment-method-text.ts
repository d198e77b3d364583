// A payment's method as one phrase for the applicant's pages and the receipt: 「クレジットカード」,
// 「コンビニ払い（ローソン）」, 「払込票」.
import type { PaymentMethod } from "@/lib/generated/prisma/client";
import { konbiniChain } from "@/lib/payments/konbini";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/labels";

export function paymentMethodText(payment: { method: PaymentMethod; konbiniStore: string | null }): string {
  const chain = payment.method === "KONBINI" ? konbiniChain(payment.konbiniStore) : null;
  return chain ? `${PAYMENT_METHOD_LABELS.KONBINI}（${chain.name}）` : PAYMENT_METHOD_LABELS[payment.method];
}
