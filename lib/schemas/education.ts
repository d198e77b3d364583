// 詳細型 › 学歴: 区分, 学校名, 卒業年月, one row a school. Browser-safe.
import { MAX_ROWS, defineRowGroup, rowGroupDraftSchema, rowGroupSchema } from "@/lib/schemas/row-group";
import type { RowGroupValues } from "@/lib/schemas/row-group";

/** The choices of 区分, stored as shown. */
export const EDUCATION_CATEGORIES = [
  "中学校",
  "高等学校",
  "高等専門学校",
  "専修学校・各種学校",
  "短期大学",
  "大学",
  "大学院",
  "職業能力開発校",
  "その他",
] as const;
export type EducationCategory = (typeof EDUCATION_CATEGORIES)[number];

/** Field labels as the form and the check-answers page show them (the form adds 「（n件目）」). */
export const EDUCATION_LABELS = {
  category: "区分",
  schoolName: "学校名",
  graduatedMonth: "卒業年月",
} as const;

export const SCHOOL_NAME_MAX = 100;

export const EDUCATION_GROUP = defineRowGroup({
  key: "education",
  rowName: "学歴",
  maxRows: MAX_ROWS,
  fields: {
    category: { kind: "choice", label: EDUCATION_LABELS.category, choices: EDUCATION_CATEGORIES },
    schoolName: {
      kind: "text",
      label: EDUCATION_LABELS.schoolName,
      max: SCHOOL_NAME_MAX,
      hint: "学部・学科まで書く必要はありません。",
    },
    graduatedMonth: {
      kind: "month",
      label: EDUCATION_LABELS.graduatedMonth,
      hint: "卒業（修了）した年と月。例：2010年3月",
    },
  },
  intro: [
    "卒業した学校を、1校ずつ「学歴を追加」を押して入力してください。区分・学校名・卒業年月を入力します。",
    "該当がない場合は何も追加せずに「次へ」を押してください。",
  ],
});

export const educationSchema = rowGroupSchema(EDUCATION_GROUP);
export const educationDraftSchema = rowGroupDraftSchema(EDUCATION_GROUP);
export type Education = RowGroupValues<keyof typeof EDUCATION_LABELS>;
