// Provider decline and error codes in plain Japanese for the payer (issue 12). The sandbox uses
// Stripe's codes (card_declined, insufficient_funds, …), so one table serves both adapters; a code
// not listed gets the generic message, never the raw English.

export type DeclineCode =
  | "card_declined"
  | "insufficient_funds"
  | "expired_card"
  | "incorrect_cvc"
  | "incorrect_number"
  | "processing_error"
  | "authentication_failed"
  | "test_mode_live_card"
  | "generic";

export const DECLINE_MESSAGES: Record<DeclineCode, string> = {
  card_declined:
    "カード会社がこのカードでのお支払いを承認しませんでした。別のカードをお使いいただくか、カード会社にお問い合わせください。",
  insufficient_funds:
    "ご利用可能額が不足しているため、お支払いできませんでした。別のカードをお使いください。",
  expired_card: "カードの有効期限が切れています。有効期限内のカードをお使いください。",
  incorrect_cvc: "セキュリティコードが正しくありません。カード裏面の数字を確認して入力してください。",
  incorrect_number: "カード番号が正しくありません。カードに記載の番号を確認して入力してください。",
  processing_error:
    "カードの処理中にエラーが発生しました。お支払いは行われていません。しばらくしてからもう一度お試しください。",
  authentication_failed:
    "本人認証（3Dセキュア）ができなかったため、お支払いできませんでした。もう一度お試しいただくか、別のカードをお使いください。",
  test_mode_live_card:
    "テスト用の決済画面では実際のカードは使えません。テスト用のカード番号を入力してください。",
  generic:
    "お支払いできませんでした。入力内容を確認し、もう一度お試しいただくか、別のカードをお使いください。",
};

// Stripe reports some reasons as a decline_code under card_declined and names 3-D Secure failure
// differently; these synonyms land on the same message.
const SYNONYMS: Record<string, DeclineCode> = {
  do_not_honor: "card_declined",
  generic_decline: "card_declined",
  lost_card: "card_declined",
  stolen_card: "card_declined",
  fraudulent: "card_declined",
  invalid_cvc: "incorrect_cvc",
  invalid_number: "incorrect_number",
  invalid_expiry_month: "expired_card",
  invalid_expiry_year: "expired_card",
  payment_intent_authentication_failure: "authentication_failed",
  authentication_required: "authentication_failed",
};

function isDeclineCode(code: string): code is DeclineCode {
  return Object.hasOwn(DECLINE_MESSAGES, code);
}

/** The code as one of ours (unknown codes: "generic"). */
export function normaliseDeclineCode(code: string | null | undefined): DeclineCode {
  if (!code) return "generic";
  if (isDeclineCode(code)) return code;
  return Object.hasOwn(SYNONYMS, code) ? (SYNONYMS[code] ?? "generic") : "generic";
}

/**
 * The payer's message for a provider's error: the decline code (Stripe's decline_code) wins over
 * the error code when both are given, as it is the more precise.
 */
export function declineMessage(code: string | null | undefined, declineCode?: string | null): string {
  const precise = normaliseDeclineCode(declineCode);
  if (precise !== "generic") return DECLINE_MESSAGES[precise];
  return DECLINE_MESSAGES[normaliseDeclineCode(code)];
}
