// 都道府県 and 在留資格 in the applicant's language (issue 15), for 本人情報's selects and the check
// page: the words are in messages/<language>/reference.json, the official Japanese name beside
// them (lib/reference/translated-name.ts); the option's value stays the Japanese name, as stored.
// Browser-safe.
import type { Locale } from "@/lib/i18n/locales";
import { PREFECTURES, PREFECTURE_KEYS } from "@/lib/reference/prefectures";
import {
  RESIDENCE_STATUSES,
  RESIDENCE_STATUSES_WITHOUT_OFFICIAL_NAME,
  RESIDENCE_STATUS_KEYS,
  type ResidenceStatus,
} from "@/lib/reference/residence-statuses";
import { joinNameParts, nameParts, type NameParts } from "@/lib/reference/translated-name";

/** The `reference` namespace's words: `t("prefectures.tokyo")`. */
export type ReferenceText = (key: string) => string;

export interface ReferenceOption {
  /** The Japanese name: what the form posts and the application stores. */
  value: string;
  label: string;
  lang?: "ja";
}

function option(locale: Locale, value: string, parts: NameParts): ReferenceOption {
  return { value, label: joinNameParts(locale, parts), ...(parts.lang ? { lang: parts.lang } : {}) };
}

/** A 都道府県 in `locale`; undefined for a value that is not one (shown as entered). */
export function prefectureName(locale: Locale, t: ReferenceText, value: string): NameParts | undefined {
  const key = (PREFECTURE_KEYS as Record<string, string | undefined>)[value];
  return key === undefined ? undefined : nameParts(locale, value, t(`prefectures.${key}`));
}

/** A 在留資格 in `locale`; undefined for a value that is not one (shown as entered). */
export function residenceStatusName(locale: Locale, t: ReferenceText, value: string): NameParts | undefined {
  const key = (RESIDENCE_STATUS_KEYS as Record<string, string | undefined>)[value];
  if (key === undefined) return undefined;
  const beside = !RESIDENCE_STATUSES_WITHOUT_OFFICIAL_NAME.includes(value as ResidenceStatus);
  return nameParts(locale, value, t(`residenceStatuses.${key}`), beside);
}

/** The 47 都道府県 in JIS order (the order of the Japanese list in every language). */
export function prefectureOptions(locale: Locale, t: ReferenceText): ReferenceOption[] {
  return PREFECTURES.map((value) => option(locale, value, prefectureName(locale, t, value)!));
}

/** The 在留資格 in the list's order. */
export function residenceStatusOptions(locale: Locale, t: ReferenceText): ReferenceOption[] {
  return RESIDENCE_STATUSES.map((value) => option(locale, value, residenceStatusName(locale, t, value)!));
}
