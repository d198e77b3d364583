// A reference name in the page's language with the official Japanese name beside it (issue 15,
// lib/reference/translated-name.ts): "Tokyo (東京都)", the Japanese marked lang="ja" so a screen
// reader reads it as Japanese; the Japanese alone, marked, where there is no translation.
import type { Locale } from "@/lib/i18n/locales";
import { withRuby } from "@/lib/i18n/ruby";
import type { NameParts } from "@/lib/reference/translated-name";

export function NameWithJapanese({ parts, locale }: { parts: NameParts; locale: Locale }) {
  const [open, close] = locale === "zh-Hans" ? ["（", "）"] : [" (", ")"];
  return (
    <>
      {parts.lang ? (
        <span lang={parts.lang}>{parts.text}</span>
      ) : locale === "ja-x-easy" ? (
        // Only やさしい日本語's own words carry readings; any other text is shown as written.
        withRuby(parts.text)
      ) : (
        parts.text
      )}
      {parts.japanese === undefined ? null : (
        <>
          {open}
          <span lang="ja">{parts.japanese}</span>
          {close}
        </>
      )}
    </>
  );
}
