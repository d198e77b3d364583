// The 本人情報 page's fields, labels and messages: what the browser form needs on first load.
// No zod here (lib/schemas/personal-info.ts holds the schemas and re-exports all of this).
import { messageRef } from "@/lib/i18n/message-ref";

/** 日本国籍 はい / いいえ. */
export const JAPANESE_NATIONALITY_ANSWERS = ["yes", "no"] as const;

/** A tuple, so that more options can be added later without touching the schema. */
export const GENDERS = ["男性", "女性"] as const;
export type Gender = (typeof GENDERS)[number];

export const BLOOD_TYPES = ["A", "B", "O", "AB", "不明"] as const;
export type BloodType = (typeof BLOOD_TYPES)[number];

/**
 * An option of 性別 or 血液型 as a reference to the form's words (messages/<language>/personal.json,
 * form.gender…, form.bloodTypeUnknown); null for any other value: A, B, O and AB are shown as they are.
 */
export function personalInfoChoiceRef(field: string, value: string): string | null {
  if (field === "gender" && value === "男性") return messageRef("personal.form.genderMale");
  if (field === "gender" && value === "女性") return messageRef("personal.form.genderFemale");
  if (field === "bloodType" && value === "不明") return messageRef("personal.form.bloodTypeUnknown");
  return null;
}

export const MINIMUM_AGE = 15;
export const EARLIEST_BIRTH_DATE = "1900-01-01";
export const ALIAS_MAX = 40;
export const ADDRESS_LINE_MAX = 100;

/** The fields asked only of foreign nationals (the form hides them when 日本国籍 is はい). */
export const FOREIGN_NATIONAL_KEYS = [
  "romanFamilyName",
  "romanMiddleName",
  "romanGivenName",
  "nationality",
  "residenceStatus",
  "residenceExpiry",
] as const;

/** Every field of the page, in the order of the form (also the form's and the action's keys). */
export const PERSONAL_INFO_FIELDS = [
  "isJapanese",
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  ...FOREIGN_NATIONAL_KEYS,
  "alias",
  "birthDate",
  "gender",
  "bloodType",
  "postalCode",
  "prefecture",
  "city",
  "building",
  "phone",
  "email",
] as const;

/**
 * Field labels in Japanese, as the check-answers page and the sent version keep them; the form and the
 * messages use the same words in the page's language (PERSONAL_INFO_LABEL_REFS).
 */
export const PERSONAL_INFO_LABELS = {
  isJapanese: "日本国籍",
  familyName: "氏名（姓）",
  givenName: "氏名（名）",
  familyNameKana: "フリガナ（セイ）",
  givenNameKana: "フリガナ（メイ）",
  romanFamilyName: "ローマ字（姓）",
  romanMiddleName: "ローマ字（ミドルネーム）",
  romanGivenName: "ローマ字（名）",
  nationality: "国籍",
  residenceStatus: "在留資格",
  residenceExpiry: "在留期間満了日",
  alias: "通称名・旧姓",
  birthDate: "生年月日",
  gender: "性別",
  bloodType: "血液型",
  postalCode: "郵便番号",
  prefecture: "都道府県",
  city: "市区町村・番地",
  building: "建物名",
  phone: "電話番号",
  email: "メールアドレス",
} as const;

/** The labels as message references (messages/<language>/personal.json), for the page and its messages. */
export const PERSONAL_INFO_LABEL_REFS = Object.fromEntries(
  Object.keys(PERSONAL_INFO_LABELS).map((key) => [
    key,
    messageRef(`personal.labels.${key as PersonalInfoLabel}`),
  ]),
) as Record<PersonalInfoLabel, string>;
type PersonalInfoLabel = keyof typeof PERSONAL_INFO_LABELS;

/** References into messages/<language>/personal.json (issue 15), put into words where shown. */
export const PERSONAL_INFO_MESSAGES = {
  isJapaneseRequired: messageRef("personal.validation.isJapaneseRequired"),
  birthDateNotPast: messageRef("personal.validation.birthDateNotPast"),
  birthDateTooEarly: messageRef("personal.validation.birthDateTooEarly"),
  underMinimumAge: messageRef("personal.validation.underMinimumAge", { minAge: MINIMUM_AGE }),
  residenceExpired: messageRef("personal.validation.residenceExpired"),
  nationalityRequired: messageRef("personal.validation.nationalityRequired"),
  nationalityUnknown: messageRef("personal.validation.nationalityUnknown"),
  nationalityJapan: messageRef("personal.validation.nationalityJapan"),
} as const;

/**
 * Whether the 外国籍の方 fields are asked for: on 次へ only for いいえ; a draft checks them unless はい.
 * The schema checks by it; the form shows the section by it ("submit").
 */
export function foreignNationalFieldsApply(
  isJapanese: string | undefined,
  mode: "submit" | "draft",
): boolean {
  return mode === "submit" ? isJapanese === "no" : isJapanese !== "yes";
}
