// Zod building blocks for Japanese form fields. Each normalises inside the schema
// (z.string().transform(...).pipe(...)), so the browser form and the server action see the same
// value. Field-level problems are reported as continuable issues, so an enclosing object's
// superRefine still runs and the user sees every message at once.
// Browser-safe: no node-only imports.
import { z } from "zod";
import { toJstParts } from "@/lib/format/date";
import { now } from "@/lib/clock";
import { isFullWidthKatakana, toFullWidthKatakana } from "@/lib/format/kana";
import { messageRef } from "@/lib/i18n/message-ref";

// Messages are references into messages/<language>/fields.json (issue 15), put into words where
// they are shown; `label` may itself be a reference (a field's label) or plain text.

// ---------------------------------------------------------------------------------------------
// Plain normalisers

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
/** Hyphen-like characters that are never letters: － ‐ ‑ ‒ – — ― − ﹣ ⁃. */
const DASH = /[\uFF0D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\u2043]/g;
/** ー and ｰ are letters in katakana words (センター), so they count as a hyphen only after a digit. */
const LONG_VOWEL_AFTER_DIGIT = /([0-9])[\u30FC\uFF70]/g;

/**
 * Full-width digits → ASCII, hyphen-like characters → "-", trimmed. Nothing else changes, so
 * kanji and kana in an address keep their form. ー / ｰ become "-" only right after a digit
 * ("１００ー０００１" → "100-0001", but "センター" stays).
 */
export function halfWidthDigits(value: string): string {
  return value
    .replace(FULL_WIDTH_DIGIT, (d) => d.normalize("NFKC"))
    .replace(DASH, "-")
    .replace(LONG_VOWEL_AFTER_DIGIT, "$1-")
    .trim();
}

/** Length in characters as the user counts them (a surrogate pair such as 𠮷 is one). */
export function characterCount(value: string): number {
  return Array.from(value).length;
}

function tooLongMessage(label: string, max: number) {
  return (issue: { input?: unknown }) => {
    const count = typeof issue.input === "string" ? characterCount(issue.input) : 0;
    return messageRef("fields.tooLong", { label, max: String(max), count: String(count) });
  };
}

function maxCharacters(label: string, max: number) {
  return z.string().refine((v) => characterCount(v) <= max, { error: tooLongMessage(label, max) });
}

/** Form values arrive as "" (HTML) or are missing (FormData without the key); both mean empty. */
function formText() {
  return z.string().nullish();
}

/**
 * Free text such as a school or company name: trimmed, full-width digits and dashes made
 * half-width (NFKC for the whole text when `isCode`, e.g. a certificate number "ＡＢ－１２３" →
 * "AB-123"), required, at most `max` characters with the current count in the message.
 */
export function boundedTextSchema(label: string, max: number, options: { isCode?: boolean } = {}) {
  return formText()
    .transform((value) => {
      const text = value ?? "";
      return options.isCode ? halfWidthDigits(text.normalize("NFKC")) : halfWidthDigits(text);
    })
    .pipe(
      z
        .string()
        .min(1, { error: messageRef("fields.required", { label }) })
        .pipe(maxCharacters(label, max)),
    );
}

/** The refused characters as the message names them: the first five, each in 「」, and whether there are more. */
function quoted(chars: readonly string[]): { chars: string; more: "yes" | "no" } {
  const unique = [...new Set(chars)];
  return {
    chars: unique
      .slice(0, 5)
      .map((ch) => `「${ch}」`)
      .join(""),
    more: unique.length > 5 ? "yes" : "no",
  };
}

// ---------------------------------------------------------------------------------------------
// Optional and choice fields

/**
 * Makes a field optional the way HTML forms need it: "", whitespace only, null or a missing key
 * all mean "not given" (output undefined); anything else must pass `schema`.
 */
export function optionalField<T extends z.ZodType<unknown, string | null | undefined>>(schema: T) {
  return formText()
    .transform((value): string | null | undefined =>
      value == null || value.trim() === "" ? undefined : value,
    )
    .pipe(schema.optional());
}

/**
 * One of a fixed list (a <select> or radio group). Empty → `required`, not in the list →
 * `invalid`. Output typed as the list's union.
 */
export function choiceSchema<const T extends readonly [string, ...string[]]>(
  values: T,
  messages: { required: string; invalid: string },
) {
  const allowed = new Set<string>(values);
  return formText()
    .transform((value) => (value ?? "").trim())
    .pipe(
      z
        .string()
        .min(1, { error: messages.required })
        .refine((v): v is T[number] => v === "" || allowed.has(v), { error: messages.invalid }),
    );
}

