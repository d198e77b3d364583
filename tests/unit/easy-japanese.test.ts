// やさしい日本語 (issue 15) reads every kanji: each kanji of a ja-x-easy message is the base of a
// reading (漢字《かんじ》, ｜申請書《しんせいしょ》), so withRuby puts it under a <ruby>. The system's
// fixed names (lib/i18n/system-names.ts) are Japanese too and get readings like any word, but their
// base stays the exact name: where the Japanese message and the English one both quote a name, the
// easy message without its readings (what the page shows under the furigana) quotes it unchanged —
// no kana for its kanji, no space inside it — so a technician finds the name staff and documents use.
// The page walk (tests/e2e/languages.spec.ts) checks the same in every rendered page.
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import easy from "@/messages/ja-x-easy";
import ja from "@/messages/ja";
import en from "@/messages/en";
import { withoutRuby, withRuby } from "@/lib/i18n/ruby";
import { SYSTEM_NAMES_LONGEST_FIRST } from "@/lib/i18n/system-names";

function leaves(tree: unknown, prefix = ""): Map<string, string> {
  if (typeof tree === "string") return new Map([[prefix, tree]]);
  return new Map(
    Object.entries((tree ?? {}) as Record<string, unknown>).flatMap(([key, value]) => [
      ...leaves(value, prefix ? `${prefix}.${key}` : key),
    ]),
  );
}

const HAN = /[\p{Script=Han}々〆ヶ]+/gu;

/** The kanji the page would show without furigana: outside every <ruby> withRuby makes. */
function unreadKanji(text: string): string[] {
  const html = renderToStaticMarkup(createElement(Fragment, null, withRuby(text)));
  const outsideRuby = html
    .replace(/<ruby>.*?<\/ruby>/gsu, " ")
    // A kanji quoted alone is a character named (「々」 may be used), not a word to read.
    .replace(/「[\p{Script=Han}々〆ヶ]」/gu, " ");
  return outsideRuby.match(HAN) ?? [];
}

const messages = leaves(easy);
const japanese = leaves(ja);
const english = leaves(en);

describe("やさしい日本語", () => {
  test("the check finds kanji without a reading", () => {
    expect(unreadKanji("申請《しんせい》の 修正")).toEqual(["修正"]);
    expect(unreadKanji("｜申請書《しんせいしょ》を 出《だ》す")).toEqual([]);
    expect(unreadKanji("「々」は 使《つか》えます")).toEqual([]);
  });

  test("every kanji has its reading", () => {
    const unread = [...messages]
      .map(([key, text]) => [key, unreadKanji(text)] as const)
      .filter(([, kanji]) => kanji.length > 0)
      .map(([key, kanji]) => `${key}: ${kanji.join(" ")}`);
    expect(unread).toEqual([]);
  });

  test("the system's names stay exactly the names under their readings", () => {
    const changed: string[] = [];
    for (const [key, text] of messages) {
      let source = japanese.get(key) ?? "";
      let translated = english.get(key) ?? "";
      for (const name of SYSTEM_NAMES_LONGEST_FIRST) {
        if (!source.includes(name) || !translated.includes(name)) continue;
        // A longer name taken first: 申請ログインID is not also a ログインID.
        source = source.split(name).join(" ");
        translated = translated.split(name).join(" ");
        if (!withoutRuby(text).includes(name)) changed.push(`${key}: ${name} — ${text}`);
      }
    }
    expect(changed).toEqual([]);
  });
});
