// Furigana for やさしい日本語 (issue 15). Its messages write readings in the Aozora Bunko notation
// the Japanese publishing world uses: 漢字《かんじ》 (the run of kanji before 《 is the base), or
// ｜申請書《しんせいしょ》 when the base is not just the kanji before it. In the page they become
// <ruby>漢字<rt>かんじ</rt></ruby>; where only text can go (an attribute, a <title>, an <option>,
// an email) the readings are dropped or put in brackets. Other languages never contain 《.
import { Fragment, type ReactNode } from "react";

const RUBY = /(?:｜([^｜《》]+)|([\p{Script=Han}々〆ヶ]+))《([^》]+)》/gu;

export function hasRuby(text: string): boolean {
  return text.includes("《");
}

/** The text with <ruby> for each reading; the text itself when it has none. */
export function withRuby(text: string): ReactNode {
  if (!hasRuby(text)) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(RUBY)) {
    const [whole, marked, kanji, reading] = match;
    const base = marked ?? kanji ?? "";
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <ruby key={match.index}>
        {base}
        <rp>（</rp>
        <rt>{reading}</rt>
        <rp>）</rp>
      </ruby>,
    );
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
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
