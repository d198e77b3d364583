// The words a page shows in a language, looked up by the Japanese words (issue 15): the e2e
// journeys in other languages are written once, with the Japanese names, and each name is turned
// into the language's by the message catalogues — the same words the page was drawn from. A
// Japanese text that no catalogue entry holds is a mistake in the test and throws.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import type { Locale } from "../../../lib/i18n/locales";
import { withoutRuby } from "../../../lib/i18n/ruby";

/** A language's catalogue as its JSON files hold it (each file a namespace). */
function catalogue(locale: Locale): Record<string, unknown> {
  const dir = path.resolve("messages", locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [
        path.basename(file, ".json"),
        JSON.parse(readFileSync(path.join(dir, file), "utf8")) as unknown,
      ]),
  );
}

function leaves(tree: unknown, prefix = "", into = new Map<string, string>()): Map<string, string> {
  if (typeof tree === "string") return into.set(prefix, tree);
  for (const [key, value] of Object.entries((tree ?? {}) as Record<string, unknown>)) {
    leaves(value, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}

/** Japanese text → the keys that hold it. */
const keysByJapanese = new Map<string, string[]>();
for (const [key, text] of leaves(catalogue("ja")))
  keysByJapanese.set(text, [...(keysByJapanese.get(text) ?? []), key]);

export type Words = (japanese: string, where?: string, values?: Record<string, string | number>) => string;

/**
 * `words("ログイン")` is the login button's name in `locale`; `where` ("auth.login") picks among
 * keys that hold the same Japanese in several places. With values, the Japanese is the message's
 * source (`職種{number}`) and the result is formatted with them.
 */
export function wordsFor(locale: Locale): Words {
  const t = createTranslator({ locale, messages: catalogue(locale), timeZone: "Asia/Tokyo" });
  const translate = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  return (japanese, where, values) => {
    const keys = (keysByJapanese.get(japanese) ?? []).filter(
      (key) => !where || key === where || key.startsWith(`${where}.`),
    );
    if (keys.length === 0) throw new Error(`No message${where ? ` in ${where}` : ""} says 「${japanese}」`);
    const texts = new Set(keys.map((key) => withoutRuby(translate(key, values))));
    if (texts.size > 1) {
      throw new Error(
        `「${japanese}」 reads differently in ${locale} by key (${keys.join(", ")}): pass where`,
      );
    }
    return [...texts][0]!;
  };
}
