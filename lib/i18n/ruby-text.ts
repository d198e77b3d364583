// Furigana for やさしい日本語 (issue 15), without React: the notation's parser and its text and
// HTML-string forms. Its messages write readings in the Aozora Bunko notation the Japanese
// publishing world uses: 漢字《かんじ》 (the run of kanji before 《 is the base), or
// ｜申請書《しんせいしょ》 when the base is not just the kanji before it. lib/i18n/ruby.tsx makes React
// <ruby> of them; the plain 503 pages (lib/maintenance-page.ts, answered by proxy.ts and
// scripts/server.ts, where there is no React) take rubyHtml. Other languages never contain 《.
import { escapeHtml } from "@/lib/format/html";

const RUBY = /(?:｜([^｜《》]+)|([\p{Script=Han}々〆ヶ]+))《([^》]+)》/gu;

/** A piece of text: plain, or a base with its reading. */
export type RubyPart = string | { base: string; reading: string };

export function hasRuby(text: string): boolean {
  return text.includes("《");
}

/** The text cut into plain runs and base-with-reading pairs, in order. */
export function rubyParts(text: string): RubyPart[] {
  if (!hasRuby(text)) return [text];
  const parts: RubyPart[] = [];
  let last = 0;
  for (const match of text.matchAll(RUBY)) {
    const [whole, marked, kanji, reading = ""] = match;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ base: marked ?? kanji ?? "", reading });
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The text without readings (for attributes, <title>, <option>): 申請《しんせい》 → 申請. */
export function withoutRuby(text: string): string {
  return hasRuby(text)
    ? text.replace(
        RUBY,
        (_whole, marked: string | undefined, kanji: string | undefined) => marked ?? kanji ?? "",
      )
    : text;
}

/** The text with readings in brackets (for plain-text email): 申請《しんせい》 → 申請（しんせい）. */
export function rubyInBrackets(text: string): string {
  return hasRuby(text)
    ? text.replace(
        RUBY,
        (_whole, marked: string | undefined, kanji: string | undefined, reading: string) =>
          `${marked ?? kanji ?? ""}（${reading}）`,
      )
    : text;
}

/** The text as HTML, escaped, with <ruby> for each reading (what withRuby makes, as a string). */
export function rubyHtml(text: string): string {
  return rubyParts(text)
    .map((part) =>
      typeof part === "string"
        ? escapeHtml(part)
        : `<ruby>${escapeHtml(part.base)}<rp>（</rp><rt>${escapeHtml(part.reading)}</rt><rp>）</rp></ruby>`,
    )
    .join("");
}
