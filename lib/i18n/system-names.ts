// The system's fixed Japanese names (issue 15) that a translated screen keeps beside its
// translation — "Application correction (20_申請の修正)" — because staff, employers and the
// official documents use them. Only these may appear in Japanese in a page of another language
// (tests/unit/i18n-messages.test.ts and the e2e page walk check it). Keep each name exactly as the
// Japanese screens write it; add one here when a translation quotes a new one.
export const SYSTEM_NAMES: readonly string[] = [
  // The system and its accounts
  "建設キャリアアップシステム",
  "申請ログインID",
  "申請用パスワード",
  "ログインID",
  "パスワード",
  "パスワードを忘れた場合",
  "利用申し込み",
  "ログイン画面",
  "ログイン",
  // The applicant menu and the wizard (ccus-guide-section3)
  "100_新規登録",
  "10_登録申請",
  "20_申請の修正",
  "通知",
  "個人情報取扱同意",
  "システム利用規約同意",
  "申請内容登録",
  "申請内容送信",
  "簡略型",
  "詳細型",
  "技能者",
  // The language switcher names Japanese and やさしい日本語 in themselves
  "日本語",
  "やさしい日本語",
  "言語",
];

/** Longest first, so a longer name is taken before a shorter one inside it (申請ログインID before ログインID). */
export const SYSTEM_NAMES_LONGEST_FIRST = [...SYSTEM_NAMES].sort((a, b) => b.length - a.length);

/** The text with every system name taken out (what is left must be in the page's own language). */
export function withoutSystemNames(text: string): string {
  let rest = text;
  for (const name of SYSTEM_NAMES_LONGEST_FIRST) rest = rest.split(name).join(" ");
  return rest;
}
