"use client";
// 所属事業者情報: 所属する事業者がある (事業者名, 事業者ID) or 一人親方.
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { useServerForm } from "@/components/form/use-server-form";
import { useDraftAutosave } from "@/components/form/use-draft-autosave";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { autosaveEmployerAction, saveEmployerAction } from "@/lib/actions/save-employer";
import { EMPLOYMENT_KINDS, employerFieldsApply } from "@/lib/schemas/employer-fields";
import { withRuby } from "@/lib/i18n/ruby";

const FORM_ID = "employer-form";

export function EmployerForm({ saved, draftKey }: { saved: Record<string, string>; draftKey: string }) {
  const t = useTranslations("employer");
  const form = useServerForm({
    loadSchema: () => import("@/lib/schemas/employer").then((m) => m.employerSchema),
    action: saveEmployerAction,
    fields: ["employmentKind", "employerName", "employerId"],
    defaultValues: saved,
  });
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = form;
  const autosave = useDraftAutosave({
    form,
    formId: FORM_ID,
    storageKey: `ccus-draft:employer:${draftKey}`,
    saved,
    autosave: autosaveEmployerAction,
  });
  // Shown or hidden from the first paint by the saved answer; without JavaScript always shown
  // (CSS: .shown-without-js), with the hint below. Not by hydration: nothing moves when it ends.
  const showEmployer = employerFieldsApply(form.watch("employmentKind"), "submit");

  return (
    <form {...formProps} onSubmit={autosave.forgetOnSubmit(formProps.onSubmit)} id={FORM_ID} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />
      <RadioGroup
        id="employmentKind"
        legend={t("labels.employmentKind")}
        required
        error={errorFor("employmentKind")}
        options={EMPLOYMENT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        {...field("employmentKind")}
      />
      <div hidden={!showEmployer} className="shown-without-js">
        <p className="field__hint without-js-only">{withRuby(t("form.soleProprietorNoNeed"))}</p>
        <TextField
          id="employerName"
          label={t("labels.employerName")}
          required
          hint={t("form.employerNameHint")}
          error={errorFor("employerName")}
          {...field("employerName")}
        />
        <TextField
          id="employerId"
          label={t("labels.employerId")}
          inputMode="numeric"
          hint={t("form.employerIdHint")}
          error={errorFor("employerId")}
          {...field("employerId")}
        />
      </div>
      <GroupFormActions status={autosave.status} isPending={isPending} />
    </form>
  );
}
