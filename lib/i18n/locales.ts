// The portal's languages (issue 15). Japanese is the default and the binding text; the others are
// reading aids for foreign technicians. Staff pages are Japanese only.

export const LOCALES = ["ja", "en", "vi", "id", "zh-Hans", "my", "ne", "ja-x-easy"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "ja";

/** The cookie that remembers the applicant's choice on this browser (the account remembers it too). */
export const LOCALE_COOKIE = "ccus-locale";
/** A year: the choice outlives sessions; the account brings it back on a new browser. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export interface LocaleInfo {
  /** The language named in itself, as the switcher shows it. */
  selfName: string;
  /** `<html lang>` and the switcher's `lang` on the name: a BCP 47 tag. */
  htmlLang: string;
  /** Offered to browsers' Accept-Language (やさしい日本語 is only chosen, never guessed). */
  guessable: boolean;
}

export const LOCALE_INFO: Readonly<Record<Locale, LocaleInfo>> = {
  ja: { selfName: "日本語", htmlLang: "ja", guessable: true },
  en: { selfName: "English", htmlLang: "en", guessable: true },
  vi: { selfName: "Tiếng Việt", htmlLang: "vi", guessable: true },
  id: { selfName: "Bahasa Indonesia", htmlLang: "id", guessable: true },
  "zh-Hans": { selfName: "简体中文", htmlLang: "zh-Hans", guessable: true },
  my: { selfName: "မြန်မာ", htmlLang: "my", guessable: true },
  ne: { selfName: "नेपाली", htmlLang: "ne", guessable: true },
  "ja-x-easy": { selfName: "やさしい日本語", htmlLang: "ja", guessable: false },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
