// The 本人情報 page of 申請内容登録 (SPEC §3): one schema for the browser form and the server action,
// plus a lenient draft schema for 一時保存. Browser-safe: no node-only imports.
import { z } from "zod";
import {
  calendarDateSchema,
  characterCount,
  choiceSchema,
  emailAddressSchema,
  halfWidthDigits,
  kanjiNameSchema,
  katakanaNameSchema,
  optionalField,
  phoneNumberSchema,
  postalCodeSchema,
  romanNameSchema,
} from "@/lib/schemas/normalize";

export { todayInJapan } from "@/lib/schemas/normalize";

/** The 47 都道府県 in JIS X 0401 order. */
export const PREFECTURES = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
] as const;
export type Prefecture = (typeof PREFECTURES)[number];

/** 日本国籍 はい / いいえ. */
export const JAPANESE_NATIONALITY_ANSWERS = ["yes", "no"] as const;

/** A tuple, so that more options can be added later without touching the schema. */
export const GENDERS = ["男性", "女性"] as const;
export type Gender = (typeof GENDERS)[number];

export const BLOOD_TYPES = ["A", "B", "O", "AB", "不明"] as const;
export type BloodType = (typeof BLOOD_TYPES)[number];

/**
 * 在留資格 that foreign technicians in construction hold, by their official names. When 育成就労
 * replaces 技能実習 (planned for 2027), add it here.
 */
export const RESIDENCE_STATUSES = [
  "技能実習",
  "特定技能1号",
  "特定技能2号",
  "永住者",
  "定住者",
  "日本人の配偶者等",
  "永住者の配偶者等",
  "特定活動",
  "技術・人文知識・国際業務",
  "技能",
  // Not a 在留資格 (it is a status under the 入管特例法), but special permanent residents look for
  // it in this list, so it is offered with the others.
  "特別永住者",
  "その他",
] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

/** Statuses with no end to the period of stay: 在留期間満了日 is neither asked nor kept. */
export const RESIDENCE_STATUSES_WITHOUT_EXPIRY: readonly ResidenceStatus[] = ["永住者", "特別永住者"];

export const MINIMUM_AGE = 15;
export const EARLIEST_BIRTH_DATE = "1900-01-01";
export const ALIAS_MAX = 40;
export const ADDRESS_LINE_MAX = 100;

