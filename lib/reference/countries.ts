// 国籍: ISO 3166-1 countries with their Japanese names, from the i18n-iso-countries package
// (not typed by hand). Japan is left out: 日本国籍 is its own question.
import "server-only";
import countries from "i18n-iso-countries";
import ja from "i18n-iso-countries/langs/ja.json";

countries.registerLocale(ja);

export interface CountryOption {
  value: string;
  label: string;
}

let cached: CountryOption[] | undefined;

export function countryOptions(): CountryOption[] {
  cached ??= Object.entries(countries.getNames("ja", { select: "official" }))
    .filter(([code]) => code !== "JP")
    .map(([code, name]) => ({ value: code, label: name }))
    .sort((a, b) => a.label.localeCompare(b.label, "ja"));
  return cached;
}

export function countryName(code: string): string | undefined {
  return countries.getName(code, "ja", { select: "official" });
}
