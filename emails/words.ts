// The words of an email in one language (issue 15): the messages of the "emails" namespace
// (messages/<locale>/emails.json). Japanese is at hand at once (the templates render it
// synchronously, and it is the email staff and employers read); another language is loaded
// through lib/i18n/translate.ts, which works without a request (the outbox worker).
import { createTranslator } from "next-intl";
import japaneseEmails from "@/messages/ja/emails.json";
import type { MessageKey, MessageValues, Translate } from "@/lib/i18n/message-ref";
import type { Locale } from "@/lib/i18n/locales";
import { rubyInBrackets, withoutRuby } from "@/lib/i18n/ruby";
import { translatorFor } from "@/lib/i18n/translate";

type InEmails<K> = K extends `emails.${infer Rest}` ? Rest : never;
/** A key of the emails namespace, without "emails.". */
export type EmailKey = InEmails<MessageKey>;

export interface EmailWords {
  locale: Locale;
  /** A message as plain text (やさしい日本語: readings in brackets, 申請《しんせい》 → 申請（しんせい）). */
  t(key: EmailKey, values?: MessageValues): string;
  /** A subject: readings dropped, as in a page title. */
  title(key: EmailKey): string;
  /**
   * A value of the template data that the system itself wrote in Japanese (a fee "2,500円（税込）",
   * "簡略型登録", a payment method, the name of a payment number), in this language; any other
   * value (names, staff comments, a store's instructions) as it is.
   */
  value(text: string): string;
}

/** Data values with a message of their own: the Japanese message's text is the value. */
const VALUE_KEYS = [
  "values.registrationSimple",
  "values.registrationDetailed",
  "values.card",
  "values.konbini",
  "values.slip",
  "labels.receiptNumber",
  "labels.slipNumber",
  "labels.onlinePaymentNumber",
] as const satisfies readonly EmailKey[];

const YEN_WITH_TAX = /^([\d,]+)円（税込）$/;
const KONBINI_AT = /^コンビニ払い（(.+)）$/;

function wordsOf(locale: Locale, translate: Translate, knownValues: Map<string, EmailKey>): EmailWords {
  const text = (key: EmailKey, values?: MessageValues) => translate(`emails.${key}` as MessageKey, values);
  const t =
    locale === "ja-x-easy"
      ? (key: EmailKey, values?: MessageValues) => rubyInBrackets(text(key, values))
      : text;
  return {
    locale,
    t,
    title: (key) => withoutRuby(text(key)),
    value: (value) => {
      if (locale === "ja") return value;
      const known = knownValues.get(value);
      if (known) return t(known);
      const yen = YEN_WITH_TAX.exec(value);
      if (yen) return t("values.yenWithTax", { amount: yen[1] ?? "" });
      const konbini = KONBINI_AT.exec(value);
      if (konbini) return t("values.konbiniAt", { store: konbini[1] ?? "" });
      return value;
    },
  };
}

const japaneseTranslate = createTranslator({
  locale: "ja",
  messages: { emails: japaneseEmails },
  timeZone: "Asia/Tokyo",
}) as unknown as Translate;

/** The Japanese text of each known value → its key. */
const KNOWN_VALUES = new Map<string, EmailKey>(
  VALUE_KEYS.map((key) => [japaneseTranslate(`emails.${key}` as MessageKey), key]),
);

/** The Japanese words: the binding text, exactly what the templates wrote before issue 15. */
export const JAPANESE_WORDS: EmailWords = wordsOf("ja", japaneseTranslate, KNOWN_VALUES);

/** The words of `locale` (a language still being translated reads in English where it has no text). */
export async function emailWordsIn(locale: Locale): Promise<EmailWords> {
  if (locale === "ja") return JAPANESE_WORDS;
  return wordsOf(locale, await translatorFor(locale), KNOWN_VALUES);
}
