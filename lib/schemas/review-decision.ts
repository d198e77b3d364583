// 不備: the reasons staff pick (a list kept as data, data/return-reasons.csv) and a comment for
// each. One schema for the browser form and the server action; the reason list is passed in,
// because it is data the operator may replace.
import { z } from "zod";

export const REVIEW_COMMENT_MAX = 500;

/** A reason's checkbox and comment fields (flat names: the same with or without JavaScript). */
export const reasonFieldName = (code: string) => `reason_${code}`;
export const commentFieldName = (code: string) => `comment_${code}`;
/** Where the "pick at least one" message is shown: the reason list's fieldset. */
export const REASONS_FIELD = "reasons";

export const REVIEW_MESSAGES = {
  noReason: "不備の理由を1つ以上選んでください。",
  commentRequired: (label: string) => `「${label}」について、申請者に伝えるコメントを入力してください。`,
  commentTooLong: (label: string) =>
    `「${label}」のコメントは${REVIEW_COMMENT_MAX}文字以内で入力してください。`,
} as const;

export interface ReasonOption {
  code: string;
  label: string;
}

export interface ReturnItemInput {
  reasonCode: string;
  comment: string;
}

/** A checkbox posts "on" without JavaScript and true (or its value) through react-hook-form. */
function isChecked(value: unknown): boolean {
  return value === true || value === "on";
}

function text(value: unknown): string {
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

export function returnDecisionSchema(reasons: readonly ReasonOption[]) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((values, ctx) => {
      const picked = reasons.filter((reason) => isChecked(values[reasonFieldName(reason.code)]));
      if (picked.length === 0) {
        ctx.addIssue({ code: "custom", path: [REASONS_FIELD], message: REVIEW_MESSAGES.noReason });
      }
      for (const reason of picked) {
        const comment = text(values[commentFieldName(reason.code)]);
        if (comment === "") {
          ctx.addIssue({
            code: "custom",
            path: [commentFieldName(reason.code)],
            message: REVIEW_MESSAGES.commentRequired(reason.label),
          });
        } else if ([...comment].length > REVIEW_COMMENT_MAX) {
          ctx.addIssue({
            code: "custom",
            path: [commentFieldName(reason.code)],
            message: REVIEW_MESSAGES.commentTooLong(reason.label),
          });
        }
      }
    })
    .transform((values): { items: ReturnItemInput[] } => ({
      items: reasons
        .filter((reason) => isChecked(values[reasonFieldName(reason.code)]))
        .map((reason) => ({
          reasonCode: reason.code,
          comment: text(values[commentFieldName(reason.code)]),
        })),
    }));
}
