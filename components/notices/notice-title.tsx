// A 通知's title: stored in Japanese (the binding text), shown in the page's language when it is
// one of the titles the portal writes; any other stays as stored, marked as Japanese.
import { useTranslations } from "next-intl";
import { JapaneseData } from "@/components/ui/japanese-data";
import type { Translate } from "@/lib/i18n/message-ref";
import { withRuby } from "@/lib/i18n/ruby";
import { noticeTitleKey } from "@/lib/notices/notice-texts";

/** The title in words: the stored one in Japanese, else its translation when there is one. */
export function useNoticeTitleText(locale: string): (title: string) => string | null {
  const t = useTranslations() as unknown as Translate;
  return (title) => {
    if (locale === "ja") return title;
    const key = noticeTitleKey(title);
    return key ? t(key) : null;
  };
}

export function NoticeTitle({ title, locale }: { title: string; locale: string }) {
  const text = useNoticeTitleText(locale)(title);
  return text === null ? <JapaneseData text={title} /> : withRuby(text);
}
