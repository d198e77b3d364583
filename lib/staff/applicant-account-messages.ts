// The answers of the account actions on 申請者の詳細. The actions redirect with ?done=… or
// ?error=…; the page turns the flag into one of these (anything else is ignored).

export const ACCOUNT_DONE_MESSAGES = {
  unlocked: {
    title: "ロックを解除しました",
    body: "申請者は今のパスワードでログインできます。",
  },
  reissued: {
    title: "パスワードを再発行しました",
    body: "新しい申請用パスワードをメールで送ります。これまでのパスワードは使えなくなり、この申請者のログイン中の画面はすべてログアウトしました。",
  },
  disabled: {
    title: "利用を停止しました",
    body: "この申請者はログインできません。ログイン中の画面はすべてログアウトしました。",
  },
  enabled: {
    title: "利用停止を解除しました",
    body: "申請者は今のパスワードで、またログインできます。",
  },
} as const;

export type AccountDoneFlag = keyof typeof ACCOUNT_DONE_MESSAGES;

export const REISSUE_CONFIRM_LABEL = "再発行すると、今のパスワードは使えなくなることを確認しました";
export const DISABLE_CONFIRM_LABEL = "利用を停止すると、この申請者はログインできなくなることを確認しました";

export const ACCOUNT_ERROR_MESSAGES = {
  "confirm-reissue": `パスワードを再発行するには、「${REISSUE_CONFIRM_LABEL}」にチェックを入れてください。`,
  "confirm-disable": `利用を停止するには、「${DISABLE_CONFIRM_LABEL}」にチェックを入れてください。`,
  "not-locked": "この申請者はロックされていません。ロックの期限が過ぎたか、ほかの職員が先に解除しました。",
  disabled: "利用停止中の申請者には、パスワードを再発行できません。先に利用停止を解除してください。",
  "already-disabled": "この申請者は、すでに利用停止になっています。",
  "not-disabled": "この申請者は利用停止になっていません。",
} as const;

export type AccountErrorFlag = keyof typeof ACCOUNT_ERROR_MESSAGES;

export function accountDoneFlag(value: unknown): AccountDoneFlag | null {
  return typeof value === "string" && Object.hasOwn(ACCOUNT_DONE_MESSAGES, value)
    ? (value as AccountDoneFlag)
    : null;
}

export function accountErrorFlag(value: unknown): AccountErrorFlag | null {
  return typeof value === "string" && Object.hasOwn(ACCOUNT_ERROR_MESSAGES, value)
    ? (value as AccountErrorFlag)
    : null;
}
