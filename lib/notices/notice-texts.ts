// The wording of every 通知, one function per event, so each caller words a notice the same way.
// Bodies are plain text; line breaks are kept on screen (white-space: pre-line).
import type { NoticeKind } from "@/lib/generated/prisma/client";

export interface NoticeText {
  kind: NoticeKind;
  title: string;
  body: string;
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

const lines = (...parts: string[]) => parts.join("\n");

export function passwordChangedNotice(): NoticeText {
  return {
    kind: "PASSWORD_CHANGED",
    title: "パスワードを変更しました",
    body: lines(
      "申請ログインIDのパスワードが変更されました。",
      "次回から、変更後のパスワードでログインしてください。",
      "",
      "このパスワード変更にお心当たりがない場合は、第三者に不正に利用されているおそれがあります。至急、登録事務局までご連絡ください。",
    ),
    linkPath: null,
  };
}

export function applicationReceivedNotice(input: {
  applicationNumber: string;
  registrationType: string;
}): NoticeText {
  return {
    kind: "APPLICATION_RECEIVED",
    title: "技能者情報登録申請を受け付けました",
    body: lines(
      "技能者情報登録申請を受け付けました。",
      `申請番号：${input.applicationNumber}`,
      `登録方式：${input.registrationType}`,
      "",
      "今後、登録事務局が申請内容を審査します。審査の結果は、メールと通知でお知らせします。",
      "お問い合わせの際は、申請番号をお知らせください。",
    ),
    linkPath: "/registration/complete",
  };
}

export function applicationResubmittedNotice(input: { applicationNumber: string }): NoticeText {
  return {
    kind: "APPLICATION_RESUBMITTED",
    title: "修正した申請（再申請）を受け付けました",
    body: lines(
      "修正した技能者情報登録申請（再申請）を受け付けました。",
      `申請番号：${input.applicationNumber}`,
      "",
      "今後、登録事務局が修正した申請内容を審査します。審査の結果は、メールと通知でお知らせします。",
    ),
    linkPath: "/registration/complete",
  };
}

export function applicationReturnedNotice(input: {
  applicationNumber: string;
  items: readonly ReturnedItem[];
}): NoticeText {
  const itemLines = input.items.flatMap((item, index) => {
    const comment = item.comment.trim();
    return [
      `${index + 1}. 【${item.groupLabel}】${item.reasonLabel}`,
      ...(comment ? [`　コメント：${comment}`] : []),
    ];
  });
  return {
    kind: "APPLICATION_RETURNED",
    title: "技能者情報申請内容不備のお知らせ",
    body: lines(
      `申請番号 ${input.applicationNumber} の技能者情報登録申請の内容に不備がありました。`,
      "次の項目をご確認ください。",
      "",
      ...itemLines,
      "",
      "メニューの「20_申請の修正」から申請内容を修正して、もう一度申請してください。",
    ),
    linkPath: "/correction",
  };
}

export function registrationCompletedNotice(input: {
  applicationNumber: string;
  technicianId: string;
}): NoticeText {
  return {
    kind: "REGISTRATION_COMPLETED",
    title: "技能者情報登録完了のお知らせ",
    body: lines(
      "技能者情報の登録が完了しました。",
      `申請番号：${input.applicationNumber}`,
      `技能者ID：${input.technicianId}`,
      "",
      "技能者IDは、建設キャリアアップシステムを利用する際に必要です。大切に保管してください。",
    ),
    linkPath: null,
  };
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
  return {
    kind: "PAYMENT_CODE_ISSUED",
    title: input.isSlip ? "払込票を発送します（登録料）" : "登録料のお支払い番号を発行しました",
    body: lines(
      input.isSlip
        ? "登録料の払込票を、カードの送付先住所へ郵送します（発送準備中）。届きましたら期限までにお支払いください。"
        : "登録料をコンビニでお支払いいただく番号を発行しました。期限までにお支払いください。",
      `申請番号：${input.applicationNumber}`,
      `お支払い方法：${input.method}`,
      ...input.numberLines,
      `お支払い金額：${input.amount}`,
      `お支払い期限：${input.deadline}`,
      "",
      "お支払いの方法と状況は「登録料のお支払い」で確認できます。",
    ),
    linkPath: PAYMENT_PAGE,
  };
}

export function paymentCompletedNotice(input: {
  applicationNumber: string;
  amount: string;
  method: string;
  paidAt: string;
}): NoticeText {
  return {
    kind: "PAYMENT_COMPLETED",
    title: "登録料のお支払いを確認しました",
    body: lines(
      "登録料のお支払いを確認しました。ありがとうございました。",
      `申請番号：${input.applicationNumber}`,
      `お支払い金額：${input.amount}`,
      `お支払い方法：${input.method}`,
      `お支払い日時：${input.paidAt}`,
      "",
      "今後、登録事務局が申請内容を審査します。領収書は「登録料のお支払い」からダウンロードできます。",
    ),
    linkPath: PAYMENT_PAGE,
  };
}

export function paymentReminderNotice(input: {
  applicationNumber: string;
  amount: string;
  deadline: string;
}): NoticeText {
  return {
    kind: "PAYMENT_REMINDER",
    title: "登録料のお支払い期限が近づいています",
    body: lines(
      "登録料のお支払いがまだ確認できていません。お支払い期限までにお支払いください。",
      `申請番号：${input.applicationNumber}`,
      `お支払い金額：${input.amount}`,
      `お支払い期限：${input.deadline}`,
    ),
    linkPath: PAYMENT_PAGE,
  };
}

export function paymentExpiredNotice(input: { applicationNumber: string; deadline: string }): NoticeText {
  return {
    kind: "PAYMENT_EXPIRED",
    title: "登録料のお支払い期限が過ぎました",
    body: lines(
      "登録料のお支払い期限が過ぎました。発行済みのお支払い番号は使えません。",
      `申請番号：${input.applicationNumber}`,
      `過ぎたお支払い期限：${input.deadline}`,
      "",
      "「登録料のお支払い」でお支払い方法をもう一度選んでください。",
    ),
    linkPath: PAYMENT_PAGE,
  };
}

export function paymentRefundedNotice(input: { applicationNumber: string; amount: string }): NoticeText {
  return {
    kind: "PAYMENT_REFUNDED",
    title: "登録料を返金しました",
    body: lines("登録料を返金しました。", `申請番号：${input.applicationNumber}`, `返金額：${input.amount}`),
    linkPath: PAYMENT_PAGE,
  };
}

export function applicationWithdrawnNotice(input: {
  applicationNumber: string;
  refundAmount: string | null;
}): NoticeText {
  return {
    kind: "APPLICATION_WITHDRAWN",
    title: "申請を取り下げました",
    body: lines(
      "技能者情報登録の申請を取り下げました。",
      `申請番号：${input.applicationNumber}`,
      ...(input.refundAmount ? [`お支払いいただいた登録料 ${input.refundAmount} を返金します。`] : []),
    ),
    linkPath: null,
  };
}
