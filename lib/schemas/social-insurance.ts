// The 社会保険 page of 申請内容登録: 健康保険, 年金保険, 雇用保険, 建退共 and 中退共 on one
// page. One schema for the browser form and the server action, plus a lenient draft schema for
// 一時保存. Browser-safe: no node-only imports.
import { z } from "zod";
import { choiceSchema, halfWidthDigits } from "@/lib/schemas/normalize";
import { addFieldIssues, parseInto, requiredOnSubmit, type FieldIssue, type Mode } from "@/lib/schemas/mode";
import {
  EMPLOYMENT_INSURANCE_KINDS,
  HEALTH_INSURANCE_KINDS,
  KENTAIKYO_NUMBER_MAX_DIGITS,
  KYOSAI_STATUSES,
  PENSION_KINDS,
  SOCIAL_INSURANCE_MESSAGES,
  type EmploymentInsuranceKind,
  type HealthInsuranceKind,
  type KyosaiStatus,
  type PensionKind,
  employmentInsuranceNumberApplies,
  kentaikyoNumberApplies,
} from "@/lib/schemas/social-insurance-fields";

export * from "@/lib/schemas/social-insurance-fields";
const M = SOCIAL_INSURANCE_MESSAGES;

// ---------------------------------------------------------------------------------------------
// Field schemas

function healthInsuranceSchema() {
  return choiceSchema(HEALTH_INSURANCE_KINDS, {
    required: M.healthInsuranceRequired,
    invalid: M.healthInsuranceInvalid,
  });
}

function pensionInsuranceSchema() {
  return choiceSchema(PENSION_KINDS, {
    required: M.pensionInsuranceRequired,
    invalid: M.pensionInsuranceInvalid,
  });
}

function employmentInsuranceSchema() {
  return choiceSchema(EMPLOYMENT_INSURANCE_KINDS, {
    required: M.employmentInsuranceRequired,
    invalid: M.employmentInsuranceInvalid,
  });
}

function kentaikyoSchema() {
  return choiceSchema(KYOSAI_STATUSES, { required: M.kentaikyoRequired, invalid: M.kentaikyoRequired });
}

function chutaikyoSchema() {
  return choiceSchema(KYOSAI_STATUSES, { required: M.chutaikyoRequired, invalid: M.chutaikyoRequired });
}

/** Half-width digits with spaces and hyphen-like characters removed. */
function digitsOnly(value: string | null | undefined): string {
  return halfWidthDigits(value ?? "").replace(/[\s-]/g, "");
}

/**
 * 雇用保険の被保険者番号: "1234-567890-1", "12345678901", "１２３４－５６７８９０－１",
 * "1234 567890 1" → "1234-567890-1".
 */
export const employmentInsuranceNumberSchema = z
  .string()
  .nullish()
  .transform(digitsOnly)
  .pipe(
    z
      .string()
      .min(1, { error: M.employmentInsuranceNumberRequired })
      .refine((v) => v === "" || /^[0-9]{11}$/.test(v), {
        error: M.employmentInsuranceNumberInvalid,
      }),
  )
  .transform((v) => `${v.slice(0, 4)}-${v.slice(4, 10)}-${v.slice(10)}`);

/** 建退共の被共済者番号: digits only (full-width, spaces and hyphens allowed on input), 1–11 digits. */
export const kentaikyoNumberSchema = z
  .string()
  .nullish()
  .transform(digitsOnly)
  .pipe(
    z
      .string()
      .min(1, { error: M.kentaikyoNumberRequired })
      .refine((v) => v === "" || new RegExp(`^[0-9]{1,${KENTAIKYO_NUMBER_MAX_DIGITS}}$`).test(v), {
        error: M.kentaikyoNumberInvalid,
      }),
  );

// ---------------------------------------------------------------------------------------------
// Numbers asked only for one answer (被保険者, 建退共 加入): validated and kept only then, so that a
// number left in a hidden field neither blocks the form nor gets stored.

export const CONDITIONAL_KEYS = ["employmentInsuranceNumber", "kentaikyoNumber"] as const;
type ConditionalKey = (typeof CONDITIONAL_KEYS)[number];
type ConditionalFields = { employmentInsuranceNumber?: string; kentaikyoNumber?: string };

type RawInput = {
  employmentInsurance?: string | undefined;
  kentaikyo?: string | undefined;
} & Partial<Record<ConditionalKey, string | null | undefined>>;

