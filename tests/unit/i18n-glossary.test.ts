// The fixed terms of docs/i18n-glossary.md are used the same way in every namespace of a language
// (issue 15): a message whose Japanese contains a glossary term must carry that language's glossary
// translation. Another word for the same term fails here — change the message, or, if the term
// really has to change, the glossary (and every message with it).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadAllMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

const GLOSSARY_LOCALES = ["vi", "id", "zh-Hans", "ne", "my"] as const;
type GlossaryLocale = (typeof GLOSSARY_LOCALES)[number];

interface Term {
  /** The term's first Japanese spelling: its name in FORMS and EXCEPTIONS. */
  name: string;
  /** The Japanese spellings of the term (取下げ / 取り下げ). */
  japanese: string[];
  translations: Record<GlossaryLocale, string>;
}

/** The rows of the table under "## Terms": | 日本語 | English | vi | id | zh-Hans | ne | my |. */
function readGlossary(): Term[] {
  const text = readFileSync(new URL("../../docs/i18n-glossary.md", import.meta.url), "utf8");
  const table = text.split(/^## Terms$/m)[1]?.split(/^## /m)[0] ?? "";
  const rows = table
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
  const [header, , ...body] = rows;
  expect(header).toEqual(["日本語", "English", ...GLOSSARY_LOCALES]);
  return body.map((cells) => ({
    name: (cells[0] ?? "").split(" / ")[0] ?? "",
    japanese: (cells[0] ?? "").split(" / "),
    translations: Object.fromEntries(
      GLOSSARY_LOCALES.map((locale, index) => [locale, cells[index + 2] ?? ""]),
    ) as Record<GlossaryLocale, string>,
  }));
}

/**
 * Grammatical forms accepted beside the glossary translation, by language and Japanese term. Each
 * is the same word in another form, never another word for the term.
 */
const FORMS: Partial<Record<GlossaryLocale, Record<string, { forms: string[]; why: string }>>> = {
  vi: {
    返金: { forms: ["hoàn tiền"], why: "the noun (a refund of money); hoàn lại is the verb" },
  },
  id: {
    申請: { forms: ["ajukan"], why: "the verb (mengajukan, diajukan, imperative ajukan) of permohonan" },
    再申請: { forms: ["ajukan ulang"], why: "the verb (mengajukan ulang, imperative ajukan ulang)" },
    取下げ: {
      forms: ["menarik", "tarik"],
      why: "the verb of penarikan (menarik; ditarik and the imperative tarik)",
    },
    審査: { forms: ["diperiksa", "memeriksa"], why: "the verb of pemeriksaan (periksa)" },
    返金: {
      forms: ["dikembalikan", "mengembalikan", "pengembalian"],
      why: "the verb (kembalikan) and its noun",
    },
  },
  "zh-Hans": {
    返金: { forms: ["退还"], why: "the verb (return the fee); 退款 is the noun" },
  },
  ne: {
    取下げ: { forms: ["फिर्ता लि"], why: "फिर्ता लिनु conjugated (लिइयो, लिन, लिनुहोस्, लिने)" },
    返金: {
      forms: ["फिर्ता गरि", "फिर्ता रकम"],
      why: "the verb फिर्ता गर्नु (गरियो, गरिनेछ, गरिसकिएको) and the amount refunded; never फिर्ता लि (withdraw)",
    },
  },
  my: {
    申請: { forms: ["လျှောက်ထား"], why: "to apply (the verb of လျှောက်လွှာ)" },
  },
};

/** Messages where the Japanese term is not used in the glossary's sense, with the reason. */
const EXCEPTIONS: { locale: GlossaryLocale; term: string; key: string; why: string }[] = [
  {
    locale: "my",
    term: "通知",
    key: "registration.consentDocuments.TERMS.v1.body",
    why: "事前に通知することなく is “without telling in advance” (the verb), not the 通知 page",
  },
];

function* leaves(tree: unknown, path: string): Generator<[string, string]> {
  if (typeof tree === "string") yield [path, tree];
  else
    for (const [key, value] of Object.entries(tree ?? {}))
      yield* leaves(value, path ? `${path}.${key}` : key);
}

const glossary = readGlossary();
const all = await loadAllMessages();
const japanese = new Map(leaves(all.ja, ""));
/** Lower case; Burmese without spaces (it does not need them between words, so writers differ). */
const lower = (text: string, locale: Locale) =>
  locale === "my" ? text.replace(/[\s\u200b]+/gu, "") : text.toLocaleLowerCase(locale).replace(/\s+/gu, " ");

test("the glossary has 20 to 40 terms, each translated in every language", () => {
  expect(glossary.length).toBeGreaterThanOrEqual(20);
  expect(glossary.length).toBeLessThanOrEqual(40);
  const empty = glossary.flatMap((term) =>
    GLOSSARY_LOCALES.filter((locale) => term.translations[locale] === "").map(
      (locale) => `${term.name} ${locale}`,
    ),
  );
  expect(empty).toEqual([]);
});

test("every exception and grammatical form names a glossary term", () => {
  const terms = new Set(glossary.map((term) => term.name));
  const named = [
    ...EXCEPTIONS.map((exception) => exception.term),
    ...Object.values(FORMS).flatMap((forms) => Object.keys(forms ?? {})),
  ];
  expect(named.filter((term) => !terms.has(term))).toEqual([]);
});

describe.each(GLOSSARY_LOCALES)("%s", (locale) => {
  const own = new Map(leaves(all[locale], ""));

  test.each(glossary.map((term) => [term.name, term] as const))(
    "%s is translated with the glossary's word",
    (name, term) => {
      const wanted = lower(term.translations[locale], locale);
      const accepted = [wanted, ...(FORMS[locale]?.[name]?.forms ?? []).map((form) => lower(form, locale))];
      // A longer glossary term holds this one (技能者ID holds 技能者): it has a word of its own.
      const longerJapanese = glossary
        .flatMap((other) => other.japanese)
        .filter((spelling) => term.japanese.some((mine) => spelling !== mine && spelling.includes(mine)));
      // An unrelated term's translation holding this one's (đơn giản, 簡略型, holds đơn, 申請) does not
      // count; a compound's does (mật khẩu nộp đơn, 申請用パスワード, is an application's word).
      const longerOwn = glossary
        .filter(
          (other) =>
            !other.japanese.some((spelling) => term.japanese.some((mine) => spelling.includes(mine))),
        )
        .map((other) => lower(other.translations[locale], locale))
        .filter((translation) => translation !== wanted && translation.includes(wanted));
      const excepted = new Set(
        EXCEPTIONS.filter((exception) => exception.locale === locale && exception.term === name).map(
          (exception) => exception.key,
        ),
      );
      const wrong: string[] = [];
      for (const [key, source] of japanese) {
        const masked = longerJapanese.reduce((text, spelling) => text.split(spelling).join("＿"), source);
        if (excepted.has(key) || !term.japanese.some((spelling) => masked.includes(spelling))) continue;
        const text = longerOwn.reduce(
          (rest, other) => rest.split(other).join(" "),
          lower(own.get(key) ?? "", locale),
        );
        if (!accepted.some((form) => text.includes(form))) wrong.push(`${key}: ${own.get(key)}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});
