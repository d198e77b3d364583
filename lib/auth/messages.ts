// Login answers shown to people. One generic message for a wrong ID or password.
import { formatJstDateTime } from "@/lib/format/date";

export const INVALID_LOGIN_MESSAGE =
  "ログインIDまたはパスワードが正しくありません。入力内容を確認して、もう一度ログインしてください。";
export const INVALID_STAFF_LOGIN_MESSAGE =
  "メールアドレスまたはパスワードが正しくありません。入力内容を確認して、もう一度ログインしてください。";
export const THROTTLED_MESSAGE =
  "ログインの試行回数が多すぎます。しばらく時間をおいてから、もう一度お試しください。";

const urgentHelp = {
  applicant: "お急ぎの場合は「パスワードを忘れた場合」からパスワードを再発行できます。",
  staff: "お急ぎの場合は管理者に連絡してください。",
} as const;

export function lockedMessage(
  lockedUntil: Date | null,
  lockMinutes: number,
  area: keyof typeof urgentHelp = "applicant",
): string {
  const until = lockedUntil ? `${formatJstDateTime(lockedUntil)}（日本時間）以降に` : "しばらくしてから";
  return `パスワードを連続して間違えたため、アカウントを${lockMinutes}分間ロックしました。${until}もう一度ログインしてください。${urgentHelp[area]}`;
}

export const TEMP_USED_MESSAGE =
  "この申請用パスワードは使用済みです。「パスワードを忘れた場合」から申請用パスワードを再発行してください。";
export const TEMP_EXPIRED_MESSAGE =
  "申請用パスワードの有効期限が切れています。「パスワードを忘れた場合」から申請用パスワードを再発行してください。";
export const STAFF_TEMP_USED_MESSAGE =
  "この仮パスワードは使用済みです（仮パスワードでログインできるのは1回だけです）。管理者に連絡して、パスワードを設定し直してもらってください。";
