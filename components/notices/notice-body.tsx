// A 通知's body: in Japanese exactly as stored; in another language from its message, the
// references it was written with (lib/notices/notice-message.ts), the Japanese data in it (a
// reason, a comment, a 払込票番号) marked lang="ja". A notice written before issue 15 has none: its
// Japanese is shown, marked as such.
import { Fragment } from "react";
import { useTranslations } from "next-intl";
import { JapaneseData, isJapanesePage } from "@/components/ui/japanese-data";
import { NameWithJapanese } from "@/components/ui/name-with-japanese";
import type { Locale } from "@/lib/i18n/locales";
import { messageText, parseMessageRef, type Translate } from "@/lib/i18n/message-ref";
import { withRuby } from "@/lib/i18n/ruby";
import type { NoticeLine, NoticeMessage } from "@/lib/notices/notice-message";
import { returnReasonLabelIn } from "@/lib/reference/return-reason-labels";

/** The line of a 不備 item (lib/notices/notice-texts.ts): its Japanese part is a reason's label. */
const RETURNED_ITEM = "review.noticeText.returned.item";

/**
 * A line's Japanese data: a 不備 reason in the page's language with its Japanese label beside it,
 * looked up in data/return-reasons.csv when shown (a label the file no longer has stays as
 * stored); anything else (a staff comment, a 払込票番号) as it is, marked lang="ja".
 */
function JapanesePart({ line, locale }: { line: NoticeLine & { ja: string }; locale: Locale }) {
  if (line.text && parseMessageRef(line.text)?.key === RETURNED_ITEM) {
    return <NameWithJapanese parts={returnReasonLabelIn(locale, line.ja)} locale={locale} />;
  }
  return <JapaneseData text={line.ja} />;
}

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
          {line.ja ? <JapanesePart line={{ ...line, ja: line.ja }} locale={locale as Locale} /> : null}
        </Fragment>
      ))}
    </p>
  ));
}
