// The six 詳細型 groups of 申請内容登録 by their key in lib/registration/content-groups.ts.
// Browser-safe: the form looks its group up here, the action checks the key against it.
import { AWARDS_GROUP } from "@/lib/schemas/awards";
import type { RowGroupDefinition } from "@/lib/schemas/row-group";
import { EDUCATION_GROUP } from "@/lib/schemas/education";
import { HEALTH_CHECKS_GROUP } from "@/lib/schemas/health-checks";
import { QUALIFICATIONS_GROUP } from "@/lib/schemas/qualifications";
import { TRAININGS_GROUP } from "@/lib/schemas/trainings";
import { WORKERS_COMP_GROUP } from "@/lib/schemas/workers-comp";

const GROUPS = {
  education: EDUCATION_GROUP,
  "workers-comp": WORKERS_COMP_GROUP,
  "health-checks": HEALTH_CHECKS_GROUP,
  qualifications: QUALIFICATIONS_GROUP,
  trainings: TRAININGS_GROUP,
  awards: AWARDS_GROUP,
} as const;

export type RowGroupKey = keyof typeof GROUPS;

/** The definitions, as generic code uses them. */
export const ROW_GROUPS: Readonly<Record<RowGroupKey, RowGroupDefinition>> = GROUPS;

/** A group's field keys: the columns of its table. */
export type RowGroupFieldKey<G extends RowGroupKey> = keyof (typeof GROUPS)[G]["fields"] & string;

export function isRowGroupKey(key: unknown): key is RowGroupKey {
  return typeof key === "string" && Object.hasOwn(ROW_GROUPS, key);
}
