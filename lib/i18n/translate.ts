// Words without a request (issue 15): emails written by the outbox worker, tests, scripts. Pages
// and server actions use next-intl's getTranslations / useTranslations instead.
import { loadMessages } from "@/lib/i18n/messages";
import { translatorOver } from "@/lib/i18n/translator";
import { messageText, type Translate } from "@/lib/i18n/message-ref";
import type { Locale } from "@/lib/i18n/locales";

/** The whole-catalogue translator of a language (keys "namespace.path"). */
export async function translatorFor(locale: Locale): Promise<Translate> {
  return translatorOver(locale, await loadMessages(locale));
}

/** A message (a reference or plain text, lib/i18n/message-ref.ts) in the words of `locale`. */
export async function textIn(locale: Locale, message: string): Promise<string> {
  return messageText(await translatorFor(locale), message);
}