/** Every field of the page, in the order of the form (also the form's and the action's keys). */
export const PERSONAL_INFO_FIELDS = [
  "isJapanese",
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "romanFamilyName",
  "romanMiddleName",
  "romanGivenName",
  "nationality",
  "residenceStatus",
  "residenceExpiry",
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
const L = PERSONAL_INFO_LABELS;

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

export type PersonalInfoOptions = {
  /** "YYYY-MM-DD", today in Japan time (see todayInJapan). */
  today: string;
  /** ISO 3166-1 alpha-2 codes offered as 国籍; "JP" is never valid here. */
  countryCodes: readonly string[];
};

/** Full years of age on `today` (both "YYYY-MM-DD"); a 29 February birthday counts on 1 March. */
export function ageOn(birthDate: string, today: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split("-").map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split("-").map(Number);
  const hadBirthdayThisYear = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthdayThisYear ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------
// Field schemas

function isJapaneseSchema() {
  return choiceSchema(JAPANESE_NATIONALITY_ANSWERS, {
    required: PERSONAL_INFO_MESSAGES.isJapaneseRequired,
    invalid: PERSONAL_INFO_MESSAGES.isJapaneseRequired,
  });
}

function selectSchema<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return choiceSchema(values, {
    required: `${label}を選んでください。`,
    invalid: `${label}は一覧から選んでください。`,
  });
}

/** 市区町村・番地 and 建物名: digits and hyphens made half-width, nothing else rewritten. */
function addressLineSchema(label: string) {
  return z
    .string()
    .nullish()
    .transform((value) => halfWidthDigits(value ?? ""))
    .pipe(
      z
        .string()
        .min(1, { error: `${label}を入力してください。` })
        .refine((v) => characterCount(v) <= ADDRESS_LINE_MAX, {
          error: (issue) =>
            `${label}は${ADDRESS_LINE_MAX}文字以内で入力してください。（現在${typeof issue.input === "string" ? characterCount(issue.input) : 0}文字）`,
        }),
    );
}

function birthDateSchema(today: string) {
  return calendarDateSchema(L.birthDate).pipe(
    z.string().superRefine((value, ctx) => {
      // One message at a time: the first that applies says what to fix.
      let message: string | undefined;
      if (value >= today) message = PERSONAL_INFO_MESSAGES.birthDateNotPast;
      else if (value < EARLIEST_BIRTH_DATE) message = PERSONAL_INFO_MESSAGES.birthDateTooEarly;
      else if (ageOn(value, today) < MINIMUM_AGE) message = PERSONAL_INFO_MESSAGES.underMinimumAge;
      if (message) ctx.addIssue({ code: "custom", message, input: value });
    }),
  );
}

function nationalitySchema(countryCodes: readonly string[]) {
  const known = new Set(countryCodes.map((code) => code.toUpperCase()));
  known.delete("JP");
  return z
    .string()
    .nullish()
    .transform((value) => (value ?? "").normalize("NFKC").trim().toUpperCase())
    .pipe(
      z
        .string()
        .min(1, { error: PERSONAL_INFO_MESSAGES.nationalityRequired })
        .superRefine((value, ctx) => {
          if (value === "" || known.has(value)) return;
          const message =
            value === "JP"
              ? PERSONAL_INFO_MESSAGES.nationalityJapan
              : PERSONAL_INFO_MESSAGES.nationalityUnknown;
          ctx.addIssue({ code: "custom", message, input: value });
        }),
    );
}

function residenceExpirySchema(today: string) {
  return calendarDateSchema(L.residenceExpiry).pipe(
    z.string().refine((value) => value >= today, {
      error: PERSONAL_INFO_MESSAGES.residenceExpired,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Foreign nationals' fields: validated (and kept) only when 日本国籍 is いいえ, so that values left
// in the hidden section by a Japanese national neither block the form nor get stored.

type Mode = "submit" | "draft";

/** The fields asked only of foreign nationals (the form hides them when 日本国籍 is はい). */
export const FOREIGN_NATIONAL_KEYS = [
  "romanFamilyName",
  "romanMiddleName",
  "romanGivenName",
  "nationality",
  "residenceStatus",
  "residenceExpiry",
] as const;
type ForeignNationalKey = (typeof FOREIGN_NATIONAL_KEYS)[number];

export type ForeignNationalFields = {
  romanFamilyName?: string;
  romanMiddleName?: string;
  romanGivenName?: string;
  nationality?: string;
  residenceStatus?: ResidenceStatus;
  residenceExpiry?: string;
};

type RawForeignNationalFields = Partial<Record<ForeignNationalKey, string | null>>;
type FieldIssue = { path: PropertyKey[]; message: string };

function parseInto<T>(
  schema: z.ZodType<T>,
  value: unknown,
  key: ForeignNationalKey,
  issues: FieldIssue[],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push({ path: [key, ...issue.path], message: issue.message });
  }
  return undefined;
}

function parseForeignNationalFields(
  raw: RawForeignNationalFields,
  mode: Mode,
  options: PersonalInfoOptions,
): { data: ForeignNationalFields; issues: FieldIssue[] } {
  const required = <T extends z.ZodType<unknown, string | null | undefined>>(schema: T) =>
    mode === "submit" ? schema : optionalField(schema);
  const issues: FieldIssue[] = [];
  const data: ForeignNationalFields = {
    romanFamilyName: parseInto(
      required(romanNameSchema(L.romanFamilyName)),
      raw.romanFamilyName,
      "romanFamilyName",
      issues,
    ),
    romanMiddleName: parseInto(
      optionalField(romanNameSchema(L.romanMiddleName)),
      raw.romanMiddleName,
      "romanMiddleName",
      issues,
    ),
    romanGivenName: parseInto(
      required(romanNameSchema(L.romanGivenName)),
      raw.romanGivenName,
      "romanGivenName",
      issues,
    ),
    nationality: parseInto(
      required(nationalitySchema(options.countryCodes)),
      raw.nationality,
      "nationality",
      issues,
    ),
    residenceStatus: parseInto(
      required(selectSchema(RESIDENCE_STATUSES, L.residenceStatus)),
      raw.residenceStatus,
      "residenceStatus",
      issues,
    ),
  };
  const status = data.residenceStatus;
  if (status === undefined || !RESIDENCE_STATUSES_WITHOUT_EXPIRY.includes(status)) {
    // An unchosen status still asks for the date: most statuses have one.
    const expiry =
      mode === "submit"
        ? residenceExpirySchema(options.today)
        : optionalField(calendarDateSchema(L.residenceExpiry));
    data.residenceExpiry = parseInto(expiry, raw.residenceExpiry, "residenceExpiry", issues);
  }
  return { data, issues };
}

function foreignNationalFieldsApply(isJapanese: string | undefined, mode: Mode): boolean {
  return mode === "submit" ? isJapanese === "no" : isJapanese !== "yes";
}

// ---------------------------------------------------------------------------------------------
// The page schemas

function assertOptions(options: PersonalInfoOptions): void {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(options.today)) {
    throw new RangeError(`options.today must be "YYYY-MM-DD", got "${options.today}"`);
  }
}

/** Foreign nationals' raw fields: only trimmed here, see parseForeignNationalFields. */
function foreignNationalShape() {
  const raw = () => z.string().nullish();
  return {
    romanFamilyName: raw(),
    romanMiddleName: raw(),
    romanGivenName: raw(),
    nationality: raw(),
    residenceStatus: raw(),
    residenceExpiry: raw(),
  };
}

type ForeignNationalInput = { isJapanese?: string | undefined } & RawForeignNationalFields;

function addForeignNationalIssues(
  value: ForeignNationalInput,
  mode: Mode,
  options: PersonalInfoOptions,
  ctx: z.RefinementCtx,
): void {
  if (!foreignNationalFieldsApply(value.isJapanese, mode)) return;
  for (const issue of parseForeignNationalFields(value, mode, options).issues) {
    ctx.addIssue({ code: "custom", ...issue });
  }
}

/** The raw foreign nationals' fields replaced by their parsed values, or dropped. */
function replaceForeignNationalFields<T extends ForeignNationalInput>(
  value: T,
  mode: Mode,
  options: PersonalInfoOptions,
): Omit<T, ForeignNationalKey> & ForeignNationalFields {
  const {
    romanFamilyName,
    romanMiddleName,
    romanGivenName,
    nationality,
    residenceStatus,
    residenceExpiry,
    ...rest
  } = value;
  if (!foreignNationalFieldsApply(value.isJapanese, mode)) return rest;
  const raw = {
    romanFamilyName,
    romanMiddleName,
    romanGivenName,
    nationality,
    residenceStatus,
    residenceExpiry,
  };
  return { ...rest, ...parseForeignNationalFields(raw, mode, options).data };
}

/** 本人情報 as sent with 次へ: every rule, cross-field ones included. */
export function makePersonalInfoSchema(options: PersonalInfoOptions) {
  assertOptions(options);
  const object = z.object({
    isJapanese: isJapaneseSchema(),
    familyName: kanjiNameSchema(L.familyName),
    givenName: kanjiNameSchema(L.givenName),
    familyNameKana: katakanaNameSchema(L.familyNameKana),
    givenNameKana: katakanaNameSchema(L.givenNameKana),
    ...foreignNationalShape(),
    alias: optionalField(kanjiNameSchema(L.alias, ALIAS_MAX)),
    birthDate: birthDateSchema(options.today),
    gender: selectSchema(GENDERS, L.gender),
    bloodType: optionalField(selectSchema(BLOOD_TYPES, L.bloodType)),
    postalCode: postalCodeSchema,
    prefecture: selectSchema(PREFECTURES, L.prefecture),
    city: addressLineSchema(L.city),
    building: optionalField(addressLineSchema(L.building)),
    phone: phoneNumberSchema,
    email: emailAddressSchema,
  });
  return object
    .superRefine((value, ctx) => addForeignNationalIssues(value, "submit", options, ctx))
    .transform((value) => replaceForeignNationalFields(value, "submit", options));
}

/**
 * 本人情報 for 一時保存: every field may be empty; what is filled in gets the same normalisation and
 * format rules (a real date, 7-digit postal code, katakana, …) but not the content rules (age,
 * 在留期間満了日 in the future) nor any required-field rule.
 */
export function makePersonalInfoDraftSchema(options: PersonalInfoOptions) {
  assertOptions(options);
  const object = z.object({
    isJapanese: optionalField(isJapaneseSchema()),
    familyName: optionalField(kanjiNameSchema(L.familyName)),
    givenName: optionalField(kanjiNameSchema(L.givenName)),
    familyNameKana: optionalField(katakanaNameSchema(L.familyNameKana)),
    givenNameKana: optionalField(katakanaNameSchema(L.givenNameKana)),
    ...foreignNationalShape(),
    alias: optionalField(kanjiNameSchema(L.alias, ALIAS_MAX)),
    birthDate: optionalField(calendarDateSchema(L.birthDate)),
    gender: optionalField(selectSchema(GENDERS, L.gender)),
    bloodType: optionalField(selectSchema(BLOOD_TYPES, L.bloodType)),
    postalCode: optionalField(postalCodeSchema),
    prefecture: optionalField(selectSchema(PREFECTURES, L.prefecture)),
    city: optionalField(addressLineSchema(L.city)),
    building: optionalField(addressLineSchema(L.building)),
    phone: optionalField(phoneNumberSchema),
    email: optionalField(emailAddressSchema),
  });
  return object
    .superRefine((value, ctx) => addForeignNationalIssues(value, "draft", options, ctx))
    .transform((value) => replaceForeignNationalFields(value, "draft", options));
}

export type PersonalInfoInput = z.input<ReturnType<typeof makePersonalInfoSchema>>;
export type PersonalInfo = z.output<ReturnType<typeof makePersonalInfoSchema>>;
export type PersonalInfoDraftInput = z.input<ReturnType<typeof makePersonalInfoDraftSchema>>;
export type PersonalInfoDraft = z.output<ReturnType<typeof makePersonalInfoDraftSchema>>;
