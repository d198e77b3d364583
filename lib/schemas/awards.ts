// 詳細型 › 表彰履歴: 表彰名, 表彰日, 表彰者, one row an award. Browser-safe.
import { MAX_ROWS, defineRowGroup, rowGroupSchema } from "@/lib/schemas/row-group";
import type { RowGroupValues } from "@/lib/schemas/row-group";

/** Field labels as the form and the check-answers page show them (the form adds 「（n件目）」). */
export const AWARD_LABELS = {
  name: "表彰名",
  awardedOn: "表彰日",
  awardedBy: "表彰者",
} as const;

export const AWARD_TEXT_MAX = 100;

export const AWARDS_GROUP = defineRowGroup({
  key: "awards",
  rowName: "表彰",
  maxRows: MAX_ROWS,
  fields: {
    name: { kind: "text", label: AWARD_LABELS.name, max: AWARD_TEXT_MAX, hint: "表彰状に書かれた表彰の名前" },
    awardedOn: { kind: "date", label: AWARD_LABELS.awardedOn, hint: "表彰を受けた日" },
    awardedBy: {
      kind: "text",
      label: AWARD_LABELS.awardedBy,
      max: AWARD_TEXT_MAX,
      hint: "表彰した団体・役所・会社などの名前",
    },
  },
  intro: [
    "受けた表彰を、1件ずつ「表彰を追加」を押して入力してください。表彰名・表彰日・表彰者を入力します。",
    "該当がない場合は何も追加せずに「次へ」を押してください。",
  ],
});

export const awardsSchema = rowGroupSchema(AWARDS_GROUP);
export type Awards = RowGroupValues<keyof typeof AWARD_LABELS>;
