// The wording of every 通知, one function per event, so each caller words a notice the same way.
// A notice is written as catalogue references line by line (its message, in a column of its own:
// lib/notices/notice-message.ts), so it can be shown in the reader's language; the stored title
// and body are their Japanese words (messages/ja/review.json, noticeText), the binding text. Bodies are plain text; line breaks
// are kept on screen (white-space: pre-line).
import { createTranslator } from "next-intl";
import type { NoticeKind } from "@/lib/generated/prisma/client";
import {
  messageRef,
  messageText,
  type MessageKey,
  type MessageValues,
  type Translate,
} from "@/lib/i18n/message-ref";
import { REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import type { NoticeLine, NoticeMessage } from "@/lib/notices/notice-message";
import { contentGroups } from "@/lib/registration/content-groups";
import japaneseReview from "@/messages/ja/review.json";

export interface NoticeText {
  kind: NoticeKind;
  title: string;
  /** The Japanese text only. */
  body: string;
  /** The body as references, for every other language (lib/notices/notice-message.ts). */
  message: NoticeMessage;
  linkPath: string | null;
}

export interface ReturnedItem {
  /** The page or group of the application, e.g. 「本人情報」. */
  groupLabel: string;
  /** Why it was returned, e.g. 「記載内容と本人確認書類が一致しない」. */
  reasonLabel: string;
  /** The registration office's own words; may be empty. */
  comment: string;
}

const japanese = createTranslator({
  locale: "ja",
  messages: { review: japaneseReview },
}) as unknown as Translate;

type TitleName = keyof typeof japaneseReview.noticeText.titles;

/** The catalogue key of a stored Japanese title (every title a notice was ever written with). */
const TITLE_KEYS = new Map<string, MessageKey>(
  Object.entries(japaneseReview.noticeText.titles).map(([name, title]) => [
    title,
    `review.noticeText.titles.${name}` as MessageKey,
  ]),
);

/** The key to show a stored title in the reader's language; null for a title of no known notice. */
export function noticeTitleKey(title: string): MessageKey | null {
  return TITLE_KEYS.get(title) ?? null;
}

/** A line of text: "review.noticeText.<key>" with its values. */
function line(key: string, values?: MessageValues, ja?: string): NoticeLine {
  return { text: messageRef(`review.noticeText.${key}` as MessageKey, values), ...(ja ? { ja } : {}) };
}
const BLANK: NoticeLine = {};
/** A line of Japanese data only (shown as it is in every language). */
const dataLine = (ja: string): NoticeLine => ({ ja });

function notice(
  kind: NoticeKind,
  title: TitleName,
  lines: NoticeLine[],
  linkPath: string | null,
): NoticeText {
  const words = lines.map(
    (entry) => `${entry.text ? messageText(japanese, entry.text) : ""}${entry.ja ?? ""}`,
  );
  return {
    kind,
    title: japaneseReview.noticeText.titles[title],
    body: words.join("\n"),
    message: { lines },
    linkPath,
  };
}

const numberLine = (applicationNumber: string) => line("applicationNumber", { number: applicationNumber });

/** "2,500円（税込）" (lib/payments yenWithTax) as the figure "2,500"; null for anything else. */
function yenFigure(amount: string): string | null {
  return /^([\d,]+)円（税込）$/.exec(amount)?.[1] ?? null;
}
/** "2026/12/21 23:59（日本時間）" (lib/payments jstDeadline) without the zone; null for anything else. */
function jstFigure(at: string): string | null {
  return /^(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2})（日本時間）$/.exec(at)?.[1] ?? null;
}
/** A line with an amount; a figure of another form is kept as its Japanese line. */
function amountLine(key: string, amount: string, japaneseLine: string): NoticeLine {
  const figure = yenFigure(amount);
  return figure ? line(key, { amount: figure }) : dataLine(japaneseLine);
}
function timeLine(key: string, at: string, japaneseLine: string): NoticeLine {
  const figure = jstFigure(at);
  return figure ? line(key, { at: figure }) : dataLine(japaneseLine);
}
const amountToPayLine = (amount: string) => amountLine("amount", amount, `お支払い金額：${amount}`);
const deadlineLine = (deadline: string) => timeLine("deadline", deadline, `お支払い期限：${deadline}`);

export function passwordChangedNotice(): NoticeText {
  return notice(
    "PASSWORD_CHANGED",
    "passwordChanged",
    [line("passwordChanged.changed"), line("passwordChanged.next"), BLANK, line("passwordChanged.notYou")],
    null,
  );
}

export function applicationReceivedNotice(input: {
  applicationNumber: string;
  registrationType: string;
}): NoticeText {
  const type = Object.entries(REGISTRATION_TYPE_LABELS).find(
    ([, label]) => label === input.registrationType,
  )?.[0];
  return notice(
    "APPLICATION_RECEIVED",
    "received",
    [
      line("received.received"),
      numberLine(input.applicationNumber),
      type
        ? line("registrationType", { type: messageRef(`review.registrationType.${type}` as MessageKey) })
        : dataLine(`登録方式：${input.registrationType}`),
      BLANK,
      line("received.review"),
      line("received.contact"),
    ],
    "/registration/complete",
  );
}

