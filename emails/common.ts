// Pieces shared by every email template: sender name, subject prefix, greeting, footer and the
// blocks every template writes the same way (the schemas of template data: ./data-schemas).
import { formatJstDateTime } from "@/lib/format/date";
import type { EmailBlock, EmailDraft } from "./render";
import { JAPANESE_WORDS, type EmailKey, type EmailWords } from "./words";

export const SYSTEM_NAME = "建設キャリアアップシステム";

/** Every subject, in every language, begins with 【建設キャリアアップシステム】. */
export function emailSubject(title: string): string {
  return `【${SYSTEM_NAME}】${title}`;
}

/** A template's Japanese subject, prefix included: what a Japanese applicant gets. */
export function japaneseSubject(titleKey: EmailKey): string {
  return emailSubject(JAPANESE_WORDS.title(titleKey));
}

export function emailGreeting(name: string, words: EmailWords): string {
  return words.t("common.greeting", { name });
}

export function emailFooter(words: EmailWords): string[] {
  return [words.t("common.systemName"), words.t("common.sendOnly")];
}

/** An email in `words`: the title (a subject's key), the greeting to `name`, the blocks, the footer. */
export function emailDraft(
  words: EmailWords,
  titleKey: EmailKey,
  name: string,
  blocks: EmailBlock[],
): EmailDraft {
  return {
    title: words.title(titleKey),
    greeting: emailGreeting(name, words),
    blocks,
    footer: emailFooter(words),
  };
}

/** A date and time in Japan, marked as such: "2025/12/17 00:30（日本時間）". */
export function japanTime(date: Date, words: EmailWords): string {
  return words.t("common.japanTime", { dateTime: formatJstDateTime(date) });
}

/** A message whose lines (separated by \n) are the lines of a paragraph or note. */
export function linesOf(words: EmailWords, key: EmailKey): string[] {
  return words.t(key).split("\n");
}

/** A 【label】 and its value (a link when `href` is given). */
export function field(label: string, value: string, href?: string): EmailBlock {
  return href === undefined
    ? { kind: "field", label: `【${label}】`, value }
    : { kind: "field", label: `【${label}】`, value, href };
}
