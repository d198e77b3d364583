// The provider's reason for a declined card, stored in Japanese (lib/payments/decline-messages.ts),
// in the page's language: the stored text is matched back to its code. A text that matches none
// (a provider's own words) is shown as it is, marked Japanese for screen readers.
import { useLocale, useTranslations } from "next-intl";
import { isLocale, LOCALE_INFO } from "@/lib/i18n/locales";
import { withRuby } from "@/lib/i18n/ruby";
import { DECLINE_MESSAGES, type DeclineCode } from "@/lib/payments/decline-messages";

const CODE_OF_MESSAGE = new Map<string, DeclineCode>(
  Object.entries(DECLINE_MESSAGES).map(([code, message]) => [message, code as DeclineCode]),
);

export function DeclinedReason({ message }: { message: string }) {
  const t = useTranslations("payment.decline");
  const locale = useLocale();
  const code = CODE_OF_MESSAGE.get(message);
  if (code) return <p>{withRuby(t(code))}</p>;
  const pageIsJapanese = !isLocale(locale) || LOCALE_INFO[locale].htmlLang === "ja";
  return <p lang={pageIsJapanese ? undefined : "ja"}>{message}</p>;
}