// ---------------------------------------------------------------------------------------------
// 郵便番号

export const POSTAL_CODE_MESSAGES = {
  required: messageRef("fields.postalCode.required"),
  invalid: messageRef("fields.postalCode.invalid"),
} as const;

/** "1000001", "100-0001", "１００－０００１", "〒100 0001" → "1000001". */
export const postalCodeSchema = formText()
  .transform((value) =>
    halfWidthDigits(value ?? "")
      .replace(/^〒\s*/, "")
      .replace(/\s+/g, " "),
  )
  .pipe(
    z
      .string()
      .min(1, { error: POSTAL_CODE_MESSAGES.required })
      .refine((v) => v === "" || /^[0-9]{3}[- ]?[0-9]{4}$/.test(v), {
        error: POSTAL_CODE_MESSAGES.invalid,
      }),
  )
  .transform((v) => v.replace(/[- ]/g, ""));

// ---------------------------------------------------------------------------------------------
// 電話番号

export const PHONE_NUMBER_MESSAGES = {
  required: messageRef("fields.phoneNumber.required"),
  invalid: messageRef("fields.phoneNumber.invalid"),
} as const;

/** "03-1234-5678", "(03)1234-5678", "０９０ １２３４ ５６７８", "+81 90-1234-5678" → digits only. */
export const phoneNumberSchema = formText()
  .transform((value) =>
    halfWidthDigits(value ?? "")
      .replace(/[\s()（）-]/g, "")
      .replace(/^[+＋]81/, "0"),
  )
  .pipe(
    z
      .string()
      .min(1, { error: PHONE_NUMBER_MESSAGES.required })
      .refine((v) => v === "" || /^0[0-9]{9,10}$/.test(v), { error: PHONE_NUMBER_MESSAGES.invalid }),
  );

// ---------------------------------------------------------------------------------------------
// Names

export const KATAKANA_NAME_MAX = 30;

