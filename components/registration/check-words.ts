// The check page's words in the page's language (issue 15). lib/applications/application-check.ts
// describes an application in Japanese — the text a sent version stores and staff read — so the
// group names, field names and the system's own values are found again in the Japanese catalogue
// (messages/ja/review.json, check) and shown from the page's. A Japanese page shows the
// description exactly as it is; what is not found (an applicant's answer) is null: shown as entered.
import type { CheckItem, CheckSection } from "@/lib/applications/application-check";
import { choiceAnswerRef } from "@/lib/applications/choice-answers";
import {
  isMessageRef,
  messageText,
  type MessageKey,
  type MessageValues,
  type Translate,
} from "@/lib/i18n/message-ref";
import { withoutRuby } from "@/lib/i18n/ruby";
import japaneseReview from "@/messages/ja/review.json";

const check = japaneseReview.check;
type Labels = Record<string, string>;

function keyOf(texts: Labels, text: string): string | null {
  return Object.entries(texts).find(([, value]) => value === text)?.[0] ?? null;
}

/** "2025年12月7日" → "2025-12-07", "2025年12月" → "2025-12"; null for anything else. */
function isoDate(value: string): string | null {
  const match = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  const ym = `${year}-${month?.padStart(2, "0")}`;
  return day ? `${ym}-${day.padStart(2, "0")}` : ym;
}

export function checkWords(translate: Translate, locale: string) {
  const isJapanese = locale === "ja";
  const t = (key: string, values?: MessageValues) => translate(`review.check.${key}` as MessageKey, values);
  const groupLabels = (groupKey: string): Labels =>
    (check.labels as Record<string, Labels | undefined>)[groupKey] ?? {};

  /** A field name of a group in the page's language; null when the Japanese is not one we know. */
  function label(groupKey: string, japanese: string): string | null {
    const key = keyOf(groupLabels(groupKey), japanese);
    if (key) return t(`labels.${groupKey}.${key}`);
    const row = /^(.+)（(\d+)件目）$/.exec(japanese);
    const rowKey = row?.[1] ? keyOf(groupLabels(groupKey), row[1]) : null;
    if (row && rowKey) return t("rowItem", { label: t(`labels.${groupKey}.${rowKey}`), n: Number(row[2]) });
    const image = /^(.+) (\d+)件目の画像$/.exec(japanese);
    if (image?.[1] && groupLabels(groupKey).legend === image[1]) {
      return t("rowImage", { legend: t(`labels.${groupKey}.legend`), n: Number(image[2]) });
    }
    const jobType = groupKey === "job-types" ? /^職種(\d+)$/.exec(japanese) : null;
    if (jobType) return t("labels.job-types.jobType", { n: Number(jobType[1]) });
    return null;
  }

  /** A description's text that is a message reference (a label some schema gives as one) put into words. */
  const words = (text: string) => (isMessageRef(text) ? messageText(translate, text) : null);

  return {
    groupTitle(section: Pick<CheckSection, "key" | "title">): string {
      if (isJapanese || !(section.key in check.groups)) return words(section.title) ?? section.title;
      return t(`groups.${section.key}`);
    },
    itemLabel(groupKey: string, item: CheckItem): string {
      return words(item.label) ?? (isJapanese ? item.label : (label(groupKey, item.label) ?? item.label));
    },
    /** An image's alt text: an attribute, so without readings. */
    imageAlt(groupKey: string, item: CheckItem): string {
      const alt = item.image?.alt ?? "";
      return withoutRuby(words(alt) ?? (isJapanese ? alt : (label(groupKey, alt) ?? alt)));
    },
    /**
     * An answer that is one of the field's choices (性別, 健康保険, 区分, …) in the words of the form's
     * option, in the page's language (lib/applications/choice-answers.ts); null on a Japanese page
     * and for any other answer.
     */
    choice(groupKey: string, item: CheckItem): string | null {
      if (isJapanese) return null;
      const ref = choiceAnswerRef(groupKey, item.id, item.value);
      return ref === null ? null : words(ref);
    },
    /** The system's value (はい, 画像あり, （未入力）, a date) in the page's language; null for an answer. */
    value(value: string): string | null {
      if (isMessageRef(value)) return words(value);
      if (isJapanese) return null;
      const key = keyOf(check.values, value);
      if (key) return t(`values.${key}`);
      return isoDate(value);
    },
    /** A group's problem in the page's language; null for one we do not know. */
    problem(problem: string): string | null {
      if (isMessageRef(problem)) return words(problem);
      if (isJapanese) return problem;
      if (problem === check.notDone) return t("notDone");
      if (problem === check.invalid) return t("invalid");
      return null;
    },
  };
}

const yenFigures = new Intl.NumberFormat("ja-JP");

/** 2500 → "2,500", the figure review.fee.amount puts 円 or ¥ around. */
export function yenDigits(amount: number): string {
  return yenFigures.format(amount);
}
