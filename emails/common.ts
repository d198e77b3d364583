// Pieces shared by every email template: sender name, subject prefix, greeting, footer, the
// blocks every template writes the same way and the schema of dates in template data.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import type { EmailBlock } from "./render";
import type { EmailKey, EmailWords } from "./words";

export const SYSTEM_NAME = "建設キャリアアップシステム";

/** Every subject, in every language, begins with 【建設キャリアアップシステム】. */
export function emailSubject(title: string): string {
  return `【${SYSTEM_NAME}】${title}`;
}

export function emailGreeting(name: string, words: EmailWords): string {
  return words.t("common.greeting", { name });
}

export function emailFooter(words: EmailWords): string[] {
  return [words.t("common.systemName"), words.t("common.sendOnly")];
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

/** A date of template data: a Date, or its ISO 8601 form as it comes back from JSON stored in the outbox. */
export const emailDateSchema = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);

/** An absolute http(s) URL (the login page link). */
export const emailUrlSchema = z.url({ protocol: /^https?$/ });
