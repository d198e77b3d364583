// Words without a request (issue 15): emails written by the outbox worker, tests, scripts. Pages
// and server actions use next-intl's getTranslations / useTranslations instead.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { messageText, type Translate } from "@/lib/i18n/message-ref";
import type { Locale } from "@/lib/i18n/locales";

/** The whole-catalogue translator of a language (keys "namespace.path"). */
export async function translatorFor(locale: Locale): Promise<Translate> {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, timeZone: "Asia/Tokyo" }) as unknown as Translate;
}

/** A message (a reference or plain text, lib/i18n/message-ref.ts) in the words of `locale`. */
export async function textIn(locale: Locale, message: string): Promise<string> {
  return messageText(await translatorFor(locale), message);
}
