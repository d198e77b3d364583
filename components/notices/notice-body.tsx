// A 通知's body: in Japanese exactly as stored; in another language from its message, the
// references it was written with (lib/notices/notice-message.ts), the Japanese data in it (a
// reason, a comment, a 払込票番号) marked lang="ja". A notice written before issue 15 has none: its
// Japanese is shown, marked as such.
import { Fragment } from "react";
import { useTranslations } from "next-intl";
import { JapaneseData, isJapanesePage } from "@/components/ui/japanese-data";
import { messageText, type Translate } from "@/lib/i18n/message-ref";
import { withRuby } from "@/lib/i18n/ruby";
import type { NoticeLine, NoticeMessage } from "@/lib/notices/notice-message";

/** Lines into paragraphs at each empty line. */
function paragraphsOf(lines: readonly NoticeLine[]): NoticeLine[][] {
  const paragraphs: NoticeLine[][] = [[]];
  for (const line of lines) {
    if (!line.text && !line.ja) paragraphs.push([]);
    else paragraphs.at(-1)?.push(line);
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

export function NoticeBody({
  body,
  message,
  locale,
}: {
  /** The stored Japanese text. */
  body: string;
  message: NoticeMessage | null;
  locale: string;
}) {
  const t = useTranslations() as unknown as Translate;
  if (locale === "ja" || !message) {
    const paragraphs = body.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== "");
    const lang = isJapanesePage(locale) ? {} : { lang: "ja" };
    return paragraphs.map((paragraph, index) => (
      <p key={index} {...lang}>
        {paragraph}
      </p>
    ));
  }
  return paragraphsOf(message.lines).map((paragraph, index) => (
    <p key={index}>
      {paragraph.map((line, at) => (
        <Fragment key={at}>
          {at > 0 ? "\n" : null}
          {line.text ? withRuby(messageText(t, line.text)) : null}
          {line.ja ? <JapaneseData text={line.ja} /> : null}
        </Fragment>
      ))}
    </p>
  ));
}
