// next-intl's per-request configuration (issue 15): the language proxy.ts chose for this path
// (lib/i18n/request-locale.ts), and its messages. Server components, server actions and route
// handlers read it through next-intl's getTranslations / getLocale.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, LOCALE_HEADER, localeOfRequest } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

export default getRequestConfig(async ({ locale: requested }) => {
  let locale = isLocale(requested) ? requested : null;
  if (!locale) {
    const requestHeaders = await headers();
    locale = localeOfRequest(
      requestHeaders.get(LOCALE_HEADER),
      (await cookies()).get(LOCALE_COOKIE)?.value,
      requestHeaders.get("accept-language"),
    );
  }
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Tokyo" };
});
