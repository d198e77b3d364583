// Which language a request is shown in (issue 15): the applicant's choice (the cookie, which the
// account restores at login), else the browser's first guess (Accept-Language), else Japanese.
// Staff pages are always Japanese.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALE_INFO, LOCALES, type Locale } from "@/lib/i18n/locales";
import { isStaffPath } from "@/lib/staff-area";

const GUESSABLE = LOCALES.filter((locale) => LOCALE_INFO[locale].guessable);

/** The best of our languages for an Accept-Language header, or Japanese. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  let requested: string[];
  try {
    requested = new Negotiator({ headers: { "accept-language": header } })
      .languages()
      .filter((tag) => tag !== "*");
    if (requested.length === 0) return DEFAULT_LOCALE;
    const chosen = match(requested, [...GUESSABLE], DEFAULT_LOCALE, { algorithm: "best fit" });
    return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  } catch {
    // A malformed tag (Intl throws on it) is no guess at all.
    return DEFAULT_LOCALE;
  }
}

export interface LocaleInputs {
  pathname: string | null;
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
}

export function resolveLocale({ pathname, cookie, acceptLanguage }: LocaleInputs): Locale {
  // The staff area is Japanese whatever the applicant chose.
  if (pathname !== null && isStaffPath(pathname)) return DEFAULT_LOCALE;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage);
}
