// 詳細型 › 保有資格（登録基幹技能者を含む）: 資格名, 取得年月日, 番号 (任意), one row a
// qualification. Each row may have an image, the ApplicationFile in the slot qualificationImageSlot(id):
// row ids stay the same while the row is edited, so the image stays attached. Browser-safe.
import {
  MAX_ROWS,
  defineRowGroup,
  rowGroupDraftSchema,
  rowGroupSchema,
  rowImageSlot,
} from "@/lib/schemas/row-group";
import type { RowGroupValues } from "@/lib/schemas/row-group";

/** Field labels as the form and the check-answers page show them (the form adds 「（n件目）」). */
export const QUALIFICATION_LABELS = {
  name: "資格名",
  acquiredOn: "取得年月日",
  number: "番号",
} as const;

export const QUALIFICATION_NAME_MAX = 100;
export const QUALIFICATION_NUMBER_MAX = 40;

const IMAGE_SLOT_PREFIX = "qualification";

/** The ApplicationFile slot of a qualification row's image: "qualification:<row id>". */
export function qualificationImageSlot(rowId: string): string {
  return rowImageSlot(IMAGE_SLOT_PREFIX, rowId);
}

export const QUALIFICATIONS_GROUP = defineRowGroup({
  key: "qualifications",
  rowName: "保有資格",
  maxRows: MAX_ROWS,
  imageSlotPrefix: IMAGE_SLOT_PREFIX,
  fields: {
    name: {
      kind: "text",
      label: QUALIFICATION_LABELS.name,
      max: QUALIFICATION_NAME_MAX,
      hint: "免許・資格・技能講習・登録基幹技能者などの名前。例：玉掛け技能講習",
    },
    acquiredOn: {
      kind: "date",
      label: QUALIFICATION_LABELS.acquiredOn,
      hint: "免許証や修了証に書かれた取得（交付）の日",
    },
    number: {
      kind: "text",
      label: QUALIFICATION_LABELS.number,
      max: QUALIFICATION_NUMBER_MAX,
      isCode: true,
      isOptional: true,
      hint: "免許証や修了証の番号。番号がない場合は空欄のままで構いません。",
    },
  },
  intro: [
    "持っている資格・免許（登録基幹技能者を含む）を、1件ずつ「保有資格を追加」を押して入力してください。資格名と取得年月日を入力します。番号は分かる場合だけ入力してください。",
    "該当がない場合は何も追加せずに「次へ」を押してください。",
  ],
});

export const qualificationsSchema = rowGroupSchema(QUALIFICATIONS_GROUP);
export const qualificationsDraftSchema = rowGroupDraftSchema(QUALIFICATIONS_GROUP);
export type Qualifications = RowGroupValues<keyof typeof QUALIFICATION_LABELS>;
