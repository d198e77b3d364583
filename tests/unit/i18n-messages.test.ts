// Every language has every message of the Japanese catalogue (issue 15), in its own words: no key
// missing or extra, the same ICU arguments, no Japanese left outside the system's fixed names
// (lib/i18n/system-names.ts), and readings (《》) only in やさしい日本語.
import { describe, expect, test } from "vitest";
import compile from "icu-minify/compile";
import ja from "@/messages/ja";
import { loadAllMessages } from "@/lib/i18n/messages";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { withoutSystemNames } from "@/lib/i18n/system-names";

function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof tree === "string") {
    found.set(prefix, tree);
    return found;
  }
  for (const [key, value] of Object.entries((tree ?? {}) as Record<string, unknown>)) {
    for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) found.set(path, text);
  }
  return found;
}

/** The names of a message's ICU arguments ({name}, {count, plural, …}). */
function argumentNames(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((match) => match[1] ?? "")),
  ].sort();
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const japanese = leaves(ja);
const all = await loadAllMessages();

describe.each(LOCALES.filter((locale) => locale !== "ja"))("%s", (locale: Locale) => {
  const own = leaves(all[locale]);

  test("has exactly the Japanese catalogue's keys", () => {
    expect([...japanese.keys()].filter((key) => !own.has(key))).toEqual([]);
    expect([...own.keys()].filter((key) => !japanese.has(key))).toEqual([]);
  });

  test("every message is valid ICU with the Japanese message's arguments", () => {
    const wrong: string[] = [];
    for (const [key, text] of own) {
      const source = japanese.get(key);
      if (source === undefined) continue;
      try {
        compile(text);
      } catch (error) {
        wrong.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      if (argumentNames(text).join() !== argumentNames(source).join()) {
        wrong.push(`${key}: arguments ${argumentNames(text).join()} ≠ ${argumentNames(source).join()}`);
      }
      if (text.trim() === "") wrong.push(`${key}: empty`);
    }
    expect(wrong).toEqual([]);
  });

  test("no Japanese outside the system's fixed names", () => {
    if (locale === "ja-x-easy") return;
    // Chinese is written in Han characters; kana is what untranslated Japanese leaves there.
    const leftover = locale === "zh-Hans" ? KANA : new RegExp(`${KANA.source}|${HAN.source}`, "u");
    const untranslated = [...own]
      .filter(([, text]) => leftover.test(withoutSystemNames(text, { locale })))
      .map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  test(
    locale === "ja-x-easy" ? "readings are well formed" : "no readings (《》) outside やさしい日本語",
    () => {
      const wrong = [...own].filter(([, text]) =>
        locale === "ja-x-easy" ? !/^(?:[^《》]|《[^《》]+》)*$/u.test(text) : /[《》]/u.test(text),
      );
      expect(wrong.map(([key]) => key)).toEqual([]);
    },
  );
});

test("the Japanese catalogue itself is valid ICU", () => {
  const wrong: string[] = [];
  for (const [key, text] of japanese) {
    try {
      compile(text);
    } catch (error) {
      wrong.push(`${key}: ${(error as Error).message}`);
    }
  }
  expect(wrong).toEqual([]);
});
