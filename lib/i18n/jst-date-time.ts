// A date and time in Japan time, written the way the page's language writes dates (issue 15).
// Japanese keeps formatJstDateTimeJa's 2025年12月17日 15:53 exactly; やさしい日本語 writes
// 2025/12/17 15:53 (no kanji to read); the others get their own order and month names, with Latin
// digits like the amounts and numbers beside.
import { formatJstDateTime, formatJstDateTimeJa } from "@/lib/format/date";
import { isLocale, LOCALE_INFO } from "@/lib/i18n/locales";

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatJstDateTimeIn(locale: string, date: Date): string {
  if (locale === "ja-x-easy") return formatJstDateTime(date);
  const lang = isLocale(locale) ? LOCALE_INFO[locale].htmlLang : "ja";
  if (lang === "ja") return formatJstDateTimeJa(date);
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      numberingSystem: "latn",
    });
    formats.set(lang, format);
  }
  return format.format(date);
}
