// Japanese that has no translation — the applicant's own answers, a reason or comment the
// registration office wrote, a 通知 stored before issue 15 — shown as it is. In a page of another
// language it is marked lang="ja", so a screen reader reads it as Japanese. In やさしい日本語 it is
// marked too: it is Japanese as written, without the readings the page's own words carry (the page
// walk's furigana check leaves it out). A Japanese page is left exactly as it was.
import { useLocale } from "next-intl";
import { formatJstDateTime, formatJstDateTimeJa } from "@/lib/format/date";
import { isLocale } from "@/lib/i18n/locales";

const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Whether the page is in Japanese as written (日本語), where Japanese data needs no mark. やさしい日本語
 * is not: its own words carry readings, so Japanese as written is marked there as in any other
 * language.
 */
export function isJapanesePage(locale: string): boolean {
  return !isLocale(locale) || locale === "ja";
}

/** `lang="ja"` for Japanese text in a page of another language or やさしい日本語; nothing otherwise. */
export function japaneseLang(locale: string, text: string): { lang?: "ja" } {
  return !isJapanesePage(locale) && JAPANESE_SCRIPT.test(text) ? { lang: "ja" } : {};
}

export function JapaneseData({ text, as: Tag = "span" }: { text: string; as?: "span" | "p" | "div" }) {
  const locale = useLocale();
  const lang = japaneseLang(locale, text);
  if (Tag === "span" && !lang.lang) return text;
  return <Tag {...lang}>{text}</Tag>;
}

/**
 * A date and time in Japan time: 2025年12月17日 15:53 in Japanese, 2025/12/17 15:53 otherwise
 * (やさしい日本語 too: no kanji to read).
 */
export function formatJstDateTimeFor(locale: string, date: Date): string {
  return isJapanesePage(locale) ? formatJstDateTimeJa(date) : formatJstDateTime(date);
}
