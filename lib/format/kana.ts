// Katakana helpers for フリガナ: what the user typed in hiragana or half-width kana becomes
// full-width katakana, so the form can accept it instead of refusing it.
// Pure string functions: used by the zod schemas in the browser and on the server alike.

const HIRAGANA_TO_KATAKANA_OFFSET = 0x60;

/**
 * A run of half-width katakana (U+FF61–U+FF9F, incl. ｰ ﾞ ﾟ), with the full-width kana before it if
 * any, so that "カﾞ" composes to "ガ" as well as "ｶﾞ" does.
 */
const HALF_WIDTH_KANA_RUN = /[\u3041-\u3096\u30A1-\u30FA]?[\uFF61-\uFF9F]+/g;

/** A kana followed by a combining (in)voiced sound mark, as NFD text (e.g. from macOS) has it. */
const KANA_WITH_COMBINING_MARK = /[\u3041-\u3096\u30A1-\u30FA][\u3099\u309A]/g;

/** ぁ–ゖ and ゝゞ. */
const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;

/**
 * Hiragana → katakana (ぁ–ゖ → ァ–ヶ, ゝゞ → ヽヾ) and half-width katakana → full-width
 * (ｶﾞ → ガ, ﾊﾟ → パ, ｳﾞ → ヴ, ｰ → ー). Everything else is left alone: NFKC is applied only to the
 * half-width kana, so full-width spaces, kanji variants and Latin letters keep their form.
 */
export function toFullWidthKatakana(value: string): string {
  return value
    .replace(HALF_WIDTH_KANA_RUN, (run) => run.normalize("NFKC"))
    .replace(KANA_WITH_COMBINING_MARK, (pair) => pair.normalize("NFC"))
    .replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + HIRAGANA_TO_KATAKANA_OFFSET));
}

/**
 * Only full-width katakana: ァ–ヶ (which holds the small kana and ヴ), the long vowel mark ー and
 * the middle dot ・. Not empty. Spaces, iteration marks (ヽヾ) and ヷ–ヺ are refused.
 */
export function isFullWidthKatakana(value: string): boolean {
  return /^[\u30A1-\u30F6\u30FB\u30FC]+$/.test(value);
}
