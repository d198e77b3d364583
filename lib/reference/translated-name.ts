// A reference name (都道府県, 在留資格, 職種, 不備 reason) in the applicant's language (issue 15):
// the translation with the official Japanese name beside it — "Tokyo (東京都)" — because staff,
// employers and documents use the Japanese; the Japanese alone, marked lang="ja", where there is no
// translation. Japanese pages show the Japanese exactly as before. The value a form posts and the
// application stores stays the Japanese text or code. Browser-safe.
import type { Locale } from "@/lib/i18n/locales";

/** A name split for display: `text` in the page's language, `japanese` (the official name) beside it. */
export interface NameParts {
  text: string;
  /** The official Japanese name shown beside `text`; absent when `text` is it or says it already. */
  japanese?: string;
  /** "ja" when `text` itself is the untranslated Japanese in a page of another language. */
  lang?: "ja";
}

/**
 * The parts of a reference name in `locale`. `translation` is the catalogue's or the file's word
 * (undefined when there is none); `beside: false` leaves the Japanese out (その他: no official name).
 * Japanese shows `japanese` as it is; やさしい日本語 its version with readings, when there is one,
 * else the Japanese as written (marked lang="ja": it has no readings).
 */
export function nameParts(
  locale: Locale,
  japanese: string,
  translation: string | undefined,
  beside = true,
): NameParts {
  if (locale === "ja") return { text: japanese };
  if (!translation) return { text: japanese, lang: "ja" };
  if (locale === "ja-x-easy") return { text: translation };
  if (!beside || translation === japanese) return { text: translation };
  return { text: translation, japanese };
}

/** The parts as one text (an <option>, an email line): "Tokyo (東京都)", Chinese "东京都（東京都）". */
export function joinNameParts(locale: Locale, parts: NameParts): string {
  if (parts.japanese === undefined) return parts.text;
  return locale === "zh-Hans" ? `${parts.text}（${parts.japanese}）` : `${parts.text} (${parts.japanese})`;
}