export function applicationResubmittedNotice(input: { applicationNumber: string }): NoticeText {
  return notice(
    "APPLICATION_RESUBMITTED",
    "resubmitted",
    [line("resubmitted.received"), numberLine(input.applicationNumber), BLANK, line("resubmitted.review")],
    "/registration/complete",
  );
}

export function applicationReturnedNotice(input: {
  applicationNumber: string;
  items: readonly ReturnedItem[];
}): NoticeText {
  const itemLines = input.items.flatMap((item, index) => {
    const comment = item.comment.trim();
    const group = contentGroups.find((candidate) => candidate.label === item.groupLabel);
    return [
      group
        ? line(
            "returned.item",
            { index: index + 1, group: messageRef(`review.check.groups.${group.key}` as MessageKey) },
            item.reasonLabel,
          )
        : dataLine(`${index + 1}. 【${item.groupLabel}】${item.reasonLabel}`),
      ...(comment ? [line("returned.comment", undefined, comment)] : []),
    ];
  });
  return notice(
    "APPLICATION_RETURNED",
    "returned",
    [
      line("returned.intro", { number: input.applicationNumber }),
      line("returned.check"),
      BLANK,
      ...itemLines,
      BLANK,
      line("returned.fix"),
    ],
    "/correction",
  );
}

export function registrationCompletedNotice(input: {
  applicationNumber: string;
  technicianId: string;
}): NoticeText {
  return notice(
    "REGISTRATION_COMPLETED",
    "completed",
    [
      line("completed.completed"),
      numberLine(input.applicationNumber),
      line("technicianId", { id: input.technicianId }),
      BLANK,
      line("completed.keep"),
    ],
    null,
  );
}

// 登録料のお支払い (issue 12). Every payment notice leads to the payment page.
const PAYMENT_PAGE = "/payment";

export function paymentCodeIssuedNotice(input: {
  applicationNumber: string;
  /** "コンビニ払い（ローソン）" or "払込票". */
  method: string;
  /** e.g. "受付番号：1234-5678…" lines; empty for a slip not yet mailed. */
  numberLines: readonly string[];
  amount: string;
  /** "2026/12/21 23:59（日本時間）". */
  deadline: string;
  isSlip: boolean;
}): NoticeText {
  return notice(
    "PAYMENT_CODE_ISSUED",
    input.isSlip ? "slipSent" : "codeIssued",
    [
      line(input.isSlip ? "codeIssued.slip" : "codeIssued.konbini"),
      numberLine(input.applicationNumber),
      line("method", undefined, input.method),
      ...input.numberLines.map(dataLine),
      amountToPayLine(input.amount),
      deadlineLine(input.deadline),
      BLANK,
      line("codeIssued.where"),
    ],
    PAYMENT_PAGE,
  );
}

export function paymentCompletedNotice(input: {
  applicationNumber: string;
  amount: string;
  method: string;
  paidAt: string;
}): NoticeText {
  return notice(
    "PAYMENT_COMPLETED",
    "paymentCompleted",
    [
      line("paymentCompleted.thanks"),
      numberLine(input.applicationNumber),
      amountToPayLine(input.amount),
      line("method", undefined, input.method),
      timeLine("paymentCompleted.paidAt", input.paidAt, `お支払い日時：${input.paidAt}`),
      BLANK,
      line("paymentCompleted.next"),
    ],
    PAYMENT_PAGE,
  );
}

export function paymentReminderNotice(input: {
  applicationNumber: string;
  amount: string;
  deadline: string;
}): NoticeText {
  return notice(
    "PAYMENT_REMINDER",
    "paymentReminder",
    [
      line("paymentReminder.notYet"),
      numberLine(input.applicationNumber),
      amountToPayLine(input.amount),
      deadlineLine(input.deadline),
    ],
    PAYMENT_PAGE,
  );
}

export function paymentExpiredNotice(input: { applicationNumber: string; deadline: string }): NoticeText {
  return notice(
    "PAYMENT_EXPIRED",
    "paymentExpired",
    [
      line("paymentExpired.expired"),
      numberLine(input.applicationNumber),
      timeLine("paymentExpired.deadline", input.deadline, `過ぎたお支払い期限：${input.deadline}`),
      BLANK,
      line("paymentExpired.again"),
    ],
    PAYMENT_PAGE,
  );
}

export function paymentRefundedNotice(input: { applicationNumber: string; amount: string }): NoticeText {
  return notice(
    "PAYMENT_REFUNDED",
    "paymentRefunded",
    [
      line("paymentRefunded.refunded"),
      numberLine(input.applicationNumber),
      amountLine("paymentRefunded.amount", input.amount, `返金額：${input.amount}`),
    ],
    PAYMENT_PAGE,
  );
}

export function applicationWithdrawnNotice(input: {
  applicationNumber: string;
  refundAmount: string | null;
}): NoticeText {
  const refund = input.refundAmount;
  return notice(
    "APPLICATION_WITHDRAWN",
    "withdrawn",
    [
      line("withdrawn.withdrawn"),
      numberLine(input.applicationNumber),
      ...(refund
        ? [amountLine("withdrawn.refund", refund, `お支払いいただいた登録料 ${refund} を返金します。`)]
        : []),
    ],
    null,
  );
}
