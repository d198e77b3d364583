// 国籍: ISO 3166-1 countries with their names, from the i18n-iso-countries package (not typed by
// hand). Japan is left out: 日本国籍 is its own question. The page shows the names in its
// language (issue 15): ja, en, vi, id, zh from the package (its "official" names, which the
// Japanese pages and staff have always shown); Burmese and Nepali are not in the package, so they
// come from Node's Intl.DisplayNames (full ICU, CLDR), which names every code of the package in
// my and ne (checked by tests/unit/reference-options.test.ts). Not every language switches to
// Intl.DisplayNames: its Japanese and English names differ from the package's official ones
// (ミャンマー (ビルマ), "Myanmar (Burma)"), and the Japanese list is a public contract.
// やさしい日本語 shows the Japanese names. The stored value is the code; staff see the Japanese name.
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
}

/** Where a page's language takes its names from: the package's language, or ICU's. */
const NAMES_SOURCE: Readonly<
  Record<Locale, { package: "ja" | "en" | "vi" | "id" | "zh" } | { icu: string }>
> = {
  ja: { package: "ja" },
  "ja-x-easy": { package: "ja" },
  en: { package: "en" },
  vi: { package: "vi" },
  id: { package: "id" },
  "zh-Hans": { package: "zh" },
  my: { icu: "my" },
  ne: { icu: "ne" },
};

/** The package's codes with their names from ICU in `language`; a code ICU does not name keeps the English. */
function icuNames(language: string): Record<string, string> {
  const names = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
  return Object.fromEntries(
    Object.keys(countries.getAlpha2Codes()).map((code) => [
      code,
      names.of(code) ?? countries.getName(code, "en", { select: "official" }) ?? code,
    ]),
  );
}

const cached = new Map<Locale, CountryOption[]>();

/** The countries but Japan, sorted by their names in the page's language (its collation). */
export function countryOptions(locale: Locale = "ja"): CountryOption[] {
  let options = cached.get(locale);
  if (!options) {
    const source = NAMES_SOURCE[locale];
    const names =
      "package" in source ? countries.getNames(source.package, { select: "official" }) : icuNames(source.icu);
    const collation = "package" in source ? source.package : source.icu;
    options = Object.entries(names)
      .filter(([code]) => code !== "JP")
      .map(([code, name]) => ({ value: code, label: name }))
      .sort((a, b) => a.label.localeCompare(b.label, collation));
    cached.set(locale, options);
  }
  return options;
}

export function countryName(code: string): string | undefined {
  return countries.getName(code, "ja", { select: "official" });
}

/**
 * A country given by its Japanese name (countryName's, as the check page describes it) in the
 * page's language, as the 国籍 select names it; undefined for a name that is not in the list.
 */
export function countryNameIn(locale: Locale, japaneseName: string): string | undefined {
  const code = countryOptions("ja").find((option) => option.label === japaneseName)?.value;
  return code === undefined
    ? undefined
    : countryOptions(locale).find((option) => option.value === code)?.label;
}
