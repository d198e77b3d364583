"use client";
// 社会保険 (健康保険・年金保険・雇用保険), 建退共 and 中退共. Numbers are asked only when the answer
// needs them (被保険者, 加入), the 健康保険 proof image unless 適用除外.
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup } from "@/components/form/choice-group";
import { ImageField, ImplicitSubmitButton, type StoredImage } from "@/components/form/image-field";
import { TextField } from "@/components/form/text-field";
import { useDraftAutosave } from "@/components/form/use-draft-autosave";
import { useImageChecks } from "@/components/form/use-image-checks";
import { useServerForm } from "@/components/form/use-server-form";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { Notice } from "@/components/ui/notice";
import {
  autosaveSocialInsuranceAction,
  saveSocialInsuranceAction,
} from "@/lib/actions/save-social-insurance";
import {
  EMPLOYMENT_INSURANCE_KINDS,
  HEALTH_INSURANCE_KINDS,
  HEALTH_INSURANCE_PROOF_FIELD,
  KYOSAI_STATUSES,
  KYOSAI_STATUS_LABELS,
  PENSION_KINDS,
  SOCIAL_INSURANCE_LABELS as L,
  SOCIAL_INSURANCE_FIELDS,
  SOCIAL_INSURANCE_MESSAGES,
  isHealthInsuranceProofRequired,
  employmentInsuranceNumberApplies,
  kentaikyoNumberApplies,
} from "@/lib/schemas/social-insurance-fields";

const FORM_ID = "social-insurance-form";
// Two radios on one page never share a name: 「適用除外」 and 「加入」 say which question they answer.
const options = (values: readonly string[], group: string) =>
  values.map((value) => ({ value, label: value === "適用除外" ? `適用除外（${group}）` : value }));
const kyosaiOptions = (name: string) =>
  KYOSAI_STATUSES.map((value) => ({ value, label: `${name}に${KYOSAI_STATUS_LABELS[value]}` }));
/** The fields in page order, for the error summary: the proof image follows 健康保険. */
const FIELDS = SOCIAL_INSURANCE_FIELDS.flatMap((key) =>
  key === "healthInsurance" ? [key, HEALTH_INSURANCE_PROOF_FIELD] : [key],
);

