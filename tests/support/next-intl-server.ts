// next-intl's server functions for vitest (issue 15): tests call server actions and server
// components directly, outside a Next.js request, and vitest resolves next-intl's client build,
// which refuses them. Here they answer as a request in `testLocale` would (Japanese unless a test
// chooses another with setTestLocale), from the real catalogues.
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

let testLocale: Locale = "ja";

/** The language the next server calls of this test file answer in. */
export function setTestLocale(locale: Locale): void {
  testLocale = locale;
}

export function getLocale(): Promise<Locale> {
  return Promise.resolve(testLocale);
}

export function getMessages(options?: { locale?: Locale }) {
  return loadMessages(options?.locale ?? testLocale);
}

export async function getTranslations(options?: string | { locale?: Locale; namespace?: string }) {
  const locale = (typeof options === "object" ? options.locale : undefined) ?? testLocale;
  return createTranslator({
    locale,
    messages: await loadMessages(locale),
    timeZone: "Asia/Tokyo",
    namespace: (typeof options === "string" ? options : options?.namespace) as never,
  });
}

/** i18n/request.ts's wrapper: the configuration function itself. */
export function getRequestConfig<T>(create: T): T {
  return create;
}
