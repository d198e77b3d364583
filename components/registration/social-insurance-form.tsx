"use client";
// 社会保険 (健康保険・年金保険・雇用保険), 建退共 and 中退共. Numbers are asked only when the answer
// needs them (被保険者, 加入), the 健康保険 proof image unless 適用除外.
import { useTranslations } from "next-intl";
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
  PENSION_KINDS,
  SOCIAL_INSURANCE_FIELDS,
  SOCIAL_INSURANCE_MESSAGES,
  insuranceChoiceRef,
  isHealthInsuranceProofRequired,
  type InsuranceField,
  employmentInsuranceNumberApplies,
  kentaikyoNumberApplies,
} from "@/lib/schemas/social-insurance-fields";
import { withRuby } from "@/lib/i18n/ruby";
import { useMessageText } from "@/lib/i18n/use-message-text";

const FORM_ID = "social-insurance-form";
type SocialInsuranceText = ReturnType<typeof useTranslations<"socialInsurance">>;
/** The options in the page's language (insuranceChoiceRef: the check page shows the answer in the same words). */
const options = (text: (message: string) => string, values: readonly string[], field: InsuranceField) =>
  values.map((value) => ({ value, label: text(insuranceChoiceRef(field, value) ?? value) }));
const kyosaiOptions = (t: SocialInsuranceText, name: "kentaikyo" | "chutaikyo") =>
  KYOSAI_STATUSES.map((value) => ({
    value,
    label: t(`options.${name}${value === "joined" ? "Joined" : "NotJoined"}`),
  }));
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
  const t = useTranslations("socialInsurance");
  const text = useMessageText();
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
  const errorOf = (name: string) => {
    const imageError = imageChecks.errors[name];
    return imageError === undefined ? errorFor(name) : text(imageError);
  };
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
      <h2 className="section-title">{withRuby(t("form.socialInsuranceHeading"))}</h2>
      <Notice tone="warning" title={t("form.maskingTitle")} headingLevel={3}>
        <p>{withRuby(t("form.maskingBody"))}</p>
      </Notice>
      <RadioGroup
        id="healthInsurance"
        legend={t("labels.healthInsurance")}
        required
        error={errorFor("healthInsurance")}
        options={options(text, HEALTH_INSURANCE_KINDS, "healthInsurance")}
        {...field("healthInsurance")}
      />
      <div hidden={!asksProof} className="shown-without-js">
        <ImageField
          id={HEALTH_INSURANCE_PROOF_FIELD}
          name={HEALTH_INSURANCE_PROOF_FIELD}
          slot="health-insurance-proof"
          label={t("labels.healthInsuranceProof")}
          required
          hint={t("form.proofHint")}
          reminder={t("form.proofReminder")}
          error={errorOf(HEALTH_INSURANCE_PROOF_FIELD)}
          current={proof}
          disabled={isPending}
        />
      </div>
      <RadioGroup
        id="pensionInsurance"
        legend={t("labels.pensionInsurance")}
        required
        error={errorFor("pensionInsurance")}
        options={options(text, PENSION_KINDS, "pensionInsurance")}
        {...field("pensionInsurance")}
      />
      <RadioGroup
        id="employmentInsurance"
        legend={t("labels.employmentInsurance")}
        required
        error={errorFor("employmentInsurance")}
        options={options(text, EMPLOYMENT_INSURANCE_KINDS, "employmentInsurance")}
        {...field("employmentInsurance")}
      />
      <div hidden={!asksInsuranceNumber} className="shown-without-js">
        <TextField
          id="employmentInsuranceNumber"
          label={t("labels.employmentInsuranceNumber")}
          required
          inputMode="numeric"
          hint={t("form.employmentInsuranceNumberHint")}
          error={errorFor("employmentInsuranceNumber")}
          {...field("employmentInsuranceNumber")}
        />
      </div>
      <h2 className="section-title">{withRuby(t("form.kentaikyoHeading"))}</h2>
      <RadioGroup
        id="kentaikyo"
        legend={t("labels.kentaikyo")}
        required
        inline
        error={errorFor("kentaikyo")}
        options={kyosaiOptions(t, "kentaikyo")}
        {...field("kentaikyo")}
      />
      <div hidden={!asksKentaikyoNumber} className="shown-without-js">
        <TextField
          id="kentaikyoNumber"
          label={t("labels.kentaikyoNumber")}
          required
          inputMode="numeric"
          hint={t("form.kentaikyoNumberHint")}
          error={errorFor("kentaikyoNumber")}
          {...field("kentaikyoNumber")}
        />
      </div>
      <h2 className="section-title">{withRuby(t("form.chutaikyoHeading"))}</h2>
      <RadioGroup
        id="chutaikyo"
        legend={t("labels.chutaikyo")}
        required
        inline
        error={errorFor("chutaikyo")}
        options={kyosaiOptions(t, "chutaikyo")}
        {...field("chutaikyo")}
      />
      <GroupFormActions status={autosave.status} isPending={isPending} />
    </form>
  );
}
