// The system's fixed Japanese names (issue 15) that a translated screen keeps beside its
// translation — "Application correction (20_申請の修正)" — because staff, employers and the
// official documents use them. Only these may appear in Japanese in a page of another language
// (tests/unit/i18n-messages.test.ts and the e2e page walk check it). Keep each name exactly as the
// Japanese screens write it; add one here when a translation quotes a new one.
import { officialReferenceNames } from "../reference/official-names";
import type { Locale } from "./locales";

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
  // 申請内容送信, 申請完了, 20_申請の修正, 通知: the groups, statuses, documents and pages they name
  "本人情報",
  "本人確認書類",
  "顔写真",
  "所属事業者情報",
  "職種",
  "社会保険・建退共・中退共",
  "社会保険",
  "建退共",
  "中退共",
  "学歴",
  "労災保険特別加入",
  "健康診断受診履歴",
  "保有資格（登録基幹技能者を含む）",
  "保有資格",
  "研修受講履歴",
  "表彰履歴",
  "一人親方",
  "マイナンバーカード",
  "運転免許証",
  "パスポート＋住民票",
  "パスポート",
  "住民票",
  "本籍",
  "在留カード",
  "特別永住者証明書",
  "簡略型登録",
  "詳細型登録",
  "入力中",
  "申請中",
  "不備",
  "再申請",
  "登録完了",
  "取下げ",
  "支払待ち",
  "支払済み",
  "期限切れ",
  "返金済み",
  "取消",
  "申請完了",
  "申請番号",
  "技能者ID",
  "登録料のお支払い",
  "申請の取下げ",
  // 登録料のお支払い, 申請の取下げ, 詳細型への移行: terms of the fee, its statuses and the
  // application's, the receipt, and what the convenience stores' registers and machines show
  "登録料",
  "コンビニ払い",
  "払込票",
  "払込票番号",
  "受付番号",
  "確認番号",
  "オンライン決済番号",
  "申込券",
  "各種番号をお持ちの方",
  "代金支払い",
  "番号入力",
  "インターネット代金の支払い",
  "インターネット支払い",
  "オンライン決済",
  "取下げ",
  "領収書",
  "申請番号",
  "支払期限",
  "支払待ち",
  "支払済み",
  "期限切れ",
  "返金済み",
  "取消",
  "入力中",
  "申請中",
  "不備",
  "再申請",
  "登録完了",
  "申請完了",
  "簡略型登録",
  "詳細型登録",
  "技能者ID",
  // The language switcher names Japanese and やさしい日本語 in themselves
  "日本語",
  "やさしい日本語",
  "言語",
];

/** Longest first, so a longer name is taken before a shorter one inside it (申請ログインID before ログインID). */
export const SYSTEM_NAMES_LONGEST_FIRST = [...SYSTEM_NAMES].sort((a, b) => b.length - a.length);

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let officialNames: ReadonlySet<string> | undefined;
const officialBeside = new Map<string, RegExp>();

/**
 * The official names in brackets right after a translation, as joinNameParts writes them: " (東京都)"
 * after a word, Chinese "（東京都）" (either, for a text whose language is not given).
 */
function officialBesidePattern(locale: Locale | undefined): RegExp {
  const key = locale === "zh-Hans" ? "zh" : locale === undefined ? "any" : "other";
  let pattern = officialBeside.get(key);
  if (!pattern) {
    const names = [...officialNames!]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|");
    const halfWidth = `(?<=[^\\s(（]) \\((?:${names})\\)`;
    const fullWidth = `(?<=[^\\s(（])（(?:${names})）`;
    const forms = key === "zh" ? [fullWidth] : key === "other" ? [halfWidth] : [halfWidth, fullWidth];
    officialBeside.set(key, (pattern = new RegExp(forms.join("|"), "gu")));
  }
  return pattern;
}

/** Where a text sits in the page: its language, and whether it is the whole text of an <option>/<optgroup>. */
export interface TextPlace {
  locale?: Locale;
  wholeOption?: boolean;
}

/**
 * The text with every system name taken out (what is left must be in the page's own language).
 * The official names of the reference lists (都道府県, 在留資格, 職種: lib/reference/official-names.ts)
 * are taken out only where a translated page shows them (lib/reference/translated-name.ts): as the
 * Japanese in brackets right after the translation — "Tokyo (東京都)", Chinese "东京都（東京都）", the
 * 職種 options "09 Electrical worker (電工) ／ 01 Electrician (電気工)" — or, in Chinese, which writes
 * some names with the same characters (no kana), as the whole text of an <option>/<optgroup>
 * ("北海道"). The
 * same words anywhere else (a bare 技能 or 永住者 in a sentence) are Japanese left untranslated.
 */
export function withoutSystemNames(text: string, place: TextPlace = {}): string {
  officialNames ??= new Set(officialReferenceNames());
  if (place.wholeOption && place.locale === "zh-Hans" && officialNames.has(text.trim()) && !KANA.test(text))
    return "";
  let rest = text.replace(officialBesidePattern(place.locale), " ");
  for (const name of SYSTEM_NAMES_LONGEST_FIRST) rest = rest.split(name).join(" ");
  return rest;
}
