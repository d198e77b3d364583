// Login answers shown to people. One generic message for a wrong ID or password.
// The applicant's are references into messages/<language>/auth.json (issue 15: in the page's language);
// the staff area's are Japanese only.
import { formatJstDateTime } from "@/lib/format/date";
import { messageRef } from "@/lib/i18n/message-ref";

export const INVALID_LOGIN_MESSAGE = messageRef("auth.errors.invalidLogin");
export const INVALID_STAFF_LOGIN_MESSAGE =
  "メールアドレスまたはパスワードが正しくありません。入力内容を確認して、もう一度ログインしてください。";
export const THROTTLED_MESSAGE = messageRef("auth.errors.throttled");
/** The staff area's words for THROTTLED_MESSAGE. */
export const STAFF_THROTTLED_MESSAGE =
  "ログインの試行回数が多すぎます。しばらく時間をおいてから、もう一度お試しください。";

export function lockedMessage(
  lockedUntil: Date | null,
  lockMinutes: number,
  area: "applicant" | "staff" = "applicant",
): string {
  if (area === "applicant") {
    return messageRef("auth.errors.locked", {
      minutes: lockMinutes,
      until: lockedUntil ? formatJstDateTime(lockedUntil) : "none",
    });
  }
  const until = lockedUntil ? `${formatJstDateTime(lockedUntil)}（日本時間）以降に` : "しばらくしてから";
  return `パスワードを連続して間違えたため、アカウントを${lockMinutes}分間ロックしました。${until}もう一度ログインしてください。お急ぎの場合は管理者に連絡してください。`;
}

export const TEMP_USED_MESSAGE = messageRef("auth.errors.tempUsed");
export const TEMP_EXPIRED_MESSAGE = messageRef("auth.errors.tempExpired");
export const STAFF_TEMP_USED_MESSAGE =
  "この仮パスワードは使用済みです（仮パスワードでログインできるのは1回だけです）。管理者に連絡して、パスワードを設定し直してもらってください。";
