// The words of the sandbox's hosted card page (issue 15), in the payer's language as the merchant
// asked for it at creation (CreatePaymentInput.locale), as Stripe Checkout's `locale` does. Like a
// real provider, the sandbox has words of its own and only some languages: Japanese (its default,
// and the portal's) and English. Any other language falls back to English, as Stripe does for a
// language it does not offer. The sandbox's Japanese names are the locator contract
// (packages/playwright-kit/src/pages/sandbox.ts): keep them as they are.
import { formatYen } from "@/lib/fees";
import { DECLINE_MESSAGES, type DeclineCode } from "@/lib/payments/decline-messages";
import type { Locale } from "@/lib/i18n/locales";

export type SandboxLanguage = "ja" | "en";

const WORDS = {
  ja: {
    siteTitle: "決済サービス（サンドボックス）",
    banner: "テスト用の決済画面（サンドボックス）",
    bannerBody:
      "この画面は決済サービスの動きをまねたテスト用の画面です。実際の請求や入金は行われません。本物のカード番号は入力しないでください。",
    pageTitle: "カードでのお支払い（サンドボックス）",
    title: "カードでのお支払い",
    purpose: "お支払い内容",
    amount: "金額",
    cardNumber: "カード番号",
    cardNumberHint: "半角数字で入力してください（空白はあってもなくても構いません）。",
    expiry: "有効期限（MM/YY）",
    expiryHint: "カードに記載の「月/年」を、例えば 12/30 のように入力してください。",
    cvc: "セキュリティコード",
    cvcHint: "カード裏面の3桁（一部のカードは表面の4桁）の数字です。",
    cardName: "カード名義",
    cardNameHint: "カードに記載のとおりに入力してください（例: TARO KENSETSU）。",
    pay: "支払う",
    declinedTitle: "お支払いできませんでした",
    cancel: "お支払いをやめて、お申し込みのページに戻る",
    back: "お申し込みのページに戻る",
    challengeNeeded: "本人認証（3Dセキュア）が必要です",
    toChallenge: "本人認証へ進む",
    paidTitle: "このお支払いは完了しています",
    paidBody: "お申し込みのページに戻って、お支払いの状況を確認してください。",
    closedTitle: "このお支払いは受け付けられません",
    closedBody:
      "取り消されたか、期限が切れています。お申し込みのページに戻って、もう一度お支払い手続きをしてください。",
    testCards: "テスト用のカード番号",
    testCardsBody:
      "有効期限は今月以降の月/年、セキュリティコードは任意の3桁、カード名義は任意の文字で入力してください。",
    testCardsCaption: "テスト用のカード番号と結果",
    testCardResult: "結果",
    challengePageTitle: "本人認証（3Dセキュア）（サンドボックス）",
    challengeTitle: "本人認証（3Dセキュア）",
    challengeBody: "カード会社による本人認証のテスト画面です。認証するかどうかを選んでください。",
    cardEnding: "末尾 ",
    approve: "認証する",
    reject: "認証しない",
    // The card form's checks (lib/schemas/sandbox-payment.ts) and the payment no longer payable.
    cardNumberMissing: "カード番号を入力してください。",
    cardNumberDigits: "カード番号は半角数字12〜19桁で入力してください。",
    cardNumberInvalid: "カード番号が正しくありません。カードに記載の番号を確認して入力してください。",
    expiryMissing: "有効期限を入力してください。",
    expiryForm: "有効期限は「月/年」の形で、例えば 12/30 のように入力してください。",
    expiryPast: "有効期限が過ぎています。カードに記載の有効期限を確認して入力してください。",
    cvcMissing: "セキュリティコードを入力してください。",
    cvcDigits: "セキュリティコードは半角数字3桁または4桁で入力してください。",
    cardNameMissing: "カード名義を入力してください。",
    cardNameTooLong: "カード名義は100文字以内で入力してください。",
    cardNameCharacters: "カード名義に使えない文字が含まれています。",
    notPayable:
      "このお支払いは受け付けられません（取り消されたか、期限が切れています）。お申し込みのページに戻って、もう一度お支払い手続きをしてください。",
  },
  en: {
    siteTitle: "Payment service (sandbox)",
    banner: "Test payment page (sandbox)",
    bannerBody:
      "This page imitates a payment service for testing. Nothing is charged or paid. Do not enter a real card number.",
    pageTitle: "Pay by card (sandbox)",
    title: "Pay by card",
    purpose: "Payment for",
    amount: "Amount",
    cardNumber: "Card number",
    cardNumberHint: "Enter the digits (spaces are allowed).",
    expiry: "Expiry date (MM/YY)",
    expiryHint: "The month and year printed on the card, for example 12/30.",
    cvc: "Security code",
    cvcHint: "The 3 digits on the back of the card (4 on the front of some cards).",
    cardName: "Name on card",
    cardNameHint: "As printed on the card (for example TARO KENSETSU).",
    pay: "Pay",
    declinedTitle: "The payment failed",
    cancel: "Cancel the payment and go back to the merchant's page",
    back: "Go back to the merchant's page",
    challengeNeeded: "Authentication (3-D Secure) is needed",
    toChallenge: "Go on to authentication",
    paidTitle: "This payment is complete",
    paidBody: "Go back to the merchant's page to see the payment's status.",
    closedTitle: "This payment cannot be accepted",
    closedBody:
      "It was cancelled or has expired. Go back to the merchant's page and start the payment again.",
    testCards: "Test card numbers",
    testCardsBody:
      "Enter any expiry date from this month on, any 3-digit security code and any name on the card.",
    testCardsCaption: "Test card numbers and what they do",
    testCardResult: "Result",
    challengePageTitle: "Authentication (3-D Secure) (sandbox)",
    challengeTitle: "Authentication (3-D Secure)",
    challengeBody: "This is a test page of the card issuer's authentication. Choose whether to authenticate.",
    cardEnding: "Ending in ",
    approve: "Authenticate",
    reject: "Do not authenticate",
    cardNumberMissing: "Enter the card number.",
    cardNumberDigits: "Enter the card number as 12 to 19 digits.",
    cardNumberInvalid: "The card number is not valid. Check the number on the card and enter it again.",
    expiryMissing: "Enter the expiry date.",
    expiryForm: "Enter the expiry date as month/year, for example 12/30.",
    expiryPast: "The card has expired. Check the expiry date on the card and enter it again.",
    cvcMissing: "Enter the security code.",
    cvcDigits: "Enter the security code as 3 or 4 digits.",
    cardNameMissing: "Enter the name on the card.",
    cardNameTooLong: "Enter the name on the card in 100 characters or fewer.",
    cardNameCharacters: "The name on the card has characters that cannot be used.",
    notPayable:
      "This payment cannot be accepted (it was cancelled or has expired). Go back to the merchant's page and start the payment again.",
  },
} as const satisfies Record<SandboxLanguage, Record<string, string>>;