export function SocialInsuranceForm({
  saved,
  draftKey,
  proof,
}: {
  saved: Record<string, string>;
  draftKey: string;
  /** The stored 健康保険 proof image. */
  proof: StoredImage | null;
}) {
  const form = useServerForm({
    action: saveSocialInsuranceAction,
    fields: SOCIAL_INSURANCE_FIELDS,
    defaultValues: saved,
    loadSchema: () =>
      import("@/lib/schemas/social-insurance").then((schemas) => schemas.socialInsuranceSchema),
  });
  const { field, state, isPending, errorFor, focusKey, formProps } = form;
  const autosave = useDraftAutosave({
    form,
    formId: FORM_ID,
    storageKey: `ccus-draft:social-insurance:${draftKey}`,
    saved,
    autosave: autosaveSocialInsuranceAction,
  });
  // What an answer shows or hides: see employer-form.tsx (.shown-without-js).
  const employmentInsurance = form.watch("employmentInsurance");
  const kentaikyo = form.watch("kentaikyo");
  // Shown exactly when 次へ would ask for them (the schema's own rule).
  const asksInsuranceNumber = employmentInsuranceNumberApplies(employmentInsurance, "submit");
  const asksKentaikyoNumber = kentaikyoNumberApplies(kentaikyo, "submit");
  const asksProof = isHealthInsuranceProofRequired(form.watch("healthInsurance"));
  const imageChecks = useImageChecks([
    {
      name: HEALTH_INSURANCE_PROOF_FIELD,
      requiredMessage:
        asksProof && !proof ? SOCIAL_INSURANCE_MESSAGES.healthInsuranceProofRequired : undefined,
    },
  ]);
  const errorOf = (name: string) => imageChecks.errors[name] ?? errorFor(name);
  const summary = FIELDS.flatMap((name) => {
    const message = errorOf(name);
    return message ? [{ fieldId: name, message }] : [];
  });
  // An image stopped the form: show the other answers' errors at the same time.
  const onRefused = (isNext: boolean) => {
    if (isNext) void form.validate();
  };
  const onSubmit = imageChecks.guard(autosave.forgetOnSubmit(formProps.onSubmit), onRefused);

  return (
    <form {...formProps} onSubmit={onSubmit} id={FORM_ID} className="form">
      <ImplicitSubmitButton />
      <FormFeedback summary={summary} focusKey={`${focusKey}:${imageChecks.refusedCount}`} state={state} />
      <h2 className="section-title">社会保険</h2>
      <Notice tone="warning" title="保険証の写しについて" headingLevel={3}>
        <p>
          加入を確認する書類の画像を送るときは、保険者番号・被保険者等記号・番号を黒く塗りつぶして（マスキングして）ください。
        </p>
      </Notice>
      <RadioGroup
        id="healthInsurance"
        legend={L.healthInsurance}
        required
        error={errorFor("healthInsurance")}
        options={options(HEALTH_INSURANCE_KINDS, "健康保険")}
        {...field("healthInsurance")}
      />
      <div hidden={!asksProof} className="shown-without-js">
        <ImageField
          id={HEALTH_INSURANCE_PROOF_FIELD}
          name={HEALTH_INSURANCE_PROOF_FIELD}
          slot="health-insurance-proof"
          label={L.healthInsuranceProof}
          required
          hint="「適用除外」の方は不要です。健康保険証、資格確認書など、加入している健康保険とあなたの氏名がわかる書類を撮影してください。"
          reminder="記号・番号・保険者番号・QRコードは、紙や付箋で隠してから撮影してください。"
          error={errorOf(HEALTH_INSURANCE_PROOF_FIELD)}
          current={proof}
          disabled={isPending}
        />
      </div>
      <RadioGroup
        id="pensionInsurance"
        legend={L.pensionInsurance}
        required
        error={errorFor("pensionInsurance")}
        options={options(PENSION_KINDS, "年金保険")}
        {...field("pensionInsurance")}
      />
      <RadioGroup
        id="employmentInsurance"
        legend={L.employmentInsurance}
        required
        error={errorFor("employmentInsurance")}
        options={options(EMPLOYMENT_INSURANCE_KINDS, "雇用保険")}
        {...field("employmentInsurance")}
      />
      <div hidden={!asksInsuranceNumber} className="shown-without-js">
        <TextField
          id="employmentInsuranceNumber"
          label={L.employmentInsuranceNumber}
          required
          inputMode="numeric"
          hint="被保険者の方のみ。雇用保険被保険者証の「4桁-6桁-1桁」の番号（例：1234-567890-1）"
          error={errorFor("employmentInsuranceNumber")}
          {...field("employmentInsuranceNumber")}
        />
      </div>
      <h2 className="section-title">建退共</h2>
      <RadioGroup
        id="kentaikyo"
        legend="建退共（建設業退職金共済）"
        required
        inline
        error={errorFor("kentaikyo")}
        options={kyosaiOptions("建退共")}
        {...field("kentaikyo")}
      />
      <div hidden={!asksKentaikyoNumber} className="shown-without-js">
        <TextField
          id="kentaikyoNumber"
          label={L.kentaikyoNumber}
          required
          inputMode="numeric"
          hint="加入している方のみ。共済手帳に書かれている番号"
          error={errorFor("kentaikyoNumber")}
          {...field("kentaikyoNumber")}
        />
      </div>
      <h2 className="section-title">中退共</h2>
      <RadioGroup
        id="chutaikyo"
        legend="中退共（中小企業退職金共済）"
        required
        inline
        error={errorFor("chutaikyo")}
        options={kyosaiOptions("中退共")}
        {...field("chutaikyo")}
      />
      <GroupFormActions status={autosave.status} isPending={isPending} />
    </form>
  );
}
