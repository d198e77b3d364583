// The 社会保険 page's choices, fields, labels and messages: what the browser form needs on first
// load. No zod here (lib/schemas/social-insurance.ts holds the schemas and re-exports all of this).
import { messageRef } from "@/lib/i18n/message-ref";

export const HEALTH_INSURANCE_KINDS = [
  "健康保険組合",
  "協会けんぽ",
  "建設国保",
  "国民健康保険",
  "適用除外",
] as const;
export type HealthInsuranceKind = (typeof HEALTH_INSURANCE_KINDS)[number];

export const PENSION_KINDS = ["厚生年金", "国民年金", "受給者"] as const;
export type PensionKind = (typeof PENSION_KINDS)[number];

export const EMPLOYMENT_INSURANCE_KINDS = ["被保険者", "日雇保険", "適用除外"] as const;
export type EmploymentInsuranceKind = (typeof EMPLOYMENT_INSURANCE_KINDS)[number];

/** 建退共 / 中退共: 加入 / 未加入. */
export const KYOSAI_STATUSES = ["joined", "not-joined"] as const;
export type KyosaiStatus = (typeof KYOSAI_STATUSES)[number];

/** The option texts of 建退共 and 中退共, in KYOSAI_STATUSES order. */
export const KYOSAI_STATUS_LABELS: Record<KyosaiStatus, string> = {
  joined: "加入",
  "not-joined": "未加入",
};

/** The option words of 健康保険, 年金保険 and 雇用保険 (socialInsurance.options.<key>) by stored value. */
const INSURANCE_OPTION_KEYS = {
  健康保険組合: "healthSociety",
  協会けんぽ: "kyokaiKenpo",
  建設国保: "kensetsuKokuho",
  国民健康保険: "nationalHealth",
  厚生年金: "koseiNenkin",
  国民年金: "kokuminNenkin",
  受給者: "pensioner",
  被保険者: "insured",
  日雇保険: "dayLaborer",
} as const;

export type InsuranceField = "healthInsurance" | "pensionInsurance" | "employmentInsurance";

/**
 * An option of 健康保険, 年金保険 or 雇用保険 as a reference to its words (the form's option and the
 * check page's answer); null for a value that is not one of the options. 「適用除外」 names its
 * question, so two radios on one page never share a name.
 */
export function insuranceChoiceRef(field: InsuranceField, value: string): string | null {
  if (value === "適用除外") {
    return messageRef("socialInsurance.options.exempt", {
      group: messageRef(`socialInsurance.labels.${field}`),
    });
  }
  if (!Object.hasOwn(INSURANCE_OPTION_KEYS, value)) return null;
  const key = INSURANCE_OPTION_KEYS[value as keyof typeof INSURANCE_OPTION_KEYS];
  return messageRef(`socialInsurance.options.${key}`);
}

/** The page's fields in form order (the form's, the action's and the stored row's keys). */
export const SOCIAL_INSURANCE_FIELDS = [
  "healthInsurance",
  "pensionInsurance",
  "employmentInsurance",
  "employmentInsuranceNumber",
  "kentaikyo",
  "kentaikyoNumber",
  "chutaikyo",
] as const;

/** Field labels as the form and the check-answers page show them; messages use the same words. */
export const SOCIAL_INSURANCE_LABELS = {
  healthInsurance: "健康保険",
  pensionInsurance: "年金保険",
  employmentInsurance: "雇用保険",
  employmentInsuranceNumber: "雇用保険の被保険者番号",
  kentaikyo: "建退共",
  kentaikyoNumber: "建退共の被共済者番号",
  chutaikyo: "中退共",
  healthInsuranceProof: "健康保険の証明書類",
} as const;

/** The form field name of the picked 健康保険の証明書類 (stored in the slot health-insurance-proof). */
export const HEALTH_INSURANCE_PROOF_FIELD = "healthInsuranceProof";

/** On 次へ an image proving the 健康保険 is needed, except for 適用除外. */
export function isHealthInsuranceProofRequired(healthInsurance: string | null | undefined): boolean {
  return healthInsurance !== "適用除外";
}

export const KENTAIKYO_NUMBER_MAX_DIGITS = 11;

/** References into messages/<language>/socialInsurance.json (issue 15), put into words where shown. */
export const SOCIAL_INSURANCE_MESSAGES = {
  healthInsuranceRequired: messageRef("socialInsurance.validation.healthInsuranceRequired"),
  healthInsuranceInvalid: messageRef("socialInsurance.validation.healthInsuranceInvalid"),
  pensionInsuranceRequired: messageRef("socialInsurance.validation.pensionInsuranceRequired"),
  pensionInsuranceInvalid: messageRef("socialInsurance.validation.pensionInsuranceInvalid"),
  employmentInsuranceRequired: messageRef("socialInsurance.validation.employmentInsuranceRequired"),
  employmentInsuranceInvalid: messageRef("socialInsurance.validation.employmentInsuranceInvalid"),
  employmentInsuranceNumberRequired: messageRef(
    "socialInsurance.validation.employmentInsuranceNumberRequired",
  ),
  employmentInsuranceNumberInvalid: messageRef("socialInsurance.validation.employmentInsuranceNumberInvalid"),
  kentaikyoRequired: messageRef("socialInsurance.validation.kentaikyoRequired"),
  kentaikyoNumberRequired: messageRef("socialInsurance.validation.kentaikyoNumberRequired"),
  kentaikyoNumberInvalid: messageRef("socialInsurance.validation.kentaikyoNumberInvalid", {
    max: KENTAIKYO_NUMBER_MAX_DIGITS,
  }),
  chutaikyoRequired: messageRef("socialInsurance.validation.chutaikyoRequired"),
  healthInsuranceProofRequired: messageRef("socialInsurance.validation.healthInsuranceProofRequired"),
} as const;

/**
 * On 次へ only the answer that asks for the number requires it; a draft checks a number that is
 * filled in unless another answer is chosen. The schema checks by these; the form shows each
 * number field by them ("submit").
 */
function numberApplies(chosen: string | undefined, asking: string, mode: "submit" | "draft"): boolean {
  return mode === "submit" ? chosen === asking : chosen === undefined || chosen === asking;
}

/** 雇用保険被保険者番号: asked for by 被保険者. */
export const employmentInsuranceNumberApplies = (chosen: string | undefined, mode: "submit" | "draft") =>
  numberApplies(chosen, "被保険者", mode);

/** 建退共 被共済者番号: asked for by 加入. */
export const kentaikyoNumberApplies = (chosen: string | undefined, mode: "submit" | "draft") =>
  numberApplies(chosen, "joined", mode);