export type SandboxWords = (typeof WORDS)[SandboxLanguage];

/** The language of the hosted page for what the merchant asked (absent: Japanese, the default). */
export function sandboxLanguage(requested: Locale | string | undefined | null): SandboxLanguage {
  if (!requested || requested === "ja" || requested === "ja-x-easy") return "ja";
  return "en";
}

export function sandboxWords(language: SandboxLanguage): SandboxWords {
  return WORDS[language];
}

/** The provider's reasons in English (Japanese: lib/payments/decline-messages.ts). */
const DECLINES_EN: Record<DeclineCode, string> = {
  card_declined: "Your card was declined. Use another card or contact your card issuer.",
  insufficient_funds: "Your card has insufficient funds. Use another card.",
  expired_card: "Your card has expired. Use a card that has not expired.",
  incorrect_cvc: "Your card's security code is incorrect. Check the digits on the back of the card.",
  incorrect_number: "Your card number is incorrect. Check the number on the card.",
  processing_error:
    "An error occurred while processing your card. Nothing was charged. Try again in a little while.",
  authentication_failed:
    "Your card could not be authenticated (3-D Secure), so the payment failed. Try again or use another card.",
  test_mode_live_card: "Real cards cannot be used on the test payment page. Enter a test card number.",
  generic: "The payment failed. Check what you entered and try again, or use another card.",
};

/** Why a card was declined, as the hosted page says it. */
export function sandboxDeclineMessage(language: SandboxLanguage, code: DeclineCode): string {
  return language === "ja" ? DECLINE_MESSAGES[code] : DECLINES_EN[code];
}

/** An amount of yen as the hosted page writes it: 2,500円 in Japanese, ¥2,500 in English. */
export function sandboxAmount(language: SandboxLanguage, yen: number): string {
  return language === "ja" ? formatYen(yen) : `¥${yen.toLocaleString("en-US")}`;
}

/**
 * The hosted page's address with the language the merchant asked for (none for the default) and any
 * other `params` (?error=…), added to the query the address already has.
 */
export function withSandboxLanguage(
  address: string,
  language: SandboxLanguage,
  params: Record<string, string> = {},
): string {
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(address);
  const url = new URL(address, "http://relative.invalid");
  if (language !== "ja") url.searchParams.set("locale", language);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return absolute ? url.href : `${url.pathname}${url.search}${url.hash}`;
}
