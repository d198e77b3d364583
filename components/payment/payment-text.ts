// The applicant's words for amounts, Japan-time dates and payment methods (issue 15), in the
// page's language from messages/<language>/payment.json. Japanese reads exactly as formatYen,
// formatJstDateTimeJa and paymentMethodText write it (staff pages and the receipt keep those).
import type { useTranslations } from "next-intl";
import type { PaymentMethod } from "@/lib/generated/prisma/client";
import { formatAmount } from "@/lib/fees";
import { formatJstDateTimeIn } from "@/lib/i18n/jst-date-time";
import { konbiniChain } from "@/lib/payments/konbini";

export type PaymentTranslator = ReturnType<typeof useTranslations<"payment">>;

export function paymentText(t: PaymentTranslator, locale: string) {
  const yen = (amount: number) => t("money.yen", { amount: formatAmount(amount) });
  const dateTime = (date: Date) => formatJstDateTimeIn(locale, date);
  return {
    /** 2500 → 2,500円 / ¥2,500 */
    yen,
    /** 2,500円（税込） */
    yenTaxIncluded: (amount: number) => t("money.taxIncluded", { amount: yen(amount) }),
    /** 2025年12月17日 15:53 */
    dateTime,
    /** 2025年12月17日 15:53（日本時間） */
    japanTime: (date: Date) => t("money.japanTime", { dateTime: dateTime(date) }),
    /** クレジットカード, コンビニ払い（ローソン）, 払込票 */
    method: (payment: { method: PaymentMethod; konbiniStore: string | null }) => {
      const chain = payment.method === "KONBINI" ? konbiniChain(payment.konbiniStore) : null;
      return chain
        ? t("summary.konbiniMethod", { store: t(`konbini.storeName.${chain.key}`) })
        : t(`methodName.${payment.method}`);
    },
  };
}