/** Hyphen-like characters typed for the long vowel mark after a katakana (ヒ-ロ- → ヒーロー). */
const DASH_AFTER_KATAKANA = /([\u30A1-\u30F6\u30FC])[-\uFF0D\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;

/**
 * フリガナ: hiragana and half-width kana are converted for the user; then only full-width
 * katakana (with ー and ・) is accepted, at most 30 characters.
 */
export function katakanaNameSchema(label: string) {
  return formText()
    .transform((value) => {
      const katakana = toFullWidthKatakana((value ?? "").trim());
      // Twice, so that a run of dashes (ヒ--) converts whole.
      return katakana.replace(DASH_AFTER_KATAKANA, "$1ー").replace(DASH_AFTER_KATAKANA, "$1ー");
    })
    .pipe(
      z
        .string()
        .min(1, { error: messageRef("fields.required", { label }) })
        .superRefine((value, ctx) => {
          if (value === "" || isFullWidthKatakana(value)) return;
          // A space is the one mistake the general message would not explain.
          const withoutSpaces = value.replace(/\s+/g, "");
          const message = isFullWidthKatakana(withoutSpaces)
            ? messageRef("fields.katakana.spaces", { label })
            : messageRef("fields.katakana.invalid", { label });
          ctx.addIssue({ code: "custom", message, input: value });
        })
        .pipe(maxCharacters(label, KATAKANA_NAME_MAX)),
    );
}

/** Letters of any script, combining marks, spaces, the middle dot and 〇 (a letter in names). */
const NAME_CHARACTER = /[\p{L}\p{M} ・〇]/u;

/**
 * 氏名 as written in the 戸籍 or on the 在留カード: trimmed, inner spaces collapsed to one
 * half-width space, NFC (not NFKC, which would rewrite 異体字 and full-width letters). Letters of
 * any script; digits and symbols are refused with the characters named.
 */
export function kanjiNameSchema(label: string, max = 20) {
  return formText()
    .transform((value) => (value ?? "").normalize("NFC").trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(1, { error: messageRef("fields.required", { label }) })
        .superRefine((value, ctx) => {
          const refused = Array.from(value).filter((ch) => !NAME_CHARACTER.test(ch));
          if (refused.length === 0) return;
          const hasDigit = refused.some((ch) => /\p{N}/u.test(ch));
          ctx.addIssue({
            code: "custom",
            message: messageRef("fields.name.refused", {
              label,
              ...quoted(refused),
              digits: hasDigit ? "yes" : "no",
            }),
            input: value,
          });
        })
        .pipe(maxCharacters(label, max)),
    );
}

export const ROMAN_NAME_MAX = 50;

/**
 * ローマ字氏名 as printed on the 在留カード: NFKC (full-width → half-width), upper case, spaces
 * collapsed, typographic apostrophes → "'". Only A–Z, space, "-" and "'".
 */
export function romanNameSchema(label: string) {
  return formText()
    .transform((value) =>
      (value ?? "")
        .normalize("NFKC")
        .toUpperCase()
        .replace(/[\u2018\u2019\u02BC`´]/g, "'")
        .trim()
        .replace(/\s+/g, " "),
    )
    .pipe(
      z
        .string()
        .min(1, { error: messageRef("fields.required", { label }) })
        .refine((v) => v === "" || (/^[A-Z' -]+$/.test(v) && /[A-Z]/.test(v)), {
          error: messageRef("fields.romanName.invalid", { label }),
        })
        .pipe(maxCharacters(label, ROMAN_NAME_MAX)),
    );
}

// ---------------------------------------------------------------------------------------------
// メールアドレス

export const EMAIL_ADDRESS_MAX = 254;

export const EMAIL_ADDRESS_MESSAGES = {
  required: messageRef("fields.email.required"),
  tooLong: messageRef("fields.email.tooLong", { max: String(EMAIL_ADDRESS_MAX) }),
  noAtSign: messageRef("fields.email.noAtSign"),
  dots: messageRef("fields.email.dots"),
  invalid: messageRef("fields.email.invalid"),
} as const;

/**
 * The same messages in Japanese for the staff area (Japanese only, issue 15): its forms show
 * messages as they are, and 一括発行 writes them into its report. tests/unit/email-rule.test.ts
 * holds them to messages/ja/fields.json.
 */
export const STAFF_EMAIL_ADDRESS_MESSAGES: Record<keyof typeof EMAIL_ADDRESS_MESSAGES, string> = {
  required: "メールアドレスを入力してください。",
  tooLong: `メールアドレスは${EMAIL_ADDRESS_MAX}文字以内で入力してください。`,
  noAtSign:
    "メールアドレスに「@」がありません。メールアドレスの形式で入力してください。（例：name@example.jp）",
  dots: "メールアドレスの「@」の前で「.」が連続しているか、「@」の直前が「.」になっています。このアドレスは使えないため、別のメールアドレスを入力してください。",
  invalid: "メールアドレスの形式で入力してください。（例：name@example.jp）",
};

const EMAIL_FORMAT = z.email();

/**
 * The one e-mail address rule, for every form that takes an address (利用申し込み, 申請用ログインID
 * 発行 and 一括発行, 職員アカウント作成, 職員ログイン, パスワードを忘れた場合, 申請内容):
 * - the value kept is NFKC (full-width letters and ＠ become ASCII), trimmed, with only the domain
 *   lower-cased: RFC 5321 lets the receiving server treat the part before "@" as case-sensitive,
 *   so mail goes to the address exactly as its owner typed it;
 * - two addresses are the same address when their emailKey()s are equal (the whole address
 *   lower-cased): no provider we send to tells Foo@ from foo@, and a person who typed it once
 *   with a capital must still be recognised. Every look-up and duplicate check compares keys.
 * A staff address is also the sign-in name under a unique index, so staff accounts store the key.
 * `messages`: references for the applicant's forms, Japanese for the staff area's
 * (staffEmailAddressSchema).
 */
function emailAddressSchemaWith(messages: Record<keyof typeof EMAIL_ADDRESS_MESSAGES, string>) {
  return formText()
    .transform((value) => {
      const address = (value ?? "").normalize("NFKC").trim();
      const at = address.lastIndexOf("@");
      return at < 0 ? address : address.slice(0, at) + address.slice(at).toLowerCase();
    })
    .pipe(
      z
        .string()
        .min(1, { error: messages.required })
        .max(EMAIL_ADDRESS_MAX, { error: messages.tooLong })
        .superRefine((value, ctx) => {
          if (value === "" || value.length > EMAIL_ADDRESS_MAX) return;
          const at = value.lastIndexOf("@");
          let message: string | undefined;
          if (at < 0) message = messages.noAtSign;
          else if (/\.\.|\.$/.test(value.slice(0, at))) message = messages.dots;
          else if (!EMAIL_FORMAT.safeParse(value).success) message = messages.invalid;
          if (message) ctx.addIssue({ code: "custom", message, input: value });
        }),
    );
}

/** The address rule with references as messages (the applicant's forms, in the page's language). */
export const emailAddressSchema = emailAddressSchemaWith(EMAIL_ADDRESS_MESSAGES);

/** The address rule with its messages in Japanese: the staff area's forms (Japanese only). */
export const staffEmailAddressSchema = emailAddressSchemaWith(STAFF_EMAIL_ADDRESS_MESSAGES);

/** What two addresses are compared by (see emailAddressSchema): the whole address lower-cased. */
export function emailKey(address: string): string {
  return address.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Today's date in Japan time, "YYYY-MM-DD". */
export function todayInJapan(at: Date): string {
  const p = toJstParts(at);
  return formatIsoDate(p.year, p.month, p.day);
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

type DateParts = { year: number; month: number; day: number };

/** "2025-02-03", "2025/2/3", "2025.02.03", "2025年2月3日", "20250203", full-width digits. */
function readDateParts(text: string): DateParts | undefined {
  const match =
    /^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?$/.exec(text) ??
    /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(text);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function isRealDate({ year, month, day }: DateParts): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The text as the user meant it: half-width, and "YYYY-MM-DD" whenever it reads as a date. */
function normalizeDateText(value: string): string {
  const text = value.normalize("NFKC").replace(DASH, "-").replace(/\s+/g, "");
  const parts = readDateParts(text);
  return parts ? formatIsoDate(parts.year, parts.month, parts.day) : text;
}

/**
 * A date or month as typed: `normalize`d, required, then `problemOf` says what is wrong with it
 * (undefined when nothing is).
 */
function dateTextSchema(
  label: string,
  normalize: (text: string) => string,
  problemOf: (value: string) => string | undefined,
) {
  return formText()
    .transform((value) => normalize(value ?? ""))
    .pipe(
      z
        .string()
        .min(1, { error: messageRef("fields.required", { label }) })
        .superRefine((value, ctx) => {
          const message = value === "" ? undefined : problemOf(value);
          if (message) ctx.addIssue({ code: "custom", message, input: value });
        }),
    );
}

/**
 * A real calendar date (2025-02-30 is refused, 2024-02-29 accepted). Input is what
 * <input type="date"> sends ("YYYY-MM-DD"), or "YYYY/MM/DD", "YYYY年M月D日", full-width digits.
 * Output "YYYY-MM-DD", which compares correctly as a string.
 */
export function calendarDateSchema(label: string) {
  return dateTextSchema(label, normalizeDateText, (value) => {
    const parts = readDateParts(value);
    if (!parts) {
      return messageRef("fields.date.format", { label });
    }
    if (!isRealDate(parts)) {
      return messageRef("fields.date.notReal", {
        label,
        year: String(parts.year),
        month: String(parts.month),
        day: String(parts.day),
      });
    }
    return undefined;
  });
}

/**
 * A real calendar date that is not after today (today is accepted): 受診日, 取得年月日 and the
 * like. `today` ("YYYY-MM-DD", Japan time) defaults to the date at the moment of parsing, so a
 * schema built once at start-up does not freeze the day.
 */
export function pastDateSchema(label: string, today?: string) {
  // A pipe: runs only when the date itself is fine, so one problem gives one message.
  return calendarDateSchema(label).pipe(
    z.string().refine((value) => value <= (today ?? todayInJapan(now())), {
      error: messageRef("fields.date.future", { label }),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Year and month (卒業年月)

type MonthParts = { year: number; month: number };

/** "2010-03", "2010/3", "2010.03", "2010年3月", "201003", full-width digits. */
function readMonthParts(text: string): MonthParts | undefined {
  const match = /^([0-9]{4})[-/.年]([0-9]{1,2})月?$/.exec(text) ?? /^([0-9]{4})([0-9]{2})$/.exec(text);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]) };
}

function normalizeMonthText(value: string): string {
  const text = value.normalize("NFKC").replace(DASH, "-").replace(/\s+/g, "");
  const parts = readMonthParts(text);
  return parts ? `${String(parts.year).padStart(4, "0")}-${String(parts.month).padStart(2, "0")}` : text;
}

/**
 * A year and month: what <input type="month"> sends ("YYYY-MM"), or "YYYY/M", "YYYY年M月",
 * full-width digits (browsers without a month picker show a text box). Output "YYYY-MM".
 */
export function calendarMonthSchema(label: string) {
  return dateTextSchema(label, normalizeMonthText, (value) => {
    const parts = readMonthParts(value);
    if (!parts) return messageRef("fields.month.format", { label });
    if (parts.month < 1 || parts.month > 12) {
      return messageRef("fields.month.notReal", { label, month: String(parts.month) });
    }
    return undefined;
  });
}

/** A year and month not after the current month in Japan (this month is accepted). */
export function pastMonthSchema(label: string, today?: string) {
  return calendarMonthSchema(label).pipe(
    z.string().refine((value) => value <= (today ?? todayInJapan(now())).slice(0, 7), {
      error: messageRef("fields.month.future", { label }),
    }),
  );
}
