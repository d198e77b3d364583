// 詳細型 › 健康診断受診履歴: 受診日, 種類, one row a check-up. Browser-safe.
import { MAX_ROWS, defineRowGroup, rowGroupSchema } from "@/lib/schemas/row-group";
import type { RowGroupValues } from "@/lib/schemas/row-group";

/** The choices of 種類, stored as shown. */
export const HEALTH_CHECK_KINDS = ["雇入時健康診断", "定期健康診断", "特殊健康診断", "その他"] as const;
export type HealthCheckKind = (typeof HEALTH_CHECK_KINDS)[number];

/** Field labels as the form and the check-answers page show them (the form adds 「（n件目）」). */
export const HEALTH_CHECK_LABELS = {
  examinedOn: "受診日",
  kind: "種類",
} as const;

export const HEALTH_CHECKS_GROUP = defineRowGroup({
  key: "health-checks",
  rowName: "健康診断",
  maxRows: MAX_ROWS,
  fields: {
    examinedOn: { kind: "date", label: HEALTH_CHECK_LABELS.examinedOn, hint: "健康診断を受けた日" },
    kind: { kind: "choice", label: HEALTH_CHECK_LABELS.kind, choices: HEALTH_CHECK_KINDS },
  },
  intro: [
    "受けた健康診断を、1回ずつ「健康診断を追加」を押して入力してください。受診日と種類を入力します。",
    "該当がない場合は何も追加せずに「次へ」を押してください。",
  ],
});

export const healthChecksSchema = rowGroupSchema(HEALTH_CHECKS_GROUP);
export type HealthChecks = RowGroupValues<keyof typeof HEALTH_CHECK_LABELS>;
