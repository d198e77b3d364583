// 詳細型 › 研修受講履歴: 研修名, 受講日, 実施機関, one row a course. Browser-safe.
import { MAX_ROWS, defineRowGroup, rowGroupSchema } from "@/lib/schemas/row-group";
import type { RowGroupValues } from "@/lib/schemas/row-group";

/** Field labels as the form and the check-answers page show them (the form adds 「（n件目）」). */
export const TRAINING_LABELS = {
  name: "研修名",
  attendedOn: "受講日",
  provider: "実施機関",
} as const;

export const TRAINING_TEXT_MAX = 100;

export const TRAININGS_GROUP = defineRowGroup({
  key: "trainings",
  rowName: "研修",
  maxRows: MAX_ROWS,
  fields: {
    name: { kind: "text", label: TRAINING_LABELS.name, max: TRAINING_TEXT_MAX },
    attendedOn: {
      kind: "date",
      label: TRAINING_LABELS.attendedOn,
      hint: "研修を受けた日。何日かに分かれた研修は最後の日",
    },
    provider: {
      kind: "text",
      label: TRAINING_LABELS.provider,
      max: TRAINING_TEXT_MAX,
      hint: "研修を行った団体や会社の名前",
    },
  },
  intro: [
    "受けた研修を、1件ずつ「研修を追加」を押して入力してください。研修名・受講日・実施機関を入力します。",
    "該当がない場合は何も追加せずに「次へ」を押してください。",
  ],
});

export const trainingsSchema = rowGroupSchema(TRAININGS_GROUP);
export type Trainings = RowGroupValues<keyof typeof TRAINING_LABELS>;
