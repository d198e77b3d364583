// The one way words are made without a request (issue 15): use-intl's core translator, in Japan
// time. lib/i18n/translate.ts gives it a language's whole catalogue; the plain 503 pages
// (lib/maintenance-page.ts) give it just their namespace, so that proxy.ts loads no more.
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { Translate } from "@/lib/i18n/message-ref";
import type { Locale } from "@/lib/i18n/locales";

/** A translator (keys "namespace.path") over `messages`: the whole catalogue or some of its namespaces. */
export function translatorOver(locale: Locale, messages: AbstractIntlMessages): Translate {
  return createTranslator({ locale, messages, timeZone: "Asia/Tokyo" }) as unknown as Translate;
}
