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
