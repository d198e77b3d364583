// The 所属事業者情報 page of 申請内容登録: either the employer (事業者名, optional 事業者ID)
// or 一人親方. One schema for the browser form and the server action, plus a lenient draft schema
// for 一時保存. Browser-safe: no node-only imports.
import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";
import { characterCount, choiceSchema, halfWidthDigits, optionalField } from "@/lib/schemas/normalize";
import { addFieldIssues, parseInto, requiredOnSubmit, type FieldIssue, type Mode } from "@/lib/schemas/mode";
import { EMPLOYMENT_KINDS, type EmploymentKind, employerFieldsApply } from "@/lib/schemas/employer-fields";

export {
  EMPLOYER_LABELS,
  EMPLOYMENT_KINDS,
  EMPLOYMENT_KIND_LABELS,
  type EmploymentKind,
} from "@/lib/schemas/employer-fields";

export const EMPLOYER_NAME_MAX = 100;

/** References into messages/<language>/employer.json (issue 15), put into words where shown. */
export const EMPLOYER_MESSAGES = {
  employmentKindRequired: messageRef("employer.validation.employmentKindRequired"),
  employerNameRequired: messageRef("employer.validation.employerNameRequired"),
  employerIdInvalid: messageRef("employer.validation.employerIdInvalid"),
} as const;

// ---------------------------------------------------------------------------------------------
// Field schemas

function employmentKindSchema() {
  return choiceSchema(EMPLOYMENT_KINDS, {
    required: EMPLOYER_MESSAGES.employmentKindRequired,
    invalid: EMPLOYER_MESSAGES.employmentKindRequired,
  });
}

/** 事業者名: trimmed, full-width digits made half-width; everything else kept as typed. */
export const employerNameSchema = z
  .string()
  .nullish()
  .transform((value) => halfWidthDigits(value ?? ""))
  .pipe(
    z
      .string()
      .min(1, { error: EMPLOYER_MESSAGES.employerNameRequired })
      .refine((v) => characterCount(v) <= EMPLOYER_NAME_MAX, {
        error: (issue) =>
          messageRef("employer.validation.employerNameTooLong", {
            max: EMPLOYER_NAME_MAX,
            count: typeof issue.input === "string" ? characterCount(issue.input) : 0,
          }),
      }),
  );

/** 事業者ID: "12345678901222", "1234-5678-9012-22", "１２３４ ５６７８ ９０１２ ２２" → 14 digits. */
export const employerIdSchema = z
  .string()
  .nullish()
  .transform((value) => halfWidthDigits(value ?? "").replace(/[\s-]/g, ""))
  .pipe(
    z.string().refine((v) => /^[0-9]{12}22$/.test(v), {
      error: EMPLOYER_MESSAGES.employerIdInvalid,
    }),
  );

// ---------------------------------------------------------------------------------------------
// The employer's fields: validated (and kept) only for someone with an employer, so that values
// left in the hidden section by a 一人親方 neither block the form nor get stored.

/** The fields asked only when 所属 is 所属する事業者がある (the form hides them for 一人親方). */
export const EMPLOYER_KEYS = ["employerName", "employerId"] as const;
type EmployerKey = (typeof EMPLOYER_KEYS)[number];

type RawEmployerFields = Partial<Record<EmployerKey, string | null>>;
type EmployerFields = { employerName?: string; employerId?: string };

function parseEmployerFields(
  raw: RawEmployerFields,
  mode: Mode,
): { data: EmployerFields; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const data: EmployerFields = {
    employerName: parseInto(
      requiredOnSubmit(mode, employerNameSchema),
      raw.employerName,
      ["employerName"],
      issues,
    ),
    employerId: parseInto(optionalField(employerIdSchema), raw.employerId, ["employerId"], issues),
  };
  // Keys with no value are left out rather than kept as undefined.
  if (data.employerName === undefined) delete data.employerName;
  if (data.employerId === undefined) delete data.employerId;
  return { data, issues };
}

function addEmployerIssues(
  value: { employmentKind?: string | undefined } & RawEmployerFields,
  mode: Mode,
  ctx: z.RefinementCtx,
): void {
  if (employerFieldsApply(value.employmentKind, mode)) {
    addFieldIssues(ctx, parseEmployerFields(value, mode).issues);
  }
}

// ---------------------------------------------------------------------------------------------
// The page schemas

/** 所属事業者情報 as saved with 次へ. */
export type Employer =
  | { employmentKind: "employee"; employerName: string; employerId?: string }
  | { employmentKind: "sole-proprietor" };

/** 所属事業者情報 as saved with 一時保存: anything may be missing. */
export type EmployerDraft = { employmentKind?: EmploymentKind } & EmployerFields;

/** The page's fields and their checks in either mode; the two schemas differ in what they keep. */
function makeSchema<M extends Mode>(mode: M) {
  return z
    .object({
      employmentKind: requiredOnSubmit(mode, employmentKindSchema()),
      employerName: z.string().nullish(),
      employerId: z.string().nullish(),
    })
    .superRefine((value, ctx) => addEmployerIssues(value, mode, ctx));
}

/** 所属事業者情報 as sent with 次へ. For 一人親方 the employer's fields are dropped. */
export const employerSchema = makeSchema("submit").transform((value): Employer => {
  if (value.employmentKind === "sole-proprietor") return { employmentKind: "sole-proprietor" };
  const { data } = parseEmployerFields(value, "submit");
  // superRefine has already refused a missing 事業者名, so this transform never sees one.
  return { employmentKind: "employee", ...data, employerName: data.employerName ?? "" };
});

/**
 * 所属事業者情報 for 一時保存: nothing is required; a 事業者名 or 事業者ID that is filled in gets the
 * same normalisation and format rules. For 一人親方 the employer's fields are dropped.
 */
export const employerDraftSchema = makeSchema("draft").transform((value): EmployerDraft => {
  const kind = value.employmentKind;
  const result: EmployerDraft = kind === undefined ? {} : { employmentKind: kind };
  if (!employerFieldsApply(kind, "draft")) return result;
  return { ...result, ...parseEmployerFields(value, "draft").data };
});

export type EmployerInput = z.input<typeof employerSchema>;
export type EmployerDraftInput = z.input<typeof employerDraftSchema>;
