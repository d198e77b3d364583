// The request header by which proxy.ts hands the chosen language to the page (i18n/request.ts).
// proxy.ts always overwrites it, so a client cannot choose the staff pages' language with it.
import { resolveLocale } from "@/lib/i18n/resolve";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

export const LOCALE_HEADER = "x-ccus-locale";

/** Sets LOCALE_HEADER on the request headers passed on to Next.js. */
export function setRequestLocale(
  requestHeaders: Headers,
  pathname: string,
  cookieValue: string | undefined,
): void {
  requestHeaders.set(
    LOCALE_HEADER,
    resolveLocale({ pathname, cookie: cookieValue, acceptLanguage: requestHeaders.get("accept-language") }),
  );
}
export { LOCALE_COOKIE };
