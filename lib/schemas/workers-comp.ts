// 詳細型 › 労災保険特別加入: 特別加入の有無 first (stored in ApplicationGroupState.answer as
// "yes" / "no"); for 加入している at least one 団体名 + 加入年月日. Browser-safe.
import { MAX_ROWS, defineRowGroup, rowGroupDraftSchema, rowGroupSchema } from "@/lib/schemas/row-group";
import type { RowGroupAnswer, RowGroupValues } from "@/lib/schemas/row-group";

/** The option texts of 特別加入の有無. */
export const WORKERS_COMP_ANSWER_LABELS: Readonly<Record<RowGroupAnswer, string>> = {
  yes: "加入している",
  no: "加入していない",
};

/** Labels as the form and the check-answers page show them (the form adds 「（n件目）」 to rows). */
export const WORKERS_COMP_LABELS = {
  answer: "特別加入の有無",
  groupName: "団体名",
  joinedOn: "加入年月日",
} as const;

export const WORKERS_COMP_GROUP_NAME_MAX = 100;

export const WORKERS_COMP_GROUP = defineRowGroup({
  key: "workers-comp",
  rowName: "加入団体",
  maxRows: MAX_ROWS,
  question: {
    label: WORKERS_COMP_LABELS.answer,
    options: WORKERS_COMP_ANSWER_LABELS,
    hint: "一人親方や中小事業主の方などが、労災保険に特別加入しているかどうか",
  },
  fields: {
    groupName: {
      kind: "text",
      label: WORKERS_COMP_LABELS.groupName,
      max: WORKERS_COMP_GROUP_NAME_MAX,
      hint: "特別加入の手続きをした団体（特別加入団体）の名前",
    },
    joinedOn: {
      kind: "date",
      label: WORKERS_COMP_LABELS.joinedOn,
      hint: "特別加入が認められた日。加入者証などで確かめられます。",
    },
  },
  intro: [
    "労災保険に特別加入している方は「加入している」を選び、特別加入団体ごとに団体名と加入年月日を入力してください。",
    "加入していない場合は「加入していない」を選んで、何も追加せずに「次へ」を押してください。",
  ],
});

export const workersCompSchema = rowGroupSchema(WORKERS_COMP_GROUP);
export const workersCompDraftSchema = rowGroupDraftSchema(WORKERS_COMP_GROUP);
export type WorkersComp = RowGroupValues<Exclude<keyof typeof WORKERS_COMP_LABELS, "answer">>;
