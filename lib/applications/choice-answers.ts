// 申請内容送信: an answer that is one of a fixed set of choices (性別, 健康保険, 区分 of 学歴, …) in the
// words the form's option uses (issue 15), so that the option a person picked and the answer read
// back match. The check page shows it in the page's language; the stored value, the description
// (lib/applications/application-check.ts) and the Japanese page stay as they are.
import { personalInfoChoiceRef } from "@/lib/schemas/personal-info-fields";
import {
  ROW_GROUP_ANSWERS,
  rowChoiceRef,
  rowGroupRef,
  type RowFieldSpec,
} from "@/lib/schemas/row-group-fields";
import { ROW_GROUPS, isRowGroupKey } from "@/lib/schemas/row-groups";
import { insuranceChoiceRef, type InsuranceField } from "@/lib/schemas/social-insurance-fields";

const INSURANCE_FIELDS: readonly string[] = [
  "healthInsurance",
  "pensionInsurance",
  "employmentInsurance",
] satisfies InsuranceField[];

/** A row's field on the check page: `rows-0-category` → "category". */
const ROW_ITEM = /^rows-\d+-(.+)$/;

/**
 * The form option's words for the answer `value` of the check page's item `itemId` in group
 * `groupKey`, as a reference (lib/i18n/message-ref.ts); null when the answer is not one of the
 * field's choices (typed data, （未入力）, a choice shown as it is such as 血液型 A).
 */
export function choiceAnswerRef(groupKey: string, itemId: string, value: string): string | null {
  if (groupKey === "personal-info") return personalInfoChoiceRef(itemId, value);
  if (groupKey === "social-insurance" && INSURANCE_FIELDS.includes(itemId)) {
    return insuranceChoiceRef(itemId as InsuranceField, value);
  }
  if (!isRowGroupKey(groupKey)) return null;
  const definition = ROW_GROUPS[groupKey];
  if (itemId === "answer" && definition.question) {
    const options = definition.question.options;
    const answer = ROW_GROUP_ANSWERS.find((key) => options[key] === value);
    return answer ? rowGroupRef(definition, `question.${answer}`) : null;
  }
  const key = ROW_ITEM.exec(itemId)?.[1];
  const spec = key ? (definition.fields as Record<string, RowFieldSpec | undefined>)[key] : undefined;
  if (!key || spec?.kind !== "choice" || !spec.choices.includes(value)) return null;
  return rowChoiceRef(definition, key, value);
}
