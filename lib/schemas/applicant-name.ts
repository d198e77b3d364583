// 氏名 of an applicant as staff issue it (発行する, 一括発行) and as 利用申し込み takes it. The name is
// printed in the greeting of official CCUS mail, so only name characters are accepted: letters of
// any script (kanji, kana, Latin …), spaces, 「・」「ー」「々」「〇」, a hyphen and an apostrophe
// (Mary-Jane O'Neil). No digits, no 「@」「.」「:」「/」 (so no URL or address), no symbols, no
// invisible control characters.
// Messages are references into messages/<language>/applicantName.json (issue 15); the staff area's
// schema (staffApplicantNameSchema) says the same in Japanese, as its forms and the bulk-issue
// report show it.
// Browser-safe: the same schema runs in the form and in the action.
import { z } from "zod";
import { createTranslator } from "next-intl";
import { messageRef, messageText, type Translate } from "@/lib/i18n/message-ref";
import applicantName from "@/messages/ja/applicantName.json";

export const APPLICANT_NAME_MAX = 100;

export const APPLICANT_NAME_MESSAGES = {
  required: messageRef("applicantName.required"),
  tooLong: messageRef("applicantName.tooLong", { max: APPLICANT_NAME_MAX }),
} as const;

/** One character that may stand in a name. \p{L} covers kanji, kana, ー, 々 and Latin letters. */
const NAME_CHARACTER = /^[\p{L}\p{M} ・･〇'’-]$/u;
/** Control, format (zero-width, bidi), private-use and unassigned characters: nothing to quote. */
const INVISIBLE = /^\p{C}$/u;

/** The message for a name with characters it may not have (undefined when every one is fine). */
export function applicantNameProblem(name: string): string | undefined {
  const refused = Array.from(name).filter((ch) => !NAME_CHARACTER.test(ch));
  if (refused.length === 0) return undefined;
  const visible = [...new Set(refused.filter((ch) => !INVISIBLE.test(ch)))];
  const hasInvisible = refused.some((ch) => INVISIBLE.test(ch));
  const kind = visible.length === 0 ? "invisible" : hasInvisible ? "both" : "visible";
  return messageRef("applicantName.invalidCharacters", {
    kind,
    characters: visible
      .slice(0, 5)
      .map((ch) => `「${ch}」`)
      .join(""),
    more: visible.length > 5 ? "yes" : "no",
    digit: refused.some((ch) => /^\p{N}$/u.test(ch)) ? "yes" : "no",
  });
}

/**
 * NFC (not NFKC, which would rewrite 異体字 such as 髙 and 﨑), every run of white space (tabs and
 * line breaks included) made one half-width space, trimmed; then required, at most 100
 * characters, and name characters only. `say` words the messages (references by default).
 */
function makeApplicantNameSchema(say: (message: string) => string) {
  return z
    .string()
    .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, say(APPLICANT_NAME_MESSAGES.required))
        .max(APPLICANT_NAME_MAX, say(APPLICANT_NAME_MESSAGES.tooLong))
        .superRefine((value, ctx) => {
          const message = value === "" ? undefined : applicantNameProblem(value);
          if (message) ctx.addIssue({ code: "custom", message: say(message), input: value });
        }),
    );
}

/** 利用申し込み (the applicant's own form): messages in the page's language. */
export const applicantNameSchema = makeApplicantNameSchema((message) => message);

const japanese = createTranslator({
  locale: "ja",
  messages: { applicantName },
}) as unknown as Translate;

/** 発行する and 一括発行 (the staff area, Japanese only): the same rule, its messages in Japanese. */
export const staffApplicantNameSchema = makeApplicantNameSchema((message) => messageText(japanese, message));
