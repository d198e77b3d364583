// 国籍: ISO 3166-1 countries with their names, from the i18n-iso-countries package (not typed by
// hand). Japan is left out: 日本国籍 is its own question. The page shows the names in its
// language where the package has them (issue 15): ja, en, vi, id, zh; Burmese and Nepali are not
// in the package, so those pages show the English names (marked lang="en"); やさしい日本語 the
// Japanese ones. The stored value is the code; the check page and staff show the Japanese name.
import "server-only";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import id from "i18n-iso-countries/langs/id.json";
import ja from "i18n-iso-countries/langs/ja.json";
import vi from "i18n-iso-countries/langs/vi.json";
import zh from "i18n-iso-countries/langs/zh.json";
import type { Locale } from "@/lib/i18n/locales";

for (const names of [ja, en, vi, id, zh]) countries.registerLocale(names);

export interface CountryOption {
  value: string;
  label: string;
  /** The names' language when it is not the page's (English names on a Burmese or Nepali page). */
  lang?: string;
}

/** The package's language for a page's language. */
const NAMES_LANGUAGE: Readonly<Record<Locale, "ja" | "en" | "vi" | "id" | "zh">> = {
  ja: "ja",
  "ja-x-easy": "ja",
  en: "en",
  vi: "vi",
  id: "id",
  "zh-Hans": "zh",
  my: "en",
  ne: "en",
};

const cached = new Map<Locale, CountryOption[]>();

export function countryOptions(locale: Locale = "ja"): CountryOption[] {
  const language = NAMES_LANGUAGE[locale];
  const lang = locale === "my" || locale === "ne" ? { lang: "en" } : {};
  let options = cached.get(locale);
  if (!options) {
    options = Object.entries(countries.getNames(language, { select: "official" }))
      .filter(([code]) => code !== "JP")
      .map(([code, name]) => ({ value: code, label: name, ...lang }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
    cached.set(locale, options);
  }
  return options;
}

export function countryName(code: string): string | undefined {
  return countries.getName(code, "ja", { select: "official" });
}
