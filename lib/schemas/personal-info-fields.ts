// The 本人情報 page's fields, labels and messages: what the browser form needs on first load.
// No zod here (lib/schemas/personal-info.ts holds the schemas and re-exports all of this).

/** 日本国籍 はい / いいえ. */
export const JAPANESE_NATIONALITY_ANSWERS = ["yes", "no"] as const;

/** A tuple, so that more options can be added later without touching the schema. */
export const GENDERS = ["男性", "女性"] as const;
export type Gender = (typeof GENDERS)[number];

export const BLOOD_TYPES = ["A", "B", "O", "AB", "不明"] as const;
export type BloodType = (typeof BLOOD_TYPES)[number];

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

/** Field labels as the form and the check-answers page show them; messages use the same words. */
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

export const PERSONAL_INFO_MESSAGES = {
  isJapaneseRequired: "日本国籍の有無を選んでください。",
  birthDateNotPast: "生年月日は今日より前の日付を入力してください。",
  birthDateTooEarly: "生年月日は1900年1月1日以降の日付を入力してください。",
  underMinimumAge: `${MINIMUM_AGE}歳以上の方が登録できます。生年月日を確認してください。`,
  residenceExpired: "在留期間満了日が過ぎています。在留カードの期限を確認してください。",
  nationalityRequired: "国籍を選んでください。",
  nationalityUnknown: "国籍は一覧から選んでください。",
  nationalityJapan: "日本国籍の方は、国籍を選ぶ代わりに「日本国籍」で「はい」を選んでください。",
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
