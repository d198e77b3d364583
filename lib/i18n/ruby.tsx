// Furigana for やさしい日本語 (issue 15) in React: readings written in the messages as 漢字《かんじ》
// or ｜申請書《しんせいしょ》 (the notation and its parser: lib/i18n/ruby-text.ts) become
// <ruby>漢字<rt>かんじ</rt></ruby>; where only text can go (an attribute, a <title>, an <option>,
// an email) the readings are dropped or put in brackets. Other languages never contain 《.
import { Fragment, type ReactNode } from "react";
import { hasRuby, rubyParts } from "@/lib/i18n/ruby-text";

export { hasRuby, rubyInBrackets, withoutRuby } from "@/lib/i18n/ruby-text";

/** The text with <ruby> for each reading; the text itself when it has none. */
export function withRuby(text: string): ReactNode {
  if (!hasRuby(text)) return text;
  return (
    <Fragment>
      {rubyParts(text).map((part, index) =>
        typeof part === "string" ? (
          part
        ) : (
          <ruby key={index}>
            {part.base}
            <rp>（</rp>
            <rt>{part.reading}</rt>
            <rp>）</rp>
          </ruby>
        ),
      )}
    </Fragment>
  );
}
