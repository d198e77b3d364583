// How proxy.ts hands the page's language to i18n/request.ts: the request header x-ccus-locale,
// always overwritten by the proxy (a client cannot set it). "staff" for the staff area (Japanese
// whatever the browser or cookie says); otherwise the language chosen from the cookie and the
// browser (lib/i18n/resolve.ts).
import { resolveLocale } from "@/lib/i18n/resolve";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { isStaffPath } from "@/lib/staff-area";

export const LOCALE_HEADER = "x-ccus-locale";
const STAFF = "staff";

/** Sets LOCALE_HEADER on the request headers passed on to Next.js. */
export function setRequestLocale(
  requestHeaders: Headers,
  pathname: string,
  cookieValue: string | undefined,
): void {
  requestHeaders.set(
    LOCALE_HEADER,
    isStaffPath(pathname)
      ? STAFF
      : resolveLocale({
          pathname,
          cookie: cookieValue,
          acceptLanguage: requestHeaders.get("accept-language"),
        }),
  );
}

/**
 * The page's language from the proxy's header and the cookie as it is now. The cookie is read
 * again because a server action may have just changed it (the language switcher): the page drawn
 * in answer to that action is already in the new language.
 */
export function localeOfRequest(
  header: string | null,
  cookieNow: string | undefined,
  acceptLanguage: string | null,
): Locale {
  if (header === STAFF) return DEFAULT_LOCALE;
  if (isLocale(cookieNow)) return cookieNow;
  if (isLocale(header)) return header;
  return resolveLocale({ pathname: null, cookie: undefined, acceptLanguage });
}
export { LOCALE_COOKIE };
