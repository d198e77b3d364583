// 氏名 of an applicant as staff issue it (発行する, 一括発行) and as 利用申し込み takes it. The name is
// printed in the greeting of official CCUS mail, so only name characters are accepted: letters of
// any script (kanji, kana, Latin …), spaces, 「・」「ー」「々」「〇」, a hyphen and an apostrophe
// (Mary-Jane O'Neil). No digits, no 「@」「.」「:」「/」 (so no URL or address), no symbols, no
// invisible control characters.
// Browser-safe: the same schema runs in the form and in the action.
import { z } from "zod";

export const APPLICANT_NAME_MAX = 100;

export const APPLICANT_NAME_MESSAGES = {
  required: "氏名を入力してください。",
  tooLong: `氏名は${APPLICANT_NAME_MAX}文字以内で入力してください。`,
} as const;

/** One character that may stand in a name. \p{L} covers kanji, kana, ー, 々 and Latin letters. */
const NAME_CHARACTER = /^[\p{L}\p{M} ・･〇'’-]$/u;
/** Control, format (zero-width, bidi), private-use and unassigned characters: nothing to quote. */
const INVISIBLE = /^\p{C}$/u;

function describeRefused(refused: readonly string[]): string {
  const visible = [...new Set(refused.filter((ch) => !INVISIBLE.test(ch)))];
  const parts = visible.slice(0, 5).map((ch) => `「${ch}」`);
  if (visible.length > 5) parts.push("など");
  const hasInvisible = refused.some((ch) => INVISIBLE.test(ch));
  if (hasInvisible) parts.push(`${parts.length > 0 ? "と" : ""}目に見えない制御文字`);
  return parts.join("");
}

/** The message for a name with characters it may not have (undefined when every one is fine). */
export function applicantNameProblem(name: string): string | undefined {
  const refused = Array.from(name).filter((ch) => !NAME_CHARACTER.test(ch));
  if (refused.length === 0) return undefined;
  const hasDigit = refused.some((ch) => /^\p{N}$/u.test(ch));
  return (
    `氏名に${describeRefused(refused)}は使えません。` +
    `${hasDigit ? "数字や記号を除いて、" : "記号を除いて、"}漢字・ひらがな・カタカナ・アルファベットで入力してください。` +
    "（使える記号は、スペース、「・」「ー」「々」、ハイフン「-」、アポストロフィ「'」だけです）"
  );
}

/**
 * NFC (not NFKC, which would rewrite 異体字 such as 髙 and 﨑), every run of white space (tabs and
 * line breaks included) made one half-width space, trimmed; then required, at most 100
 * characters, and name characters only.
 */
export const applicantNameSchema = z
  .string()
  .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, APPLICANT_NAME_MESSAGES.required)
      .max(APPLICANT_NAME_MAX, APPLICANT_NAME_MESSAGES.tooLong)
      .superRefine((value, ctx) => {
        const message = value === "" ? undefined : applicantNameProblem(value);
        if (message) ctx.addIssue({ code: "custom", message, input: value });
      }),
  );
