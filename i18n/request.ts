// next-intl's per-request configuration (issue 15): the language proxy.ts chose for this path
// (lib/i18n/resolve.ts), and its messages. Server components, server actions and route handlers
// read it through next-intl's getTranslations / getLocale.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_HEADER } from "@/lib/i18n/request-locale";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/resolve";

export default getRequestConfig(async ({ locale: requested }) => {
  const locale = isLocale(requested) ? requested : await localeOfRequest();
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Tokyo" };
});

async function localeOfRequest() {
  const requestHeaders = await headers();
  const chosen = requestHeaders.get(LOCALE_HEADER);
  if (isLocale(chosen)) return chosen;
  // No proxy in front (a route the proxy does not match): the applicant's rules without a path.
  return resolveLocale({
    pathname: null,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: requestHeaders.get("accept-language"),
  });
}
