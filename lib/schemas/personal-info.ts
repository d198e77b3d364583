// The 本人情報 page of 申請内容登録: one schema for the browser form and the server action,
// and its lenient draft twin for 一時保存, both built from one list of the page's fields.
// Browser-safe: no node-only imports.
import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";
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
import {
  addFieldIssues,
  byMode,
  parseInto,
  requiredOnSubmit,
  type FieldIssue,
  type FormFieldSchema,
  type Mode,
} from "@/lib/schemas/mode";
import {
  ADDRESS_LINE_MAX,
  ALIAS_MAX,
  BLOOD_TYPES,
  EARLIEST_BIRTH_DATE,
  FOREIGN_NATIONAL_KEYS,
  GENDERS,
  JAPANESE_NATIONALITY_ANSWERS,
  MINIMUM_AGE,
  PERSONAL_INFO_LABEL_REFS,
  PERSONAL_INFO_MESSAGES,
  foreignNationalFieldsApply,
} from "@/lib/schemas/personal-info-fields";
import { PREFECTURES } from "@/lib/reference/prefectures";
import {
  RESIDENCE_STATUSES,
  RESIDENCE_STATUSES_WITHOUT_EXPIRY,
  type ResidenceStatus,
} from "@/lib/reference/residence-statuses";

export { todayInJapan } from "@/lib/schemas/normalize";

export * from "@/lib/schemas/personal-info-fields";
/** The labels inside messages: references, put into words in the page's language. */
const L = PERSONAL_INFO_LABEL_REFS;

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
    required: messageRef("fields.choiceRequired", { label }),
    invalid: messageRef("fields.choiceInvalid", { label }),
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
        .min(1, { error: messageRef("fields.required", { label }) })
        .refine((v) => characterCount(v) <= ADDRESS_LINE_MAX, {
          error: (issue) =>
            messageRef("fields.tooLong", {
              label,
              max: String(ADDRESS_LINE_MAX),
              count: String(typeof issue.input === "string" ? characterCount(issue.input) : 0),
            }),
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

function parseForeignNationalFields(
  raw: RawForeignNationalFields,
  mode: Mode,
  options: PersonalInfoOptions,
): { data: ForeignNationalFields; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const read = <T>(key: ForeignNationalKey, schema: z.ZodType<T>) =>
    parseInto(schema, raw[key], [key], issues);
  const required = <T extends FormFieldSchema>(schema: T) => requiredOnSubmit(mode, schema);
  const data: ForeignNationalFields = {
    romanFamilyName: read("romanFamilyName", required(romanNameSchema(L.romanFamilyName))),
    romanMiddleName: read("romanMiddleName", optionalField(romanNameSchema(L.romanMiddleName))),
    romanGivenName: read("romanGivenName", required(romanNameSchema(L.romanGivenName))),
    nationality: read("nationality", required(nationalitySchema(options.countryCodes))),
    residenceStatus: read("residenceStatus", required(selectSchema(RESIDENCE_STATUSES, L.residenceStatus))),
  };
  const status = data.residenceStatus;
  if (status === undefined || !RESIDENCE_STATUSES_WITHOUT_EXPIRY.includes(status)) {
    // An unchosen status still asks for the date: most statuses have one.
    const expiry = byMode(mode, {
      submit: residenceExpirySchema(options.today),
      draft: optionalField(calendarDateSchema(L.residenceExpiry)),
    });
    data.residenceExpiry = read("residenceExpiry", expiry);
  }
  return { data, issues };
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
  addFieldIssues(ctx, parseForeignNationalFields(value, mode, options).issues);
}

/** The raw foreign nationals' fields replaced by their parsed values, or dropped. */
function replaceForeignNationalFields<T extends ForeignNationalInput>(
  value: T,
  mode: Mode,
  options: PersonalInfoOptions,
): Omit<T, ForeignNationalKey> & ForeignNationalFields {
  const isForeignNationalKey = (key: string) => (FOREIGN_NATIONAL_KEYS as readonly string[]).includes(key);
  const rest = Object.fromEntries(
    Object.entries(value).filter(([key]) => !isForeignNationalKey(key)),
  ) as Omit<T, ForeignNationalKey>;
  if (!foreignNationalFieldsApply(value.isJapanese, mode)) return rest;
  return { ...rest, ...parseForeignNationalFields(value, mode, options).data };
}

/**
 * The page in either mode, from one list of its fields. A draft requires nothing; what is filled
 * in gets the same normalisation and format rules (a real date, 7-digit postal code, katakana, …)
 * but not the content rules (age, 在留期間満了日 in the future).
 */
function makeSchema<M extends Mode>(options: PersonalInfoOptions, mode: M) {
  assertOptions(options);
  const required = <T extends FormFieldSchema>(schema: T) => requiredOnSubmit(mode, schema);
  const object = z.object({
    isJapanese: required(isJapaneseSchema()),
    familyName: required(kanjiNameSchema(L.familyName)),
    givenName: required(kanjiNameSchema(L.givenName)),
    familyNameKana: required(katakanaNameSchema(L.familyNameKana)),
    givenNameKana: required(katakanaNameSchema(L.givenNameKana)),
    ...foreignNationalShape(),
    alias: optionalField(kanjiNameSchema(L.alias, ALIAS_MAX)),
    birthDate: byMode(mode, {
      submit: birthDateSchema(options.today),
      draft: optionalField(calendarDateSchema(L.birthDate)),
    }),
    gender: required(selectSchema(GENDERS, L.gender)),
    bloodType: optionalField(selectSchema(BLOOD_TYPES, L.bloodType)),
    postalCode: required(postalCodeSchema),
    prefecture: required(selectSchema(PREFECTURES, L.prefecture)),
    city: required(addressLineSchema(L.city)),
    building: optionalField(addressLineSchema(L.building)),
    phone: required(phoneNumberSchema),
    email: required(emailAddressSchema),
  });
  return object
    .superRefine((value, ctx) => addForeignNationalIssues(value, mode, options, ctx))
    .transform((value) => replaceForeignNationalFields(value, mode, options));
}

/** 本人情報 as sent with 次へ: every rule, cross-field ones included. */
export function makePersonalInfoSchema(options: PersonalInfoOptions) {
  return makeSchema(options, "submit");
}

/** 本人情報 for 一時保存 and the background save: every field may be empty (see makeSchema). */
export function makePersonalInfoDraftSchema(options: PersonalInfoOptions) {
  return makeSchema(options, "draft");
}

export type PersonalInfoInput = z.input<ReturnType<typeof makePersonalInfoSchema>>;
export type PersonalInfo = z.output<ReturnType<typeof makePersonalInfoSchema>>;
export type PersonalInfoDraftInput = z.input<ReturnType<typeof makePersonalInfoDraftSchema>>;
export type PersonalInfoDraft = z.output<ReturnType<typeof makePersonalInfoDraftSchema>>;