function parseConditionalFields(
  value: RawInput,
  mode: Mode,
): { data: ConditionalFields; issues: FieldIssue[] } {
  const data: ConditionalFields = {};
  const issues: FieldIssue[] = [];
  const read = (key: ConditionalKey, schema: z.ZodType<string, string | null | undefined>) => {
    const number = parseInto(requiredOnSubmit(mode, schema), value[key], [key], issues);
    if (number !== undefined) data[key] = number;
  };
  if (employmentInsuranceNumberApplies(value.employmentInsurance, mode)) {
    read("employmentInsuranceNumber", employmentInsuranceNumberSchema);
  }
  if (kentaikyoNumberApplies(value.kentaikyo, mode)) read("kentaikyoNumber", kentaikyoNumberSchema);
  return { data, issues };
}

// ---------------------------------------------------------------------------------------------
// The page schemas

/** 社会保険 as saved with 次へ: each number present exactly when its answer asks for it. */
export type SocialInsurance = {
  healthInsurance: HealthInsuranceKind;
  pensionInsurance: PensionKind;
  chutaikyo: KyosaiStatus;
} & (
  | { employmentInsurance: "被保険者"; employmentInsuranceNumber: string }
  | { employmentInsurance: Exclude<EmploymentInsuranceKind, "被保険者"> }
) &
  ({ kentaikyo: "joined"; kentaikyoNumber: string } | { kentaikyo: "not-joined" });

/** 社会保険 as saved with 一時保存: anything may be missing. */
export type SocialInsuranceDraft = {
  healthInsurance?: HealthInsuranceKind;
  pensionInsurance?: PensionKind;
  employmentInsurance?: EmploymentInsuranceKind;
  employmentInsuranceNumber?: string;
  kentaikyo?: KyosaiStatus;
  kentaikyoNumber?: string;
  chutaikyo?: KyosaiStatus;
};

/** The page's fields and their checks in either mode; the two schemas differ in what they keep. */
function makeSchema<M extends Mode>(mode: M) {
  return z
    .object({
      healthInsurance: requiredOnSubmit(mode, healthInsuranceSchema()),
      pensionInsurance: requiredOnSubmit(mode, pensionInsuranceSchema()),
      employmentInsurance: requiredOnSubmit(mode, employmentInsuranceSchema()),
      kentaikyo: requiredOnSubmit(mode, kentaikyoSchema()),
      chutaikyo: requiredOnSubmit(mode, chutaikyoSchema()),
      employmentInsuranceNumber: z.string().nullish(),
      kentaikyoNumber: z.string().nullish(),
    })
    .superRefine((value, ctx) => addFieldIssues(ctx, parseConditionalFields(value, mode).issues));
}

/** 社会保険 as sent with 次へ. */
export const socialInsuranceSchema = makeSchema("submit").transform((value): SocialInsurance => {
  const { data } = parseConditionalFields(value, "submit");
  // superRefine has already refused a missing number, so the "" fallbacks are never used.
  const employment =
    value.employmentInsurance === "被保険者"
      ? {
          employmentInsurance: value.employmentInsurance,
          employmentInsuranceNumber: data.employmentInsuranceNumber ?? "",
        }
      : { employmentInsurance: value.employmentInsurance };
  const kentaikyo =
    value.kentaikyo === "joined"
      ? { kentaikyo: value.kentaikyo, kentaikyoNumber: data.kentaikyoNumber ?? "" }
      : { kentaikyo: value.kentaikyo };
  return {
    healthInsurance: value.healthInsurance,
    pensionInsurance: value.pensionInsurance,
    ...employment,
    ...kentaikyo,
    chutaikyo: value.chutaikyo,
  };
});

/**
 * 社会保険 for 一時保存: nothing is required; a number that is filled in gets the same
 * normalisation and format rules, and is dropped when another answer is chosen.
 */
export const socialInsuranceDraftSchema = makeSchema("draft").transform((value): SocialInsuranceDraft => {
  const draft: SocialInsuranceDraft = {};
  // Unanswered questions are left out rather than kept as undefined.
  if (value.healthInsurance !== undefined) draft.healthInsurance = value.healthInsurance;
  if (value.pensionInsurance !== undefined) draft.pensionInsurance = value.pensionInsurance;
  if (value.employmentInsurance !== undefined) draft.employmentInsurance = value.employmentInsurance;
  if (value.kentaikyo !== undefined) draft.kentaikyo = value.kentaikyo;
  if (value.chutaikyo !== undefined) draft.chutaikyo = value.chutaikyo;
  return { ...draft, ...parseConditionalFields(value, "draft").data };
});

export type SocialInsuranceInput = z.input<typeof socialInsuranceSchema>;
export type SocialInsuranceDraftInput = z.input<typeof socialInsuranceDraftSchema>;
